import { restoreDatabase } from '../../../backup/backup.js';
import { osUser } from '../../../service/open.js';
import { databasePath, parse } from '../args.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

/** Needs no service: the database it replaces may be too damaged to open. */
export const restoreCommand: Command = {
  run(args, { io, dbFile }) {
    const { values, positionals } = parse(args, { force: { type: 'boolean' }, json: { type: 'boolean' } }, true);
    const [backup] = positionals;
    if (!backup || positionals.length !== 1) throw new UsageError('restore needs one backup file');
    const r = restoreDatabase(backup, databasePath(dbFile, io.env), { force: values.force ?? false, actor: { osUser: osUser(), appUser: null, now: () => new Date() } });
    if (values.json) io.out(`${JSON.stringify(r, null, 2)}\n`);
    else {
      const replaced = r.replaced ? `  it replaced a log of ${String(r.replaced.entries)} entries ending at entry ${String(r.replaced.id)}; that head is recorded in entry ${String(r.auditEntryId)} of the restored log\n` : '';
      io.out(`Restored ${r.file}\n  from ${r.from} (integrity_check ok, audit chain of ${r.auditEntries} entries verified)\n${replaced}`);
    }
    return Promise.resolve(0);
  },
};
