import { parse, requireDate, requireInt } from '../args.js';
import { UsageError, progressPrinter } from '../io.js';
import type { Command } from './command.js';
import { checkAfterImport, formatImportReport } from './import.js';

export const demoCommand: Command = {
  async run(args, { io, service, checkNow }) {
    const { values } = parse(args, { seed: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } });
    const asOf = requireDate(values['as-of'], '--as-of');
    const onProgress = progressPrinter(io);
    const result = await service.call(
      'demo:load',
      { seed: requireInt(values.seed, '--seed') ?? 1, ...(asOf ? { asOf } : {}) },
      onProgress ? { onProgress } : {},
    );
    if (onProgress) io.err('\r\u001b[K');
    if (!result.ok) throw new UsageError(result.error.message);
    if (values.json) io.out(`${JSON.stringify(result.value, null, 2)}\n`);
    else io.out(`Synthetic demo caseload generated in ${result.value.dir}\n${formatImportReport(result.value.report)}`);
    if (result.value.report.committed && !checkAfterImport('demo', io, checkNow)) return 1;
    return result.value.report.errors.length > 0 ? 1 : 0;
  },
};
