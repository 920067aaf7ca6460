import { emptyDateParts, type DateParts, type ExportFormat, type ExportResult, type ExportVerification, type InputOf, type OpError } from '../../../db/contract/index.js';
import { checkDate, checkText, hasErrors, noErrors, problemWords, refusedFields, wholeDate, type FormErrors } from './form-errors.js';
import type { Slice } from './types.js';

/** What the export form holds: text as typed, so a half-typed date stays on screen to correct. */
export interface ExportForm {
  from: DateParts;
  to: DateParts;
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
  /** Problems with the form, by field, before or after the service has seen it. */
  fieldErrors: FormErrors<keyof ExportForm>;
  /** A problem not about one field, in plain words. */
  error: string | null;
  /** Counts failed submits, so the error summary takes focus after each. */
  attempt: number;
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

/** The limits of the contract's log:export input, checked here first to say so in GOV.UK words. */
const limits = { team: 20, practitioner: 20, purpose: 200, recipient: 120 } as const;

const initialForm: ExportForm = { from: emptyDateParts, to: emptyDateParts, team: '', practitioner: '', rule: '', format: 'csv', purpose: '', recipient: '' };
const initial: ExportState = {
  form: initialForm,
  running: false,
  fieldErrors: noErrors(),
  error: null,
  attempt: 0,
  done: null,
  verify: { running: false, result: null, error: null, file: null },
};

/** The form's own checks, in the order the fields appear; the service checks again. */
export function checkExportForm(form: ExportForm): FormErrors<keyof ExportForm> {
  const e = noErrors<keyof ExportForm>();
  const from = checkDate(e, 'from', form.from, { name: 'Start date', missing: '' });
  const to = checkDate(e, 'to', form.to, { name: 'End date', missing: '' });
  if (from && to && from > to) wholeDate(e, 'to', 'End date must be the same as or after the start date');
  checkText(e, 'team', form.team, { name: 'Team code' }, limits.team);
  checkText(e, 'practitioner', form.practitioner, { name: 'Practitioner staff code' }, limits.practitioner);
  checkText(e, 'purpose', form.purpose, { name: 'Why the log is being disclosed', missing: 'Enter why the log is being disclosed' }, limits.purpose);
  checkText(e, 'recipient', form.recipient, { name: 'Who the log is for', missing: 'Enter who the log is for' }, limits.recipient);
  return e;
}

/** A date's boxes for the contract: '' when empty, else the date (the form has refused a wrong one). */
const isoOf = (d: DateParts): string => {
  const e = noErrors<'d'>();
  return checkDate(e, 'd', d, { name: '', missing: '' });
};

/** The contract's input for the form: empty filters left out. */
export function exportInput(form: ExportForm, out: string): InputOf<'log:export'> {
  const trimmed = (v: string) => v.trim() || undefined;
  const filters = { from: trimmed(isoOf(form.from)), to: trimmed(isoOf(form.to)), team: trimmed(form.team), practitioner: trimmed(form.practitioner), rule: trimmed(form.rule) };
  return {
    format: form.format,
    out,
    purpose: form.purpose.trim(),
    recipient: form.recipient.trim(),
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
  };
}

const formFields = Object.keys(initialForm) as (keyof ExportForm)[];

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
      const failed = () => get().exportLog.attempt + 1;
      patch({ fieldErrors, error: null, done: null });
      if (hasErrors(fieldErrors)) {
        patch({ attempt: failed() });
        return;
      }
      patch({ running: true });
      const target = await client.chooseExportTarget(form.format);
      if (!target.ok || !target.value) {
        patch(target.ok ? { running: false } : { running: false, error: problemWords(target.error, 'The oversight log was not exported'), attempt: failed() });
        return;
      }
      const result = await client.call('log:export', exportInput(form, target.value.path));
      if (!result.ok) {
        if (result.error.code === 'not-found') {
          // "No reviews match: …" is written for the person exporting (db/export/no-match.ts): shown
          // as it is, beside the filter it names when it names one.
          const field = formFields.find((f) => f === result.error.field);
          const fieldErrors = field ? { messages: { [field]: result.error.message }, parts: {} } : noErrors<keyof ExportForm>();
          patch({ running: false, error: field ? null : result.error.message, fieldErrors, attempt: failed() });
          return;
        }
        const refused = refusedFields(result.error, formFields, ['from', 'to']);
        const error = hasErrors(refused) ? null : problemWords(result.error, 'The oversight log was not exported');
        patch({ running: false, error, fieldErrors: refused, attempt: failed() });
        return;
      }
      const delivered = await client.deliverExport(target.value.path);
      patch(delivered.ok ? { running: false, done: result.value } : { running: false, done: result.value, error: problemWords(delivered.error, 'The file was not saved') });
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
