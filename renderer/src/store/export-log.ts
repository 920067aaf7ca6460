import type { ExportFormat, ExportResult, ExportVerification, InputOf, OpError } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

/** What the export form holds: text as typed, so a half-typed date stays on screen to correct. */
export interface ExportForm {
  from: string;
  to: string;
  team: string;
  practitioner: string;
  rule: string;
  format: ExportFormat;
  purpose: string;
  recipient: string;
}

export interface ExportState {
  form: ExportForm;
  running: boolean;
  /** Problems with the form, by field id, before or after the service has seen it. */
  fieldErrors: Partial<Record<keyof ExportForm, string>>;
  error: OpError | null;
  done: ExportResult | null;
  verify: { running: boolean; result: ExportVerification | null; error: OpError | null; file: string | null };
}

export interface ExportSlice {
  exportLog: ExportState;
  setExportField: <K extends keyof ExportForm>(key: K, value: ExportForm[K]) => void;
  /** Checks the form, asks the host where to write, exports, then hands the file over (a download in the browser). */
  runExport: () => Promise<void>;
  /** Verifies a file: the one the user picked in the browser, or through the native dialog on desktop. */
  verifyFile: (file?: File) => Promise<void>;
  resetVerify: () => void;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const initialForm: ExportForm = { from: '', to: '', team: '', practitioner: '', rule: '', format: 'csv', purpose: '', recipient: '' };
const initial: ExportState = {
  form: initialForm,
  running: false,
  fieldErrors: {},
  error: null,
  done: null,
  verify: { running: false, result: null, error: null, file: null },
};

/** The form's own checks, in the order the fields appear; the service checks again. */
export function checkExportForm(form: ExportForm): ExportState['fieldErrors'] {
  const errors: ExportState['fieldErrors'] = {};
  if (form.from && !isoDate.test(form.from)) errors.from = 'Enter the start date as a date, like 2026-09-01';
  if (form.to && !isoDate.test(form.to)) errors.to = 'Enter the end date as a date, like 2026-11-30';
  if (!errors.from && !errors.to && form.from && form.to && form.from > form.to) errors.to = 'The end date must be the same as or after the start date';
  if (!form.purpose.trim()) errors.purpose = 'Enter why the log is being disclosed';
  if (!form.recipient.trim()) errors.recipient = 'Enter who the log is for';
  return errors;
}

/** The contract's input for the form: empty filters left out. */
export function exportInput(form: ExportForm, out: string): InputOf<'log:export'> {
  const trimmed = (v: string) => v.trim() || undefined;
  const filters = { from: trimmed(form.from), to: trimmed(form.to), team: trimmed(form.team), practitioner: trimmed(form.practitioner), rule: trimmed(form.rule) };
  return {
    format: form.format,
    out,
    purpose: form.purpose.trim(),
    recipient: form.recipient.trim(),
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
  };
}

const formFields: readonly string[] = Object.keys(initialForm);
const isFormField = (f: string | undefined): f is keyof ExportForm => f !== undefined && formFields.includes(f);

export const exportSlice: Slice<ExportSlice> = (client) => (set, get) => {
  const patch = (p: Partial<ExportState>) => {
    set((s) => ({ exportLog: { ...s.exportLog, ...p } }));
  };
  const patchVerify = (p: Partial<ExportState['verify']>) => {
    set((s) => ({ exportLog: { ...s.exportLog, verify: { ...s.exportLog.verify, ...p } } }));
  };
  return {
    exportLog: initial,
    setExportField: (key, value) => {
      set((s) => ({ exportLog: { ...s.exportLog, form: { ...s.exportLog.form, [key]: value } } }));
    },
    runExport: async () => {
      const { form, running } = get().exportLog;
      if (running) return;
      const fieldErrors = checkExportForm(form);
      patch({ fieldErrors, error: null, done: null });
      if (Object.keys(fieldErrors).length) return;
      patch({ running: true });
      const target = await client.chooseExportTarget(form.format);
      if (!target.ok || !target.value) {
        patch({ running: false, error: target.ok ? null : target.error });
        return;
      }
      const result = await client.call('log:export', exportInput(form, target.value.path));
      if (!result.ok) {
        const field = result.error.field === 'out' ? undefined : result.error.field;
        patch({ running: false, error: result.error, fieldErrors: isFormField(field) ? { [field]: result.error.message } : {} });
        return;
      }
      const delivered = await client.deliverExport(result.value.path);
      patch({ running: false, done: result.value, error: delivered.ok ? null : delivered.error });
    },
    verifyFile: async (file) => {
      patchVerify({ running: true, result: null, error: null, file: file?.name ?? null });
      const chosen = await client.chooseFileToVerify(file);
      if (!chosen.ok || !chosen.value) {
        patchVerify({ running: false, error: chosen.ok ? null : chosen.error });
        return;
      }
      const result = await client.call('log:verify', { path: chosen.value.path });
      patchVerify(
        result.ok
          ? { running: false, result: result.value, file: file?.name ?? chosen.value.path }
          : { running: false, error: result.error, file: file?.name ?? chosen.value.path },
      );
    },
    resetVerify: () => {
      patchVerify(initial.verify);
    },
  };
};
