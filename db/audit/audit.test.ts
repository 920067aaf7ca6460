import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection.js';
import type { S62Operation } from '../contract/index.js';
import { fixture, NOW, ok, review } from '../reviews/testing/fixture.js';
import { createService } from '../service/index.js';
import { memoryDb, tempDir } from '../testing/extract.js';
import { GENESIS, entryHash, type AuditRow } from './chain.js';
import { auditKey, auditKeyPath } from './key.js';
import { AuditLog } from './log.js';
import { verifyChain } from './verify.js';

const operations: S62Operation[] = ['collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure'];

/** A log of `n` varied entries in a fresh in-memory database. */
function sampleLog(n: number) {
  const db = memoryDb();
  const log = new AuditLog(db, () => NOW);
  for (let i = 0; i < n; i++) {
    log.append(
      `op:${i % 5}`,
      [
        {
          operation: operations[i % operations.length] ?? 'consultation',
          crns: i % 3 === 0 ? [] : [`X${String(100000 + i)}`, `Y${String(200000 + i)}`],
          justification: i % 4 === 0 ? null : `reason ${i}`,
          recipients: i % 7 === 0 ? ['HM Inspectorate of Probation'] : [],
          details: { n: i, nested: { ok: i % 2 === 0 } },
        },
      ],
      { osUser: `os${i % 2}`, appUser: i % 3 === 0 ? null : 'Sam Senior' },
    );
  }
  return { db, key: auditKey(db) };
}

function rows(db: Database.Database): AuditRow[] {
  return db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').all();
}

function unguarded(image: Buffer): Database.Database {
  const db = new Database(image);
  db.exec('DROP TRIGGER audit_log_never_updated; DROP TRIGGER audit_log_never_deleted;');
  return db;
}

const columns = ['at', 'operation', 'op', 'os_user', 'app_user', 'crns_json', 'justification', 'recipients_json', 'details_json', 'prev_hash', 'hash'] as const;
const validOperation = (current: string) => operations.find((o) => o !== current) ?? 'erasure';

type Tamper =
  | { kind: 'edit'; entry: number; column: (typeof columns)[number]; salt: string }
  | { kind: 'whitespace'; entry: number; column: 'crns_json' | 'recipients_json' | 'details_json' }
  | { kind: 'delete'; entry: number; count: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'move'; entry: number }
  | { kind: 'forge-end'; hash: string; copyOf: number | null }
  | { kind: 'forge-middle'; at: number; hash: string }
  | { kind: 'rekey'; entry: number };

const N = 24;
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const tamper: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), entry: fc.integer({ min: 1, max: N }), column: fc.constantFrom(...columns), salt: fc.string({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('whitespace' as const), entry: fc.integer({ min: 1, max: N }), column: fc.constantFrom('crns_json' as const, 'recipients_json' as const, 'details_json' as const) }),
  fc.record({ kind: fc.constant('delete' as const), entry: fc.integer({ min: 1, max: N }), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.integer({ min: 1, max: N }), b: fc.integer({ min: 1, max: N }) }).filter((t) => t.a !== t.b),
  fc.record({ kind: fc.constant('move' as const), entry: fc.integer({ min: 1, max: N }) }),
  fc.record({ kind: fc.constant('forge-end' as const), hash: hex64, copyOf: fc.option(fc.integer({ min: 1, max: N })) }),
  fc.record({ kind: fc.constant('forge-middle' as const), at: fc.integer({ min: 1, max: N }), hash: hex64 }),
  fc.record({ kind: fc.constant('rekey' as const), entry: fc.integer({ min: 1, max: N }) }),
);

/** Applies one tampering with the triggers dropped; says which entry the chain should first find broken, when that is certain. */
function apply(db: Database.Database, t: Tamper): { tail: boolean; firstBroken?: number } {
  const all = rows(db);
  const row = (id: number) => all.find((r) => r.id === id) as AuditRow;
  const insert = db.prepare<AuditRow>(
    `INSERT INTO audit_log VALUES (@id, @at, @operation, @op, @os_user, @app_user, @crns_json, @justification, @recipients_json, @details_json, @prev_hash, @hash)`,
  );
  switch (t.kind) {
    case 'edit': {
      const r = row(t.entry);
      const old = r[t.column];
      const next = t.column === 'operation' ? validOperation(String(old)) : old === null ? t.salt : `${old}${t.salt}`;
      db.prepare(`UPDATE audit_log SET ${t.column} = ? WHERE id = ?`).run(next, t.entry);
      return { tail: false, firstBroken: t.entry };
    }
    case 'whitespace': {
      const r = row(t.entry);
      db.prepare(`UPDATE audit_log SET ${t.column} = ? WHERE id = ?`).run(r[t.column].replace(/^\[|^\{/, (c) => `${c} `), t.entry);
      return { tail: false, firstBroken: t.entry };
    }
    case 'delete': {
      const last = Math.min(N, t.entry + t.count - 1);
      db.prepare('DELETE FROM audit_log WHERE id BETWEEN ? AND ?').run(t.entry, last);
      return last === N ? { tail: true } : { tail: false, firstBroken: last + 1 };
    }
    case 'swap': {
      db.prepare('UPDATE audit_log SET id = -1 WHERE id = ?').run(t.a);
      db.prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(t.a, t.b);
      db.prepare('UPDATE audit_log SET id = ? WHERE id = -1').run(t.b);
      return { tail: false, firstBroken: Math.min(t.a, t.b) };
    }
    case 'move': {
      db.prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(N + 10, t.entry);
      return t.entry === N ? { tail: false, firstBroken: N + 10 } : { tail: false, firstBroken: t.entry + 1 };
    }
    case 'forge-end': {
      const base = t.copyOf ? row(t.copyOf) : row(N);
      insert.run({ ...base, id: N + 1, prev_hash: row(N).hash, hash: t.copyOf ? base.hash : t.hash, justification: t.copyOf ? base.justification : 'forged' });
      return { tail: false, firstBroken: N + 1 };
    }
    case 'forge-middle': {
      for (let id = N; id >= t.at; id--) db.prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(id + 1, id);
      const prev = t.at > 1 ? row(t.at - 1).hash : GENESIS;
      insert.run({ ...row(t.at), id: t.at, prev_hash: prev, hash: t.hash, justification: 'forged' });
      return { tail: false, firstBroken: t.at };
    }
    case 'rekey': {
      // An attacker without the key edits an entry and rebuilds the chain from there with a key of their own.
      const wrong = Buffer.alloc(32, 7);
      let prev = t.entry > 1 ? row(t.entry - 1).hash : GENESIS;
      for (const r of all.filter((x) => x.id >= t.entry)) {
        const changed = { ...r, justification: r.id === t.entry ? 'rewritten' : r.justification, prev_hash: prev };
        const hash = entryHash(wrong, changed);
        db.prepare('UPDATE audit_log SET justification = ?, prev_hash = ?, hash = ? WHERE id = ?').run(changed.justification, prev, hash, r.id);
        prev = hash;
      }
      return { tail: false, firstBroken: t.entry };
    }
  }
}

describe('the audit chain', () => {
  it('verifies a log written by the app', () => {
    const { db } = sampleLog(N);
    const v = verifyChain(db);
    expect(v).toMatchObject({ intact: true, entries: N, head: { id: N } });
    expect(rows(db)[0]?.prev_hash).toBe(GENESIS);
  });

  it('detects every one of 1,000 random tamperings: edits, deletions, reorderings and forged entries', () => {
    const { db, key } = sampleLog(N);
    const image = db.serialize();
    const head = verifyChain(db).head;
    let tamperings = 0;
    fc.assert(
      fc.property(tamper, (t) => {
        const copy = unguarded(image);
        const expected = apply(copy, t);
        tamperings++;
        const alone = verifyChain(copy, undefined, key);
        const withHead = verifyChain(copy, head, key);
        copy.close();
        // Only cutting off the tail leaves a chain that is whole by itself; the export's chain head shows it.
        if (!expected.tail) {
          expect(alone.intact, JSON.stringify(t)).toBe(false);
          if (expected.firstBroken !== undefined) expect(alone.firstBroken?.id, JSON.stringify(t)).toBe(expected.firstBroken);
        }
        expect(withHead.intact, JSON.stringify(t)).toBe(false);
      }),
      { numRuns: 1000 },
    );
    expect(tamperings).toBe(1000);
  });

  it('names the first broken entry and why', () => {
    const { db, key } = sampleLog(5);
    const copy = unguarded(db.serialize());
    copy.prepare(`UPDATE audit_log SET crns_json = '["X999999"]' WHERE id = 3`).run();
    expect(verifyChain(copy, undefined, key)).toMatchObject({
      intact: false,
      entries: 3,
      head: { id: 2 },
      firstBroken: { id: 3, reason: expect.stringMatching(/edited, or written without the audit key/) as unknown },
    });
    const gap = unguarded(db.serialize());
    gap.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyChain(gap, undefined, key).firstBroken).toMatchObject({ id: 3, reason: expect.stringMatching(/not the hash of entry 1/) as unknown });
  });

  it('refuses UPDATE and DELETE on the table', () => {
    const { db } = sampleLog(2);
    expect(() => db.prepare(`UPDATE audit_log SET justification = 'x'`).run()).toThrow(/never edited/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/never deleted/);
    expect(verifyChain(db).intact).toBe(true);
  });
});

describe('a truncated tail', () => {
  it('is invisible to the chain alone but detected against an export’s chain head', async () => {
    const f = await fixture();
    await ok(f.service.call('reviews:record', review()));
    await ok(f.service.call('reviews:list', { crn: 'X000001' }));
    const out = join(f.dir, 'log.json');
    const exported = await ok(f.service.call('log:export', { format: 'json', out, purpose: 'inspection' }));
    const head = exported.chainHead;
    expect(head).not.toBeNull();
    expect(await ok(f.service.call('audit:verify', { against: out }))).toMatchObject({ intact: true, against: { chainHead: head } });

    // Remove the export's disclosure entry only: the head it recorded is still there.
    f.db.exec('DROP TRIGGER audit_log_never_deleted');
    f.db.prepare('DELETE FROM audit_log WHERE id > ?').run(head?.id ?? 0);
    expect((await ok(f.service.call('audit:verify', {}))).intact).toBe(true);
    const noDisclosure = await ok(f.service.call('audit:verify', { against: out }));
    expect(noDisclosure).toMatchObject({ intact: false, firstBroken: { id: (head?.id ?? 0) + 1, reason: expect.stringMatching(/disclosure of this export/) as unknown } });

    // Cut further back, past the recorded head.
    f.db.prepare('DELETE FROM audit_log WHERE id >= ?').run(head?.id ?? 0);
    expect((await ok(f.service.call('audit:verify', {}))).intact).toBe(true);
    const truncated = await ok(f.service.call('audit:verify', { against: out }));
    expect(truncated).toMatchObject({ intact: false, firstBroken: { id: head?.id, reason: expect.stringMatching(/no longer in the log/) as unknown } });
  });

  it('is detected when the log was cut back and written again', async () => {
    const f = await fixture();
    await ok(f.service.call('reviews:record', review()));
    await ok(f.service.call('reviews:list', { crn: 'X000001' }));
    const out = join(f.dir, 'log.csv');
    const exported = await ok(f.service.call('log:export', { format: 'csv', out }));
    f.db.exec('DROP TRIGGER audit_log_never_deleted');
    f.db.prepare('DELETE FROM audit_log WHERE id >= ?').run(exported.chainHead?.id ?? 0);
    // (The clock is fixed in tests: the same call would write the very same entry again.)
    await ok(f.service.call('reviews:list', { crn: 'X000002' }));
    await ok(f.service.call('reviews:list', { crn: 'X000002' }));
    const v = await ok(f.service.call('audit:verify', { against: out }));
    expect(v).toMatchObject({ intact: false, firstBroken: { id: exported.chainHead?.id, reason: expect.stringMatching(/cut back and written again/) as unknown } });
  });

  it('refuses to judge against an export that is not intact', async () => {
    const f = await fixture();
    await ok(f.service.call('reviews:record', review()));
    const out = join(f.dir, 'log.csv');
    await ok(f.service.call('log:export', { format: 'csv', out }));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(out, readFileSync(out, 'utf8').replace('spo-test', 'spo-tesT'));
    const r = await f.service.call('audit:verify', { against: out });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-input', field: 'against' });
  });
});

describe('the audit key', () => {
  it('lives beside the database file, 32 random bytes readable by the owner only, and is reused', async () => {
    const dir = tempDir('spo-audit-key-');
    const file = join(dir, 'spo.sqlite');
    const open = () => createService({ db: openDatabase(file), osUser: 'spo-test', now: () => NOW, dataDir: dir, onCasesChanged: () => undefined });
    const first = open();
    await ok(first.call('audit:list', {}));
    const keyFile = auditKeyPath(file);
    expect(existsSync(keyFile)).toBe(true);
    expect(readFileSync(keyFile)).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).includes(readFileSync(keyFile))).toBe(false);
    // Made whole in a temporary file and linked into place: nothing half-written is left about.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    first.close();
    const second = open();
    await ok(second.call('audit:list', {}));
    expect(await ok(second.call('audit:verify', {}))).toMatchObject({ intact: true, entries: 2 });
    second.close();
  });

  it('is never silently replaced: with the key gone, audited calls fail and show nothing', async () => {
    const dir = tempDir('spo-audit-key-');
    const file = join(dir, 'spo.sqlite');
    const open = () => createService({ db: openDatabase(file), osUser: 'spo-test', now: () => NOW, dataDir: dir, onCasesChanged: () => undefined });
    const first = open();
    await ok(first.call('audit:list', {}));
    first.close();
    rmSync(auditKeyPath(file));
    const second = open();
    const r = await second.call('audit:list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/audit key file .* is missing/) as unknown } });
    expect(existsSync(auditKeyPath(file))).toBe(false);
    second.close();
  });
});
