import type { AuditPage, AuditVerification, InputOf, OpError, S62Operation } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

export interface AuditFilters {
  operation: S62Operation | '';
  user: string;
  crn: string;
  from: string;
  to: string;
}

export interface AuditState {
  filters: AuditFilters;
  page: AuditPage | null;
  offset: number;
  loading: boolean;
  error: OpError | null;
  chain: { checking: boolean; result: AuditVerification | null; error: OpError | null };
}

export interface AuditSlice {
  audit: AuditState;
  setAuditFilter: <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) => void;
  /** Reads a page of the audit log under the filters; the reading is itself logged by the engine. */
  loadAudit: (offset?: number) => Promise<void>;
  clearAuditFilters: () => Promise<void>;
  verifyAuditChain: () => Promise<void>;
}

export const auditPageSize = 50;

const initialFilters: AuditFilters = { operation: '', user: '', crn: '', from: '', to: '' };
const initial: AuditState = { filters: initialFilters, page: null, offset: 0, loading: false, error: null, chain: { checking: false, result: null, error: null } };

/** The contract's input: empty filters left out. */
export function auditInput(filters: AuditFilters, offset: number): InputOf<'audit:list'> {
  const text = (v: string) => v.trim() || undefined;
  const given = { operation: filters.operation || undefined, user: text(filters.user), crn: text(filters.crn)?.toUpperCase(), from: text(filters.from), to: text(filters.to) };
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
      patch({ loading: true, error: null });
      const result = await client.call('audit:list', auditInput(get().audit.filters, offset));
      patch(result.ok ? { loading: false, page: result.value, offset } : { loading: false, error: result.error });
    },
    clearAuditFilters: async () => {
      patch({ filters: initialFilters });
      await get().loadAudit(0);
    },
    verifyAuditChain: async () => {
      patch({ chain: { checking: true, result: null, error: null } });
      const result = await client.call('audit:verify', {});
      patch({ chain: result.ok ? { checking: false, result: result.value, error: null } : { checking: false, result: null, error: result.error } });
    },
  };
};
