import type { CaseloadSummary, DemoSummary, OpError, Progress } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

export interface CaseloadState {
  summary: CaseloadSummary | null;
  loading: boolean;
  error: OpError | null;
  demo: { running: boolean; progress: Progress | null; error: OpError | null; loaded: DemoSummary | null };
}

export interface CaseloadSlice {
  caseload: CaseloadState;
  loadSummary: () => Promise<void>;
  /** Generates and imports the synthetic demo caseload, reporting progress. */
  loadDemo: () => Promise<void>;
}

const initial: CaseloadState = { summary: null, loading: false, error: null, demo: { running: false, progress: null, error: null, loaded: null } };

export const caseloadSlice: Slice<CaseloadSlice> = (client) => (set, get) => {
  const patch = (p: Partial<CaseloadState>) => {
    set((s) => ({ caseload: { ...s.caseload, ...p } }));
  };
  const patchDemo = (p: Partial<CaseloadState['demo']>) => {
    set((s) => ({ caseload: { ...s.caseload, demo: { ...s.caseload.demo, ...p } } }));
  };
  return {
    caseload: initial,
    loadSummary: async () => {
      patch({ loading: true });
      const result = await client.call('caseload:summary', {});
      patch(result.ok ? { summary: result.value, loading: false, error: null } : { loading: false, error: result.error });
    },
    loadDemo: async () => {
      if (get().caseload.demo.running) return;
      patchDemo({ running: true, progress: null, error: null, loaded: null });
      const result = await client.call('demo:load', { seed: 1 }, (progress) => {
        patchDemo({ progress });
      });
      patchDemo(result.ok ? { running: false, loaded: result.value } : { running: false, error: result.error });
      await get().loadSummary();
    },
  };
};
