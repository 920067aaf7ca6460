import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportReport, ImportWarning } from '../contract/index.js';
import type { Db } from '../connection.js';
import { crossRowProblem, type CrossRow } from './cross-row.js';
import { columnAt, kindOrder, matchHeader, requiredKinds } from './kinds.js';
import { defaultLimits, type ImportLimits } from './limits.js';
import { listFiles } from './list-files.js';
import { ErrorList, UnknownCodes } from './problems.js';
import { readCsv, readHeader } from './read-csv.js';
import { caseCounts, currentFingerprint, fingerprint, replaceSnapshot, writeLog, type LoggedFile } from './snapshot.js';
import { nonAsciiCharacters, sniffFile } from './sniff.js';
import { createStaging, dropStaging, Stager, stagingTable } from './staging.js';
import { layoutFor, validateRow } from './validate-row.js';

export interface ImportOptions {
  paths: string[];
  encoding?: 'windows-1252' | undefined;
  skipInvalid: boolean;
  osUser: string;
  appUser?: string | null;
  now: () => Date;
  limits?: Partial<ImportLimits>;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
}

export type RunImportOptions = ImportOptions & { commit: boolean };

/**
 * An extract read, validated and staged: its dry-run report, and the write that would commit it.
 * The caller owns the transaction (the service's unit of work, with its audit entry), so
 * `commit()` must run inside one; `close()` drops the staging tables afterwards, committed or not.
 */
export interface StagedImport {
  /** The dry-run report (cli.md, "The import report"). */
  preview: ImportReport;
  /** Writes the import log entry and, when the extract is clean (or invalid rows are skipped), the new snapshot. */
  commit(): ImportReport;
  /** Whether commit() replaced the snapshot. */
  readonly committed: boolean;
  close(): void;
}

interface FileState extends LoggedFile {
  path: string;
  decodeAs: 'utf-8' | 'windows-1252' | null;
  columnIndex?: Map<string, number>;
  headerLength?: number;
}

const EXTRACT = '(extract)';

/**
 * Reads, validates and stages an extract (for a dry run and a commit alike), and then — inside the
 * caller's transaction, when it is clean or the user chose to skip invalid rows — replaces the
 * snapshot: a test or a script with no audit to write uses it through this wrapper.
 */
export async function runImport(db: Db, opts: RunImportOptions): Promise<ImportReport> {
  const staged = await stageImport(db, opts);
  try {
    return opts.commit ? db.transaction(() => staged.commit())() : staged.preview;
  } finally {
    staged.close();
  }
}

/** Reads, validates and stages an extract; see StagedImport for what the caller does next. */
export async function stageImport(db: Db, opts: ImportOptions): Promise<StagedImport> {
  const limits = { ...defaultLimits, ...opts.limits };
  const warnings: ImportWarning[] = [];
  const errors = new ErrorList(limits.maxErrorsListed);
  const unknownCodes = new UnknownCodes();
  const unknownColumns: ImportReport['unknownColumns'] = [];
  const encodingQuestion: NonNullable<ImportReport['encodingQuestion']> = [];

  const paths = await listFiles(opts.paths, warnings);
  const files: FileState[] = [];

  // 1. Before parsing: size, hash, encoding, row count, header.
  for (const path of paths) {
    const name = basename(path);
    const size = (await stat(path)).size;
    const f: FileState = { path, name, kind: null, sha256: '', encoding: 'unknown', rows: 0, bytes: size, decodeAs: null };
    files.push(f);
    if (size > limits.maxFileBytes) {
      errors.fileError(name, `${(size / 1024 / 1024).toFixed(0)} MB is over the ${(limits.maxFileBytes / 1024 / 1024).toFixed(0)} MB limit for one file; split the extract into several files of the same kind (e.g. contacts-01.csv, contacts-02.csv)`);
      continue;
    }
    const sniffed = await sniffFile(path);
    f.sha256 = sniffed.sha256;
    f.encoding = sniffed.encoding;
    if (sniffed.rows > limits.maxRows) {
      errors.fileError(name, `${sniffed.rows.toLocaleString('en-GB')} rows is over the ${limits.maxRows.toLocaleString('en-GB')}-row limit for one file; split the extract into several files of the same kind (e.g. contacts-01.csv, contacts-02.csv)`);
      continue;
    }
    switch (sniffed.encoding) {
      case 'utf-8':
      case 'utf-8-bom':
        f.decodeAs = 'utf-8';
        break;
      case 'windows-1252':
        if (opts.encoding === 'windows-1252') {
          f.decodeAs = 'windows-1252';
        } else {
          const characters = await nonAsciiCharacters(path);
          encodingQuestion.push({ file: name, encoding: 'windows-1252', characters });
          errors.fileError(name, `not UTF-8: it looks like Windows-1252 (saved from Excel as "CSV"), with ${characters.map((c) => `${c.char} (line ${c.line})`).join(', ')}; check these characters and confirm the encoding (--encoding windows-1252), or save the file as "CSV UTF-8"`);
        }
        break;
      case 'binary':
        errors.fileError(name, 'not a text file: it holds NUL or other control bytes throughout (is it a spreadsheet or a zip rather than CSV?)');
        break;
      default:
        errors.fileError(name, `encoded as ${sniffed.encoding.toUpperCase()}, which the import does not accept; save it as "CSV UTF-8"`);
    }
    if (!f.decodeAs) continue;
    if (size === 0) {
      errors.fileError(name, 'the file is empty: it has no header row');
      continue;
    }
    const head = await readHeader(path, f.decodeAs);
    if ('problem' in head) {
      errors.fileError(name, head.problem.reason, head.problem.line);
      continue;
    }
    const header = head.header;
    const match = matchHeader(header);
    if (!match.ok) {
      errors.fileError(name, match.reason, 1);
      continue;
    }
    f.kind = match.kind;
    f.columnIndex = match.columnIndex;
    f.headerLength = header.length;
    if (match.unknownColumns.length) unknownColumns.push({ file: name, columns: match.unknownColumns });
  }
  for (const kind of requiredKinds) {
    if (!files.some((f) => f.kind === kind)) {
      errors.fileError(EXTRACT, `no ${kind} file: an extract needs cases, registrations and contacts files (recognised by their header row)`);
    }
  }
  const readable = files.filter((f) => f.kind && f.decodeAs);
  const casesUnreadable = files.some((f) => !f.kind || !f.decodeAs) && !readable.some((f) => f.kind === 'cases');

  // 2. Parse, validate and stage, cases first so other files' CRNs can be checked.
  createStaging(db, readable.reduce((n, f) => n + f.bytes, 0) > limits.stageInMemoryBytes);
  let abortStaging = (): void => undefined;
  try {
    const stager = new Stager(db);
    abortStaging = () => {
      stager.abort();
    };
    const crossRow: CrossRow = { cases: new Map(), casesRejected: new Map(), staff: new Map(), casesUnreadable };
    const totalRows = readable.reduce((n, f) => n + Math.max(0, f.rows), 0);
    let done = 0;

    for (const kind of kindOrder) {
      for (const f of readable.filter((x) => x.kind === kind)) {
        const layout = layoutFor(f.name, kind, f.columnIndex ?? new Map<string, number>(), f.headerLength ?? 0, limits.maxFieldChars);
        const crnAt = columnAt(kind, 'crn');
        let rows = 0;
        let first = true;

        const onConflicts = (conflicts: ReturnType<Stager['add']>) => {
          for (const c of conflicts) {
            errors.rejectedRows++;
            const at = c.first ? ` (first on line ${c.first.line} of ${c.first.file})` : '';
            errors.add({ file: c.row.file, line: c.row.line, column: 'contact_id', reason: `duplicate contact_id${at}` });
          }
        };

        const problem = await readCsv(f.path, f.decodeAs ?? 'utf-8', ({ fields, line }) => {
          if (first) {
            first = false;
            return undefined;
          }
          rows++;
          if (++done % 50_000 === 0) opts.onProgress?.({ phase: `reading ${f.name}`, done, total: totalRows });
          const row = validateRow(layout, fields, line);
          for (const u of row.unknownCodes) unknownCodes.note(kind, f.name, u.column, u.value);
          const crn = crnAt === -1 ? undefined : row.values[crnAt];
          if (row.errors.length === 0) {
            const clash = crossRowProblem(kind, row.values, crossRow);
            if (clash) row.errors.push({ file: f.name, line, column: clash.column, reason: clash.reason });
          }
          if (row.errors.length) {
            errors.rejectedRows++;
            for (const e of row.errors) errors.add(e);
            if (kind === 'cases' && typeof crn === 'string' && !crossRow.cases.has(crn)) crossRow.casesRejected.set(crn, { file: f.name, line });
            return undefined;
          }
          if (kind === 'cases' && typeof crn === 'string') crossRow.cases.set(crn, { file: f.name, line });
          if (kind === 'staff') crossRow.staff.set(String(row.values[columnAt('staff', 'staff_code')]), { file: f.name, line });
          const bind = row.values;
          bind.push(row.raw, row.extra, f.name, line);
          onConflicts(stager.add(kind, { bind, file: f.name, line }));
          return undefined;
        }, () => {
          stager.endChunk();
        }).catch((e: unknown) => ({ line: 0, reason: `cannot be decoded as ${f.decodeAs ?? ''}: ${(e as Error).message}` }));
        f.rows = rows;
        if (problem) errors.fileError(f.name, problem.reason, problem.line || undefined);
        if (rows === 0 && !problem) warnings.push({ file: f.name, reason: 'has a header but no rows' });
      }
    }

    // 3. What the commit would do.
    const counts = {
      cases: caseCounts(db),
      rows: {
        registrations: stager.count('registrations'),
        contacts: stager.count('contacts'),
        staff: stager.count('staff'),
        needs: stager.count('needs'),
      },
    };
    if (readable.some((f) => f.kind === 'staff')) {
      const missing = db
        .prepare<[], { n: number; sample: string | null }>(
          `SELECT count(*) AS n, (SELECT group_concat(staff_code, ', ') FROM (SELECT DISTINCT staff_code FROM ${stagingTable('cases')} s
             WHERE NOT EXISTS (SELECT 1 FROM ${stagingTable('staff')} t WHERE t.staff_code = s.staff_code) LIMIT 5)) AS sample
           FROM ${stagingTable('cases')} s WHERE NOT EXISTS (SELECT 1 FROM ${stagingTable('staff')} t WHERE t.staff_code = s.staff_code)`,
        )
        .get();
      if (missing && missing.n > 0) {
        warnings.push({
          file: 'staff.csv',
          reason: `${missing.n} cases name a staff_code that the staff file does not hold (${missing.sample ?? ''}); ALLOCATION-GRADE is not evaluated for them`,
        });
      }
    }
    warnings.push(...unknownCodes.warnings());

    const logged: LoggedFile[] = files.map(({ name, kind, sha256, encoding, rows, bytes }) => ({ name, kind, sha256, encoding, rows, bytes }));
    const print = fingerprint(logged);
    const alreadyImported = errors.fileErrors === 0 && errors.rejectedRows === 0 && currentFingerprint(db) === print;
    const blocked = errors.fileErrors > 0 || (errors.rejectedRows > 0 && !opts.skipInvalid);

    const preview: ImportReport = {
      dryRun: true,
      committed: false,
      alreadyImported,
      files: logged.map(({ name, kind, sha256, encoding, rows }) => ({ name, kind, sha256, encoding, rows })),
      cases: counts.cases,
      rows: counts.rows,
      rejected: errors.rejectedRows,
      errors: errors.listed,
      errorsOmitted: errors.omitted,
      warnings,
      unknownColumns,
      ...(encodingQuestion.length ? { encodingQuestion } : {}),
    };
    const outcome = blocked ? 'refused' : alreadyImported ? 'already-imported' : 'committed';
    let committed = false;
    return {
      preview,
      commit: () => {
        if (!db.inTransaction) throw new Error('an import commits only inside the caller’s transaction');
        opts.onProgress?.({ phase: 'committing', done: totalRows, total: totalRows });
        const entry = {
          at: opts.now().toISOString(),
          osUser: opts.osUser,
          appUser: opts.appUser ?? null,
          outcome,
          skipInvalid: opts.skipInvalid,
          fingerprint: print,
          files: logged,
          counts,
          rejected: errors.rejectedRows,
          errors: errors.listed,
        } as const;
        const importId = outcome === 'refused' ? writeLog(db, entry) : replaceSnapshot(db, entry);
        committed = outcome === 'committed';
        return { ...preview, dryRun: false, importId, committed };
      },
      get committed() {
        return committed;
      },
      close: () => {
        // Outside the transaction, once the caller has committed: a large import's WAL is folded back.
        if (committed && counts.rows.contacts > 100_000 && !db.inTransaction) db.pragma('wal_checkpoint(TRUNCATE)');
        dropStaging(db);
      },
    };
  } catch (e) {
    abortStaging();
    dropStaging(db);
    throw e;
  }
}
