import { encryptDatabase } from '../../../encryption/encrypt.js';
import { osUser } from '../../../service/open.js';
import { databasePath, parse } from '../args.js';
import type { Command } from './command.js';

/** Needs no service: the app refuses to open the unencrypted database this command exists for. */
export const encryptCommand: Command = {
  run(args, { io, dbFile }) {
    const { values } = parse(args, { json: { type: 'boolean' } });
    const r = encryptDatabase(databasePath(dbFile, io.env), { osUser: osUser() });
    if (values.json) io.out(`${JSON.stringify(r, null, 2)}\n`);
    else if (!r.encrypted) io.out(`${r.file} is already encrypted${r.keySource ? ` (its key: ${r.keySource})` : ''}: nothing to do\n`);
    else {
      io.out(
        `Encrypted ${r.file}\n  with the key in ${r.keySource ?? '?'}: keep it safe, apart from the database and its backups\n` +
          (r.auditEntry !== null ? `  recorded in its audit log (entry ${r.auditEntry})\n` : '') +
          `  any copy or backup made before now is still unencrypted: delete it, or encrypt it the same way\n`,
      );
      if (r.auditProblem) io.err(`spo-oversight encrypt: encrypted, but not recorded in the audit log: ${r.auditProblem}\n`);
    }
    return Promise.resolve(0);
  },
};
