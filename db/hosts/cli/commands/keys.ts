import { migrateKeys } from '../../../keys/migrate.js';
import { databasePath, parse } from '../args.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

/** Needs no service: opening the database would only warn about the keys it is about to move. */
export const keysCommand: Command = {
  name: 'keys',
  usage: 'keys migrate [--json]',
  needsDb: false,
  run(args, { io, dbFile }) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, true);
    if (positionals.length !== 1 || positionals[0] !== 'migrate') throw new UsageError('keys needs a subcommand: keys migrate --db FILE');
    const r = migrateKeys(databasePath(dbFile, io.env));
    if (values.json) io.out(`${JSON.stringify(r, null, 2)}\n`);
    else if (r.moved.length === 0) io.out(`No keys beside ${r.file}: nothing to move (its keys are kept in ${r.folder}, or named by SPO_OVERSIGHT_DB_KEY_FILE)\n`);
    else {
      io.out(
        `Moved the keys of ${r.file}\n` +
          r.moved.map((m) => `  ${m.kind}: ${m.from}\n    to ${m.to}\n`).join('') +
          `  its id, in ${r.file}.id, names them: move or back up the database together with that file\n`,
      );
    }
    return Promise.resolve(0);
  },
};
