import { emptyDateParts, type AuditPage, type AuditVerification, type DateParts, type InputOf, type OpError, type S62Operation } from '../../../db/contract/index.js';
import { checkDate, checkText, hasErrors, noErrors, problemWords, refusedFields, wholeDate, type FormErrors } from './form-errors.js';
import type { Slice } from './types.js';

export interface AuditFilters {
  operation: S62Operation | '';
  user: string;
  crn: string;
  from: DateParts;
  to: DateParts;
}

/** The filters that can be wrong, in the order they appear. */
export const auditFields = ['user', 'crn', 'from', 'to'] as const;
export type AuditField = (typeof auditFields)[number];

export interface AuditState {
  filters: AuditFilters;
  page: AuditPage | null;
  offset: number;
  loading: boolean;
  /** A problem not about one filter, in plain words. */
  error: string | null;
  fieldErrors: FormErrors<AuditField>;
  /** Counts failed applications of the filters, so the error summary takes focus after each. */
  attempt: number;
  chain: { checking: boolean; result: AuditVerification | null; error: OpError | null };
}

export interface AuditSlice {
  audit: AuditState;
  setAuditFilter: <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) => void;
  /** Reads a page of the audit log under the filters; the reading is itself logged by the engine. */
  loadAudit: (offset?: number) => Promise<void>;
  clearAuditFilters: () => Promise<void>;
  /** Checks the chain, and its checkpoints; with `against`, also that it still holds the head an export recorded (the file picked in the browser, or a dialog on the desktop). */
  verifyAuditChain: (against?: File | 'dialog') => Promise<void>;
}

export const auditPageSize = 50;

const initialFilters: AuditFilters = { operation: '', user: '', crn: '', from: emptyDateParts, to: emptyDateParts };
const initial: AuditState = {
  filters: initialFilters,
  page: null,
  offset: 0,
  loading: false,
  error: null,
  fieldErrors: noErrors(),
  attempt: 0,
  chain: { checking: false, result: null, error: null },
};

/** The filters' own checks, in GOV.UK words; the engine checks again. */
export function checkAuditFilters(f: AuditFilters): FormErrors<AuditField> {
  const e = noErrors<AuditField>();
  checkText(e, 'user', f.user, { name: 'User' }, 200);
  if (f.crn.trim() && !/^[A-Z][0-9]{6}$/.test(f.crn.trim().toUpperCase())) e.messages.crn = 'CRN must be one letter and six digits, like X123456';
  const from = checkDate(e, 'from', f.from, { name: 'From date', missing: '' });
  const to = checkDate(e, 'to', f.to, { name: 'To date', missing: '' });
  if (from && to && from > to) wholeDate(e, 'to', 'To date must be the same as or after the from date');
  return e;
}

/** The contract's input: empty filters left out; a date only when the boxes hold a real one. */
export function auditInput(filters: AuditFilters, offset: number): InputOf<'audit:list'> {
  const text = (v: string) => v.trim() || undefined;
  const date = (d: DateParts) => checkDate(noErrors<'d'>(), 'd', d, { name: '', missing: '' }) || undefined;
  const given = { operation: filters.operation || undefined, user: text(filters.user), crn: text(filters.crn)?.toUpperCase(), from: date(filters.from), to: date(filters.to) };
  return { ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)), offset, limit: auditPageSize };
}

export const auditSlice: Slice<AuditSlice> = (client) => (set, get) => {
  const patch = (p: Partial<AuditState>) => {
    set((s) => ({ audit: { ...s.audit, ...p } }));
  };
  return {
    audit: initial,
    setAuditFilter: (key, value) => {
      set((s) => ({ audit: { ...s.audit, filters: { ...s.audit.filters, [key]: value } } }));
    },
    loadAudit: async (offset = 0) => {
      const { filters, attempt } = get().audit;
      const fieldErrors = checkAuditFilters(filters);
      if (hasErrors(fieldErrors)) {
        patch({ fieldErrors, error: null, attempt: attempt + 1 });
        return;
      }
      patch({ loading: true, error: null, fieldErrors });
      const result = await client.call('audit:list', auditInput(filters, offset));
      if (result.ok) {
        patch({ loading: false, page: result.value, offset });
        return;
      }
      const refused = refusedFields(result.error, auditFields, ['from', 'to']);
      patch({ loading: false, fieldErrors: refused, error: hasErrors(refused) ? null : problemWords(result.error, 'The audit log could not be read'), attempt: attempt + 1 });
    },
    clearAuditFilters: async () => {
      patch({ filters: initialFilters });
      await get().loadAudit(0);
    },
    verifyAuditChain: async (against) => {
      patch({ chain: { checking: true, result: null, error: null } });
      let path: string | undefined;
      if (against) {
        const chosen = await client.chooseFileToVerify(against === 'dialog' ? undefined : against);
        if (!chosen.ok || !chosen.value) {
          patch({ chain: { checking: false, result: null, error: chosen.ok ? null : chosen.error } });
          return;
        }
        path = chosen.value.path;
      }
      const result = await client.call('audit:verify', path ? { against: path } : {});
      patch({ chain: result.ok ? { checking: false, result: result.value, error: null } : { checking: false, result: null, error: result.error } });
    },
  };
};
