import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, join, basename, resolve } from 'node:path';
import { londonToday } from '../contract/dates.js';
import { reviewNumbers } from '../contract/words/index.js';
import type { ChainHead, ExportFormat, ExportMeta, ExportResult, ParsedInputOf, Review, TrackedAction } from '../contract/index.js';
import type { Db } from '../connection.js';
import { DomainError } from '../errors.js';
import { ActionTracker } from '../reviews/actions.js';
import { exportCoverage, type ExportCoverage } from './coverage.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { TITLE } from './labels.js';
import { noMatchReason } from './no-match.js';
import { seal } from './seal.js';
import { selectReviews } from './select.js';
import { signatureLine } from './signature.js';
import type { SigningKey } from '../signing/key.js';
import { appVersion } from './version.js';

export type ExportInput = ParsedInputOf<'log:export'>;

export interface ExportContext {
  osUser: string;
  appUser: string | null;
  now: () => Date;
  /** The audit log's last entry at the moment of export. */
  chainHead: ChainHead | null;
  /** The app user with their staff code and team, for the PDF's title page. */
  exporter?: Exporter | null;
  appVersion?: string;
  /** This installation's signing key: every export is signed (signature.ts). */
  signer: SigningKey;
}

/** Each review's actions as they stand at export, by review id. */
export type ActionsNow = ReadonlyMap<number, readonly TrackedAction[]>;

/** The person signed in to the app who exports the log, from their profile. */
export interface Exporter {
  name: string;
  staffCode: string;
  team: { code: string; name: string | null };
}

/** What the log shows beside the reviews themselves. */
export interface LogExtras {
  actions: ActionsNow;
  /** Each review's number on its case, as the case page shows it (reviewNumbers), by review id. */
  numbers: ReadonlyMap<number, number>;
  exporter: Exporter | null;
  /** On the PDF's title page only: the other formats are read by machines that can count. */
  coverage: ExportCoverage | null;
}

const renderers: Readonly<Record<ExportFormat, (meta: ExportMeta, reviews: readonly Review[], extras: LogExtras) => Promise<{ body: Buffer; slots: number[] }>>> = {
  csv: (m, r, x) => Promise.resolve(renderCsv(m, r, x)),
  json: (m, r, x) => Promise.resolve(renderJson(m, r, x)),
  // Loaded when a PDF is asked for: pdfkit and its fonts cost every other command ~60 ms to load.
  pdf: async (meta, reviews, extras) => (await import('./pdf.js')).renderPdf(meta, reviews, extras),
};

/** Every review of the exported cases numbered as on the case page, whatever the filters left out. */
function numbersOnCases(db: Db, crns: readonly string[]): Map<number, number> {
  const rows = db
    .prepare<[string], { id: number; crn: string }>('SELECT DISTINCT review_id AS id, crn FROM reviews WHERE crn IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(crns));
  const byCase = new Map<string, number[]>();
  for (const r of rows) byCase.set(r.crn, [...(byCase.get(r.crn) ?? []), r.id]);
  return new Map([...byCase.values()].flatMap((ids) => [...reviewNumbers(ids)]));
}

/** Writes the whole file under a temporary name beside `path` (so the rename is atomic), synced; answers that name. */
async function writeTemp(path: string, parts: readonly Buffer[]): Promise<string> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    // Readable by its owner only: the log names people and their cases.
    const file = await open(temp, 'wx', 0o600);
    try {
      let rest = [...parts];
      while (rest.length) {
        let { bytesWritten } = await file.writev(rest);
        // writev may write less than asked: carry on from where it stopped.
        const next: Buffer[] = [];
        for (const p of rest) {
          if (bytesWritten >= p.length) bytesWritten -= p.length;
          else {
            next.push(p.subarray(bytesWritten));
            bytesWritten = 0;
          }
        }
        rest = next;
      }
      await file.sync();
    } finally {
      await file.close();
    }
    return temp;
  } catch (e) {
    await rm(temp, { force: true });
    throw new DomainError('io', `out: cannot write ${path}: ${(e as Error).message}`, 'out');
  }
}

/**
 * Write, then log, then publish: the file is written whole under a temporary name, `record`
 * commits its disclosure entry, and only then is it renamed into place. If the entry cannot be
 * written the temporary file is removed, so no export exists that the audit log does not record.
 */
async function publish(path: string, parts: readonly Buffer[], record: () => void): Promise<void> {
  const temp = await writeTemp(path, parts);
  try {
    record();
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  try {
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw new DomainError('io', `out: the export was recorded in the audit log but could not be put in place at ${path}: ${(e as Error).message}`, 'out');
  }
}

/**
 * Builds the oversight log for the filters, seals it with its digest, signs it and writes it; `record`
 * commits its disclosure entry between the writing and the renaming into place (see publish).
 */
export async function exportLog(db: Db, input: ExportInput, ctx: ExportContext, record: (result: ExportResult) => void = () => undefined): Promise<ExportResult> {
  const filters = {
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(input.team ? { team: input.team } : {}),
    ...(input.practitioner ? { practitioner: input.practitioner } : {}),
    ...(input.rule ? { rule: input.rule } : {}),
  };
  const reviews = selectReviews(db, filters);
  // Refused before anything is written or logged: an empty log would be a disclosure of nothing,
  // and "no reviews" is more often a mistyped team code than a finding.
  if (reviews.length === 0) {
    const why = noMatchReason(db, filters);
    throw new DomainError('not-found', why.message, why.field);
  }
  const crns = [...new Set(reviews.map((r) => r.crn))];
  const meta: ExportMeta = {
    format: input.format,
    title: TITLE,
    exportedBy: { osUser: ctx.osUser, appUser: ctx.appUser },
    exportedAt: ctx.now().toISOString(),
    filters,
    purpose: input.purpose || null,
    recipient: input.recipient || null,
    appVersion: ctx.appVersion ?? appVersion,
    rowCount: reviews.reduce((n, r) => n + r.versions.length, 0),
    reviewCount: reviews.length,
    caseCount: crns.length,
    chainHead: ctx.chainHead,
    signingKey: { publicKey: ctx.signer.spki, fingerprint: ctx.signer.fingerprint },
  };
  // Where each review's actions stand now: done or dropped are their own events (oversight-rules.md).
  const chosen = new Set(reviews.map((r) => r.id));
  const actions = new Map<number, TrackedAction[]>();
  for (const a of new ActionTracker(db).list({ status: 'all' }, londonToday(ctx.now()))) {
    if (!chosen.has(a.reviewId)) continue;
    actions.set(a.reviewId, [...(actions.get(a.reviewId) ?? []), a].sort((x, y) => x.number - y.number));
  }
  const extras: LogExtras = {
    actions,
    numbers: numbersOnCases(db, crns),
    exporter: ctx.exporter ?? null,
    coverage: input.format === 'pdf' ? exportCoverage(db, filters, londonToday(ctx.now())) : null,
  };
  const { body, slots } = await renderers[input.format](meta, reviews, extras);
  const { trailer, digest } = seal(input.format, body, slots);
  const signature = signatureLine(input.format, [body, trailer], ctx.signer);
  const path = resolve(input.out);
  const result: ExportResult = { path, format: input.format, digest, fingerprint: ctx.signer.fingerprint, rowCount: meta.rowCount, reviewCount: meta.reviewCount, chainHead: meta.chainHead, crns };
  await publish(path, [body, trailer, signature], () => {
    record(result);
  });
  return result;
}
