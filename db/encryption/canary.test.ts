import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, readlinkSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection.js';
import { DomainError } from '../errors.js';
import { runImport } from '../import/run-import.js';
import { openService } from '../service/open.js';
import { runCli } from '../testing/cli.js';
import { minimalExtract, tempDir, writeExtract } from '../testing/extract.js';
import { databaseKeyPath } from './key.js';

/**
 * Issue 8, item 3: personal data is found in no byte the app writes — the database, its -wal and
 * -shm, the import's staging file, a backup, SQLite's temporary files — and the file cannot be
 * read without its key, or changed without SQLite noticing.
 */
const CANARIES = ['Q987654', 'Quokkafield', 'Zyzzyva decision'].map((c) => Buffer.from(c));

/** A case whose CRN, name and contacts are the canaries, with enough contacts to fill many pages. */
function canaryExtract(): string {
  const files = minimalExtract();
  const text = (name: string) => String(files[name] ?? '').replaceAll('X000001', 'Q987654');
  const contacts = Array.from({ length: 20_000 }, (_, i) => `Q987654,${100_000 + i},2026-${String((i % 9) + 1).padStart(2, '0')}-15,C281,N99P001`);
  return writeExtract({
    ...files,
    'cases.csv': text('cases.csv').replace('Ann Example', 'Ann Quokkafield'),
    'registrations.csv': text('registrations.csv'),
    'contacts.csv': `${text('contacts.csv')}${contacts.join('\n')}\n`,
    'needs.csv': text('needs.csv'),
  });
}

interface Scan {
  files: number;
  bytes: number;
  hits: string[];
}

function scan(paths: readonly string[], into: Scan): void {
  for (const path of paths) {
    const bytes = readFileSync(path);
    into.files += 1;
    into.bytes += bytes.length;
    for (const c of CANARIES) if (bytes.includes(c)) into.hits.push(`${path}: ${c.toString()}`);
  }
}

/** SQLite's temporary files are unlinked as soon as they are opened; on Linux they are still readable through /proc. */
function openTempFiles(): string[] {
  if (!existsSync('/proc/self/fd')) return [];
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    const path = `/proc/self/fd/${fd}`;
    try {
      const target = readlinkSync(path);
      return /etilqs_|\(deleted\)/.test(target) && statSync(path).isFile() ? [path] : [];
    } catch {
      return [];
    }
  });
}

const review = { crn: 'Q987654', type: 'management-oversight', date: '2026-11-20', spo: { name: 'Sam SPO' }, decision: 'Zyzzyva decision: continue.' } as const;

describe('encryption at rest', () => {
  it('leaves the canary in 0 bytes of the database, -wal, -shm, staging file, backup and temp files', async () => {
    const dir = tempDir('spo-canary-');
    const file = join(dir, 'oversight.db');
    const extract = canaryExtract();
    const found: Scan = { files: 0, bytes: 0, hits: [] };
    let stagingScanned = false;

    // Staged on disk, as an extract over 32 MiB is (a small one stages in memory): the file is scanned
    // when the whole extract is staged and the commit is about to read it.
    const db = openDatabase(file);
    const report = await runImport(db, {
      paths: [extract],
      skipInvalid: false,
      commit: true,
      osUser: 'spo-test',
      now: () => new Date(),
      limits: { stageInMemoryBytes: 0 },
      onProgress: (p) => {
        if (p.phase !== 'committing' || stagingScanned) return;
        scan([`${file}.staging`, ...openTempFiles()], found);
        stagingScanned = true;
      },
    });
    db.close();
    expect(report.committed).toBe(true);
    const service = openService(file);
    expect((await service.call('reviews:record', review)).ok).toBe(true);
    expect((await runCli(['backup', '--out', join(dir, 'backup.db'), '--db', file])).code).toBe(0);

    // With the app still running: the -wal holds the review (its CRN and decision), and -shm exists.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(4096);
    scan([file, `${file}-wal`, `${file}-shm`, join(dir, 'backup.db'), ...openTempFiles()], found);
    service.close();
    scan([file], found);

    expect(stagingScanned).toBe(true);
    expect(existsSync(`${file}.staging`)).toBe(false);
    expect(found.files).toBeGreaterThanOrEqual(6);
    expect(found.bytes).toBeGreaterThan(1_000_000);
    expect(found.hits).toEqual([]);
    // The scan itself finds the canaries where they are in plain text: the extract it came from.
    const control: Scan = { files: 0, bytes: 0, hits: [] };
    scan(readdirSync(extract).map((f) => join(extract, f)), control);
    expect(control.hits.length).toBeGreaterThanOrEqual(CANARIES.length - 1);
  }, 60_000);

  it('cannot be opened without its key, or with another key: a clear message, never data', async () => {
    const file = join(tempDir('spo-canary-'), 'oversight.db');
    const service = openService(file);
    expect((await service.call('import:commit', { paths: [canaryExtract()], skipInvalid: false })).ok).toBe(true);
    service.close();

    const raw = new Database(file, { readonly: true });
    expect(() => raw.prepare('SELECT * FROM cases').all()).toThrow(/file is not a database/);
    raw.close();
    expect(() => openDatabase(file, { key: randomBytes(32) })).toThrow(/does not open with the key from the key given by the app: either that is not this database's key/);

    renameSync(databaseKeyPath(file), `${file}.moved-away`);
    expect(() => openService(file)).toThrow(DomainError);
    expect(() => openService(file)).toThrow(/is encrypted and its key is not at .*\.db-key/);
    const cli = await runCli(['flags', '--db', file]);
    expect(cli.code).toBe(2);
    expect(cli.err).toMatch(/is encrypted and its key is not at/);
    expect(cli.err).not.toMatch(/\n\s+at /);
  });

  it('answers a changed byte anywhere in the file with an error, never with different data', async () => {
    const dir = tempDir('spo-canary-');
    const file = join(dir, 'oversight.db');
    const service = openService(file);
    expect((await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: false })).ok).toBe(true);
    expect((await service.call('reviews:record', { ...review, crn: 'X000001' })).ok).toBe(true);
    service.close();
    const key = Buffer.from(readFileSync(databaseKeyPath(file), 'utf8').trim(), 'hex');

    const dump = (path: string): string => {
      const db = openDatabase(path, { readonly: true, key });
      try {
        // integrity_check reads every page in use, indexes too; then every row is read.
        const check = db.pragma('integrity_check', { simple: true });
        if (check !== 'ok') throw new Error(String(check));
        const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
        return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM "${t}"`).raw().all()));
      } finally {
        db.close();
      }
    };
    const original = dump(file);
    const pageSize = 4096;
    const pages = statSync(file).size / pageSize;
    let errors = 0;
    let unread = 0;
    const copy = join(dir, 'flipped.db');
    for (let page = 0; page < pages; page++) {
      copyFileSync(file, copy);
      const bytes = readFileSync(copy);
      const at = page * pageSize + 100 + (page % 7) * 500;
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      writeFileSync(copy, bytes);
      let result: string | null = null;
      try {
        result = dump(copy);
      } catch {
        errors += 1;
        continue;
      }
      // Only a page nothing uses (on the free list) can keep its flip unseen.
      expect(result).toBe(original);
      unread += 1;
    }
    const db = openDatabase(file, { readonly: true, key });
    const free = db.pragma('freelist_count', { simple: true }) as number;
    db.close();
    expect(pages).toBeGreaterThan(20);
    expect(unread).toBeLessThanOrEqual(free);
    expect(errors + unread).toBe(pages);
  }, 60_000);
});
