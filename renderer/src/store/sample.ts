import { emptyDateParts, type DateParts, type InputOf, type OpError, type Review, type Sample, type SampleSummary } from '../../../db/contract/index.js';
import { checkDate, checkText, hasErrors, noErrors, problemWords, refusedFields, wholeDate, type FormErrors } from './form-errors.js';
import type { Slice } from './types.js';

export interface DrawForm {
  size: string;
  from: DateParts;
  to: DateParts;
  team: string;
  seed: string;
}

export interface SampleState {
  list: SampleSummary[] | null;
  current: Sample | null;
  /** The review being re-read, as it is now. */
  review: Review | null;
  form: DrawForm;
  fieldErrors: FormErrors<keyof DrawForm>;
  busy: boolean;
  /** A problem not about one field, in plain words. */
  error: string | null;
  /** The fields a refused re-reading names, in plain words (the service's error.fields). */
  recordErrors: FormErrors<'outcome' | 'note'>;
  /** Counts failed submits, so the error summary takes focus after each. */
  attempt: number;
  /** A message for the banner after a draw or a recorded re-reading. */
  done: string | null;
}

export interface SampleSlice {
  samples: SampleState;
  loadSamples: () => Promise<void>;
  setDrawField: <K extends keyof DrawForm>(key: K, value: DrawForm[K]) => void;
  /** Draws a stratified random sample of reviews and opens it. */
  drawSample: () => Promise<void>;
  openSample: (id: number) => Promise<void>;
  /** The review behind one sampled item, for the re-reading screen. */
  openSampleItem: (id: number, position: number) => Promise<void>;
  /** Records the re-reading; answers whether it was saved. */
  recordSampleItem: (input: InputOf<'sample:record'>) => Promise<boolean>;
}

const initialForm: DrawForm = { size: '20', from: emptyDateParts, to: emptyDateParts, team: '', seed: '' };
const initial: SampleState = {
  list: null,
  current: null,
  review: null,
  form: initialForm,
  fieldErrors: noErrors(),
  busy: false,
  error: null,
  recordErrors: noErrors(),
  attempt: 0,
  done: null,
};

export function checkDrawForm(form: DrawForm): FormErrors<keyof DrawForm> {
  const e = noErrors<keyof DrawForm>();
  const size = Number(form.size.trim());
  if (!/^\d+$/.test(form.size.trim()) || size < 1 || size > 500) e.messages.size = 'Enter how many reviews to sample, from 1 to 500';
  const from = checkDate(e, 'from', form.from, { name: 'First review date', missing: 'Enter the first review date' }, { required: true });
  const to = checkDate(e, 'to', form.to, { name: 'Last review date', missing: 'Enter the last review date' }, { required: true });
  if (from && to && from > to) wholeDate(e, 'to', 'Last review date must be the same as or after the first review date');
  if (form.team.trim() && !/^[A-Za-z0-9]+$/.test(form.team.trim())) e.messages.team = 'Team code must be letters and numbers only';
  else checkText(e, 'team', form.team, { name: 'Team code' }, 20);
  if (form.seed.trim() && !/^\d{1,15}$/.test(form.seed.trim())) e.messages.seed = 'Enter the seed as a whole number, or leave it empty';
  return e;
}

/** The date the boxes hold ('' when none: the form has refused it first). */
const isoOf = (d: DateParts): string => checkDate(noErrors<'d'>(), 'd', d, { name: '', missing: '' });

/** The engine's refusal of a draw, in plain words: most often, no reviews in the dates asked for. */
function drawProblem(error: OpError): string {
  if (error.code === 'invalid-input' && error.field === 'from' && !error.fields) {
    return 'There are no reviews that count as evidence between these dates. Choose other dates or another team.';
  }
  return problemWords(error, 'The sample was not drawn');
}

export function drawInput(form: DrawForm): InputOf<'sample:create'> {
  return {
    size: Number(form.size),
    from: isoOf(form.from),
    to: isoOf(form.to),
    ...(form.team.trim() ? { team: form.team.trim() } : {}),
    ...(form.seed.trim() ? { seed: Number(form.seed) } : {}),
  };
}

const formFields = Object.keys(initialForm) as (keyof DrawForm)[];

export const sampleSlice: Slice<SampleSlice> = (client) => (set, get) => {
  const patch = (p: Partial<SampleState>) => {
    set((s) => ({ samples: { ...s.samples, ...p } }));
  };
  return {
    samples: initial,
    loadSamples: async () => {
      patch({ done: null, error: null });
      const result = await client.call('sample:list', {});
      patch(result.ok ? { list: result.value } : { error: problemWords(result.error, 'The samples could not be read') });
    },
    setDrawField: (key, value) => {
      set((s) => ({ samples: { ...s.samples, form: { ...s.samples.form, [key]: value } } }));
    },
    drawSample: async () => {
      const { form, busy } = get().samples;
      if (busy) return;
      const fieldErrors = checkDrawForm(form);
      const attempt = get().samples.attempt + 1;
      patch({ fieldErrors, error: null, done: null });
      if (hasErrors(fieldErrors)) {
        patch({ attempt });
        return;
      }
      patch({ busy: true });
      const result = await client.call('sample:create', drawInput(form));
      if (!result.ok) {
        const refused = refusedFields(result.error, formFields, ['from', 'to']);
        patch({ busy: false, attempt, fieldErrors: refused, error: hasErrors(refused) ? null : drawProblem(result.error) });
        return;
      }
      patch({ busy: false, current: result.value, list: null, done: `Sample ${String(result.value.id)} drawn: ${String(result.value.items)} reviews to re-read` });
      get().navigate({ screen: 'sample', id: result.value.id });
    },
    openSample: async (id) => {
      if (get().samples.current?.id !== id) patch({ current: null });
      const result = await client.call('sample:get', { id });
      patch(result.ok ? { current: result.value, error: null } : { error: problemWords(result.error, 'The sample could not be opened') });
    },
    openSampleItem: async (id, position) => {
      patch({ review: null, recordErrors: noErrors(), error: null, done: null });
      if (get().samples.current?.id !== id) await get().openSample(id);
      const item = get().samples.current?.chosen.find((c) => c.position === position);
      if (!item) return;
      const review = await client.call('reviews:get', { id: item.reviewId });
      patch(review.ok ? { review: review.value } : { error: problemWords(review.error, 'The review could not be read') });
    },
    recordSampleItem: async (input) => {
      patch({ busy: true, error: null, recordErrors: noErrors() });
      const result = await client.call('sample:record', input);
      if (!result.ok) {
        const refused = refusedFields(result.error, ['outcome', 'note'] as const);
        const error = hasErrors(refused) ? null : problemWords(result.error, 'The re-reading was not recorded');
        patch({ busy: false, error, recordErrors: refused, attempt: get().samples.attempt + 1 });
        return false;
      }
      patch({ busy: false, current: result.value, done: `Re-reading of item ${String(input.position)} recorded` });
      return true;
    },
  };
};
