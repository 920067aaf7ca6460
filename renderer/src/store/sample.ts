import type { InputOf, OpError, Review, Sample, SampleSummary } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

export interface DrawForm {
  size: string;
  from: string;
  to: string;
  team: string;
  seed: string;
}

export interface SampleState {
  list: SampleSummary[] | null;
  current: Sample | null;
  /** The review being re-read, as it is now. */
  review: Review | null;
  form: DrawForm;
  fieldErrors: Partial<Record<keyof DrawForm | 'outcome', string>>;
  busy: boolean;
  error: OpError | null;
  /** A message for the banner after a draw or a recorded re-reading. */
  done: string | null;
}

export interface SampleSlice {
  samples: SampleState;
  loadSamples: () => Promise<void>;
  setDrawField: (key: keyof DrawForm, value: string) => void;
  /** Draws a stratified random sample of reviews and opens it. */
  drawSample: () => Promise<void>;
  openSample: (id: number) => Promise<void>;
  /** The review behind one sampled item, for the re-reading screen. */
  openSampleItem: (id: number, position: number) => Promise<void>;
  /** Records the re-reading; answers whether it was saved. */
  recordSampleItem: (input: InputOf<'sample:record'>) => Promise<boolean>;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const initialForm: DrawForm = { size: '20', from: '', to: '', team: '', seed: '' };
const initial: SampleState = { list: null, current: null, review: null, form: initialForm, fieldErrors: {}, busy: false, error: null, done: null };

export function checkDrawForm(form: DrawForm): SampleState['fieldErrors'] {
  const errors: SampleState['fieldErrors'] = {};
  const size = Number(form.size);
  if (!/^\d+$/.test(form.size.trim()) || size < 1 || size > 500) errors.size = 'Enter how many reviews to sample, from 1 to 500';
  if (!isoDate.test(form.from.trim())) errors.from = 'Enter the first review date as a date, like 2026-09-01';
  if (!isoDate.test(form.to.trim())) errors.to = 'Enter the last review date as a date, like 2026-11-30';
  else if (!errors.from && form.from.trim() > form.to.trim()) errors.to = 'The last review date must be the same as or after the first';
  if (form.seed.trim() && !/^\d{1,15}$/.test(form.seed.trim())) errors.seed = 'Enter the seed as a whole number, or leave it empty';
  return errors;
}

export function drawInput(form: DrawForm): InputOf<'sample:create'> {
  return {
    size: Number(form.size),
    from: form.from.trim(),
    to: form.to.trim(),
    ...(form.team.trim() ? { team: form.team.trim() } : {}),
    ...(form.seed.trim() ? { seed: Number(form.seed) } : {}),
  };
}

const formFields: readonly string[] = Object.keys(initialForm);
const isDrawField = (f: string | undefined): f is keyof DrawForm => f !== undefined && formFields.includes(f);

export const sampleSlice: Slice<SampleSlice> = (client) => (set, get) => {
  const patch = (p: Partial<SampleState>) => {
    set((s) => ({ samples: { ...s.samples, ...p } }));
  };
  return {
    samples: initial,
    loadSamples: async () => {
      patch({ done: null, error: null });
      const result = await client.call('sample:list', {});
      patch(result.ok ? { list: result.value } : { error: result.error });
    },
    setDrawField: (key, value) => {
      set((s) => ({ samples: { ...s.samples, form: { ...s.samples.form, [key]: value } } }));
    },
    drawSample: async () => {
      const { form, busy } = get().samples;
      if (busy) return;
      const fieldErrors = checkDrawForm(form);
      patch({ fieldErrors, error: null, done: null });
      if (Object.keys(fieldErrors).length) return;
      patch({ busy: true });
      const result = await client.call('sample:create', drawInput(form));
      if (!result.ok) {
        patch({ busy: false, error: result.error, fieldErrors: isDrawField(result.error.field) ? { [result.error.field]: result.error.message } : {} });
        return;
      }
      patch({ busy: false, current: result.value, list: null, done: `Sample ${String(result.value.id)} drawn: ${String(result.value.items)} reviews to re-read` });
      get().navigate({ screen: 'sample', id: result.value.id });
    },
    openSample: async (id) => {
      if (get().samples.current?.id !== id) patch({ current: null });
      const result = await client.call('sample:get', { id });
      patch(result.ok ? { current: result.value, error: null } : { error: result.error });
    },
    openSampleItem: async (id, position) => {
      patch({ review: null, fieldErrors: {}, error: null, done: null });
      if (get().samples.current?.id !== id) await get().openSample(id);
      const item = get().samples.current?.chosen.find((c) => c.position === position);
      if (!item) return;
      const review = await client.call('reviews:get', { id: item.reviewId });
      patch(review.ok ? { review: review.value } : { error: review.error });
    },
    recordSampleItem: async (input) => {
      patch({ busy: true, error: null, fieldErrors: {} });
      const result = await client.call('sample:record', input);
      if (!result.ok) {
        patch({ busy: false, error: result.error });
        return false;
      }
      patch({ busy: false, current: result.value, done: `Re-reading of item ${String(input.position)} recorded` });
      return true;
    },
  };
};
