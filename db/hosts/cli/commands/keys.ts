import { resolve } from 'node:path';
import { publicKeyPem, resolveSigningKey, SIGNING_KEY_FILE_ENV } from '../../../signing/key.js';
import { parse } from '../args.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

/**
 * `keys show`: this installation's export signing key, public half only, so a PDU can give
 * inspectors its fingerprint (and the PEM for `verify --trust`) before it sends them anything.
 * Makes the key if there is none yet, as the first export would.
 */
export const keysCommand: Command = {
  name: 'keys',
  usage: 'keys show [--pem | --json]',
  needsDb: false,
  run(args, { io, dbFile }) {
    const [sub, ...rest] = args;
    if (sub !== 'show') return Promise.reject(new UsageError('keys needs show'));
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
    return Promise.resolve(0);
  },
};
