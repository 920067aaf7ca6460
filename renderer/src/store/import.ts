import type { ImportReport, OpError, Progress } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

/** choose → checking → report (→ checking again after confirming the encoding) → committing → imported. */
export type ImportStage = 'choose' | 'checking' | 'report' | 'committing' | 'imported';

export interface ImportFlow {
  stage: ImportStage;
  paths: string[];
  /** What the user chose, in their words: the folder, or the files' names. */
  source: string;
  report: ImportReport | null;
  encoding: 'windows-1252' | undefined;
  skipInvalid: boolean;
  progress: Progress | null;
  error: OpError | null;
  imported: ImportReport | null;
}

export interface ImportSlice {
  importFlow: ImportFlow;
  /** Desktop: the native folder dialog, then the dry run. */
  chooseExtractFolder: () => Promise<void>;
  /** Browser: uploads the chosen files to the preview host, then the dry run. */
  uploadExtract: (files: readonly File[]) => Promise<void>;
  /** The user has seen the characters and says the file is Windows-1252: check again reading it so. */
  confirmEncoding: () => Promise<void>;
  setSkipInvalid: (skip: boolean) => void;
  commitImport: () => Promise<void>;
  restartImport: () => void;
  /** From anywhere (the menu's Import extract…): a fresh import, straight to the folder dialog on desktop. */
  openImport: () => Promise<void>;
}

const initial: ImportFlow = {
  stage: 'choose',
  paths: [],
  source: '',
  report: null,
  encoding: undefined,
  skipInvalid: false,
  progress: null,
  error: null,
  imported: null,
};

/** Whole-file problems (encoding, header, size) block the import even when invalid rows are skipped. */
export function blockingErrors(report: ImportReport): boolean {
  return report.errors.some((e) => e.column === undefined) || !!report.encodingQuestion?.length;
}

/** What the user can do with a dry-run report. */
export function importChoice(report: ImportReport): 'import' | 'import-skipping' | 'already-imported' | 'blocked' {
  if (report.alreadyImported) return 'already-imported';
  if (report.errors.length === 0 && report.rejected === 0) return 'import';
  return blockingErrors(report) ? 'blocked' : 'import-skipping';
}

export const importSlice: Slice<ImportSlice> = (client) => (set, get) => {
  const patch = (p: Partial<ImportFlow>) => {
    set((s) => ({ importFlow: { ...s.importFlow, ...p } }));
  };
  const check = async (paths: string[], source: string, encoding: ImportFlow['encoding']) => {
    patch({ stage: 'checking', paths, source, encoding, error: null, report: null, skipInvalid: false, progress: null });
    const result = await client.call('import:preview', { paths, skipInvalid: false, ...(encoding ? { encoding } : {}) }, (progress) => {
      patch({ progress });
    });
    patch(result.ok ? { stage: 'report', report: result.value, progress: null } : { stage: 'choose', error: result.error, progress: null });
  };
  return {
    importFlow: initial,
    chooseExtractFolder: async () => {
      const chosen = await client.chooseExtractFolder();
      if (!chosen.ok) patch({ error: chosen.error });
      else if (chosen.value) await check(chosen.value.paths, chosen.value.paths.join(', '), undefined);
    },
    uploadExtract: async (files) => {
      if (files.length === 0) {
        patch({ error: { code: 'invalid-input', message: 'Select the extract’s CSV files', field: 'files' } });
        return;
      }
      patch({ stage: 'checking', error: null, progress: null });
      const uploaded = await client.uploadExtract(files);
      if (!uploaded.ok) patch({ stage: 'choose', error: uploaded.error });
      else await check(uploaded.value.paths, files.map((f) => f.name).join(', '), undefined);
    },
    confirmEncoding: async () => {
      const { paths, source } = get().importFlow;
      await check(paths, source, 'windows-1252');
    },
    setSkipInvalid: (skipInvalid) => {
      patch({ skipInvalid });
    },
    commitImport: async () => {
      const { paths, encoding, skipInvalid } = get().importFlow;
      patch({ stage: 'committing', error: null, progress: null });
      const result = await client.call('import:commit', { paths, skipInvalid, ...(encoding ? { encoding } : {}) }, (progress) => {
        patch({ progress });
      });
      if (result.ok && result.value.committed) {
        patch({ stage: 'imported', imported: result.value, progress: null });
        await get().loadSummary();
      } else if (result.ok) {
        // The extract changed between the check and the import, or a whole-file problem remained.
        patch({ stage: 'report', report: result.value, progress: null, error: { code: 'invalid-input', message: 'Nothing was imported: the extract still has the problems listed below.' } });
      } else {
        patch({ stage: 'report', progress: null, error: result.error });
      }
    },
    restartImport: () => {
      set({ importFlow: initial });
    },
    openImport: async () => {
      set({ importFlow: initial });
      get().navigate({ screen: 'import' });
      if (client.host === 'desktop') await get().chooseExtractFolder();
    },
  };
};
