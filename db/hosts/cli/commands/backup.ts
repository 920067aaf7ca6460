import { existsSync } from 'node:fs';
import { backupDatabase } from '../../../backup/backup.js';
import { openDatabase } from '../../../connection.js';
import { osUser } from '../../../service/open.js';
import { databasePath, parse } from '../args.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

/**
 * Opens the file itself, without migrating it (a backup before an upgrade is the copy to keep as it
 * was); it writes only the backup's own disclosure entry to the audit log.
 */
export const backupCommand: Command = {
  run(args, { io, dbFile }) {
    const { values } = parse(args, { out: { type: 'string' }, json: { type: 'boolean' } });
    if (!values.out) throw new UsageError('backup needs --out FILE');
    const path = databasePath(dbFile, io.env);
    if (!existsSync(path)) throw new UsageError(`no database at ${path}`);
    const db = openDatabase(path, { migrate: false });
    try {
      const r = backupDatabase(db, values.out, { osUser: osUser(), appUser: null, now: () => new Date() });
      if (values.json) io.out(`${JSON.stringify(r, null, 2)}\n`);
      else {
        io.out(
          `Backed up ${path} (checked first: quick_check ok, ${(r.sourceCheckMs / 1000).toFixed(1)} s)\n  to ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MB, integrity_check ok, ${(r.ms / 1000).toFixed(1)} s)\n` +
            (r.auditEntryId !== null ? `  recorded in the audit log as a disclosure (entry ${String(r.auditEntryId)})\n` : '') +
            (r.keyFile ? `  audit key copied to ${r.keyFile}: keep it with the backup, as protected as the database\n` : '') +
            `  the backup is encrypted with the database's key, which it does not hold: keep that key safe apart from it\n`,
        );
      }
      return Promise.resolve(0);
    } finally {
      db.close();
    }
  },
};
