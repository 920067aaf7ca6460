import { scales, type Scale } from '../../../contract/index.js';
import { londonToday } from '../../../contract/dates.js';
import { generateExtract } from '../../../generate/index.js';
import { parse, requireDate, requireInt } from '../args.js';
import { UsageError, progressPrinter } from '../io.js';
import type { Command } from './command.js';

export const generateCommand: Command = {
  async run(args, { io }) {
    const { values } = parse(args, {
      out: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
    });
    if (!values.out) throw new UsageError('generate needs --out DIR');
    const scale = (values.scale ?? 'pdu') as Scale;
    if (!scales.includes(scale)) throw new UsageError(`--scale must be one of ${scales.join(', ')}: ${values.scale ?? ''}`);
    const onProgress = progressPrinter(io);
    const summary = await generateExtract({
      outDir: values.out,
      scale,
      seed: requireInt(values.seed, '--seed') ?? 1,
      asOf: requireDate(values['as-of'], '--as-of') ?? londonToday(new Date()),
      ...(onProgress ? { onProgress } : {}),
    });
    if (onProgress) io.err('\r\u001b[K');
    io.err(`Synthetic ${summary.scale} extract (seed ${summary.seed}, as of ${summary.asOf}) written to ${summary.outDir}: ${summary.cases.toLocaleString('en-GB')} cases, ${summary.staff.toLocaleString('en-GB')} staff\n`);
    for (const f of summary.files) io.err(`  ${f.name.padEnd(20)} ${f.rows.toLocaleString('en-GB').padStart(11)} rows\n`);
    return 0;
  },
};
