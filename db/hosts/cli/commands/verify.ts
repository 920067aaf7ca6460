import { verifyExportFile } from '../../../export/verify.js';
import { parse } from '../args.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

/**
 * Needs no database: whoever receives an export can check it. (The service's `log:verify` adds the
 * audit entry that recorded the disclosure; a recipient has no database to look in.)
 */
export const verifyCommand: Command = {
  name: 'verify',
  usage: 'verify FILE [--json]',
  needsDb: false,
  async run(args, { io }) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, true);
    const [file] = positionals;
    if (!file || positionals.length !== 1) throw new UsageError('verify needs one exported file');
    const v = await verifyExportFile(file);
    if (values.json) io.out(`${JSON.stringify(v, null, 2)}\n`);
    else if (v.intact && v.meta) {
      const m = v.meta;
      io.out(
        `Intact: ${file}\n` +
          `  ${m.format.toUpperCase()} oversight log: ${m.rowCount} review versions, ${m.reviewCount} reviews, ${m.caseCount} cases\n` +
          `  exported ${m.exportedAt} (UTC) by ${m.exportedBy.appUser ?? 'no app user'} (OS user ${m.exportedBy.osUser}), SPO Oversight ${m.appVersion}\n` +
          `  SHA-256 ${v.digest ?? ''}\n` +
          `  audit chain head: ${m.chainHead ? `entry ${m.chainHead.id}` : 'none (the audit log was empty)'}\n`,
      );
    } else io.out(`NOT intact: ${file}: ${v.reason ?? 'unknown reason'}\n`);
    return v.intact ? 0 : 1;
  },
};
