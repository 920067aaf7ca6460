import { exportFormats, type ExportFormat } from '../../../contract/index.js';
import { parse, requireDate } from '../args.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

function formatFor(flag: string | undefined, out: string): ExportFormat {
  if (flag !== undefined) {
    if (!(exportFormats as readonly string[]).includes(flag)) throw new UsageError(`--format must be one of ${exportFormats.join(', ')}: ${flag}`);
    return flag as ExportFormat;
  }
  const ext = /\.([a-z]+)$/i.exec(out)?.[1]?.toLowerCase();
  return ext === 'pdf' || ext === 'json' ? ext : 'csv';
}

export const exportCommand: Command = {
  async run(args, { io, service }) {
    const { values } = parse(args, {
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      team: { type: 'string' },
      practitioner: { type: 'string' },
      rule: { type: 'string' },
      format: { type: 'string' },
      purpose: { type: 'string' },
      recipient: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.out) throw new UsageError('export needs --out FILE');
    const from = requireDate(values.from, '--from');
    const to = requireDate(values.to, '--to');
    const result = await service.call('log:export', {
      out: values.out,
      format: formatFor(values.format, values.out),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(values.team ? { team: values.team } : {}),
      ...(values.practitioner ? { practitioner: values.practitioner } : {}),
      ...(values.rule ? { rule: values.rule } : {}),
      ...(values.purpose ? { purpose: values.purpose } : {}),
      ...(values.recipient ? { recipient: values.recipient } : {}),
    });
    if (!result.ok) throw new UsageError(result.error.message);
    const r = result.value;
    if (values.json) {
      io.out(`${JSON.stringify(r, null, 2)}\n`);
      return 0;
    }
    io.out(
      `Exported ${r.rowCount} review versions (${r.reviewCount} reviews, ${r.crns.length} cases) to ${r.path} as ${r.format.toUpperCase()}\n` +
        `SHA-256 digest: ${r.digest}\n` +
        `Signed by this installation's key, fingerprint ${r.fingerprint} (spo-oversight keys show)\n` +
        `Audit chain head at export: ${r.chainHead ? `entry ${r.chainHead.id} (${r.chainHead.hash})` : 'the audit log was empty'}\n`,
    );
    return 0;
  },
};
