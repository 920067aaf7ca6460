import { existsSync } from 'node:fs';
import { checkDatabase, isDamage } from '../../../backup/health.js';
import { openDatabase, type Db } from '../../../connection.js';
import { damagedMessage } from '../../../service/open.js';
import { databasePath, parse } from '../args.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

/**
 * The start-up check on demand: SQLite's `quick_check` (`--thorough`: `integrity_check`, as a
 * backup runs on its copy). Opens the file itself, without migrating it, and writes nothing.
 * Exit 0 when whole, 1 when damaged.
 */
export const checkCommand: Command = {
  run(args, { io, dbFile }) {
    const { values } = parse(args, { thorough: { type: 'boolean' }, json: { type: 'boolean' } });
    const path = databasePath(dbFile, io.env);
    if (!existsSync(path)) throw new UsageError(`no database at ${path}`);
    const kind = values.thorough ? 'integrity_check' : 'quick_check';
    let db: Db | undefined;
    let health;
    try {
      db = openDatabase(path, { migrate: false });
      health = checkDatabase(db, kind);
    } catch (e) {
      if (!isDamage(e)) throw e;
      health = { ok: false, problems: [(e as Error).message], ms: 0 };
    } finally {
      db?.close();
    }
    if (values.json) io.out(`${JSON.stringify({ file: path, check: kind, ...health }, null, 2)}\n`);
    else if (health.ok) io.out(`${path}: ${kind} ok (${(health.ms / 1000).toFixed(1)} s)\n`);
    else io.out(`${kind} failed: ${damagedMessage(path, health.problems.join('; ')).replace('It is open read-only, so nothing more is written to it. ', '')}\n`);
    return Promise.resolve(health.ok ? 0 : 1);
  },
};
