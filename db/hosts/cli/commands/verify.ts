import { resolve } from 'node:path';
import { signatureWords } from '../../../contract/words/index.js';
import { verifyExportFile } from '../../../export/verify.js';
import { findSigningKey, readPublicKeyFile, SIGNING_KEY_FILE_ENV } from '../../../signing/key.js';
import { parse } from '../args.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

/**
 * Needs no database: whoever receives an export can check it, naming the sender's public key with
 * --trust (`spo-oversight keys show --pem` on the sender's side). With --db (or SPO_OVERSIGHT_DB,
 * or SPO_OVERSIGHT_SIGNING_KEY_FILE) it also knows this installation's own key. (The service's
 * `log:verify` adds the audit entry that recorded the disclosure.)
 */
export const verifyCommand: Command = {
  async run(args, { io, dbFile }) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, trust: { type: 'string', multiple: true } }, true);
    const [file] = positionals;
    if (!file || positionals.length !== 1) throw new UsageError('verify needs one exported file');
    const trusted = (values.trust ?? []).map(readPublicKeyFile);
    // Never makes a key: one that does not exist yet has signed nothing.
    const installation = dbFile || io.env[SIGNING_KEY_FILE_ENV] ? findSigningKey(resolve(dbFile ?? '.'), undefined, io.env) : null;
    const v = await verifyExportFile(file, { installation, trusted });
    // cli.md: exit 0 when the file is intact against its digest. With no key to judge the signer
    // by (no --db, no --trust), a file whose digest holds and whose signature matches the key it
    // names is intact as far as can be told here: the words say whose key it is, to compare.
    const unjudged = !installation && trusted.length === 0 && v.signature.status === 'other-key' && v.meta !== undefined;
    const code = v.intact || unjudged ? 0 : 1;
    if (values.json) {
      io.out(`${JSON.stringify(v, null, 2)}\n`);
      return code;
    }
    const words = signatureWords(v.signature);
    const m = v.meta;
    const described = m
      ? `  ${m.format.toUpperCase()} oversight log: ${m.rowCount} review versions, ${m.reviewCount} reviews, ${m.caseCount} cases\n` +
        `  exported ${m.exportedAt} (UTC) by ${m.exportedBy.appUser ?? 'no app user'} (OS user ${m.exportedBy.osUser}), SPO Oversight ${m.appVersion}\n` +
        `  SHA-256 ${v.digest ?? ''}\n` +
        `  audit chain head: ${m.chainHead ? `entry ${m.chainHead.id}` : 'none (the audit log was empty)'}\n`
      : '';
    // "Intact" first, as before signing: the word a script or a reader looks for.
    if (v.intact) io.out(`Intact, ${words.title.charAt(0).toLowerCase()}${words.title.slice(1)}: ${file}\n${described}  ${words.detail}\n`);
    else if (v.signature.status === 'other-key' && m) {
      io.out(`${words.title}: ${file}\n${described}  ${words.detail}\n  To check it against the key the sender gave you: spo-oversight verify ${file} --trust SENDER-KEY.pem\n`);
    } else io.out(`NOT intact: ${file}: ${v.reason ?? 'unknown reason'}\n`);
    return code;
  },
};
