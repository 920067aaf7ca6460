import { resolve } from 'node:path';
import { migrateKeys } from '../../../keys/migrate.js';
import { publicKeyPem, resolveSigningKey, SIGNING_KEY_FILE_ENV } from '../../../signing/key.js';
import { databasePath, parse } from '../args.js';
import { UsageError } from '../io.js';
import type { CliIo } from '../io.js';
import type { Command } from './command.js';

/**
 * `keys show`: this installation's export signing key, public half only, so a PDU can give
 * inspectors its fingerprint (and the PEM for `verify --trust`) before it sends them anything.
 * Makes the key if there is none yet, as the first export would.
 */
function show(rest: string[], io: CliIo, dbFile: string | undefined): number {
  const { values } = parse(rest, { pem: { type: 'boolean' }, json: { type: 'boolean' } });
  if (values.pem && values.json) throw new UsageError('keys show takes --pem or --json, not both');
  if (!dbFile && !io.env[SIGNING_KEY_FILE_ENV]) throw new UsageError(`no database: pass --db FILE or set SPO_OVERSIGHT_DB (or name the key with ${SIGNING_KEY_FILE_ENV})`);
  const key = resolveSigningKey(resolve(dbFile ?? '.'), undefined, io.env);
  const pem = publicKeyPem(key);
  if (values.pem) io.out(pem);
  else if (values.json) io.out(`${JSON.stringify({ algorithm: 'Ed25519', fingerprint: key.fingerprint, publicKeyPem: pem, keptIn: key.source }, null, 2)}\n`);
  else {
    io.out(
      `This installation's export signing key (Ed25519)\n` +
        `  fingerprint: ${key.fingerprint}\n` +
        `  private key kept in: ${key.source}\n` +
        `Give the fingerprint to whoever will receive your exports before you send any; give them the public key below too\n` +
        `(save it with: spo-oversight keys show --pem > pdu-key.pem), and they check a file with: spo-oversight verify FILE --trust pdu-key.pem\n` +
        pem,
    );
  }
  return 0;
}

/** `keys migrate`: moves keys kept beside the database to the per-user folder. Needs no service: opening the database would only warn about the keys it is about to move. */
function migrate(rest: string[], io: CliIo, dbFile: string | undefined): number {
  const { values } = parse(rest, { json: { type: 'boolean' } });
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
  return 0;
}

export const keysCommand: Command = {
  run(args, { io, dbFile }) {
    const [sub, ...rest] = args;
    if (sub === 'show') return Promise.resolve(show(rest, io, dbFile));
    if (sub === 'migrate') return Promise.resolve(migrate(rest, io, dbFile));
    return Promise.reject(new UsageError('keys needs a subcommand: keys show, or keys migrate --db FILE'));
  },
};
