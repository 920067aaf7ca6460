import type { TrendsReport } from '../../../contract/index.js';
import { parse, requireDate, requireInt } from '../args.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';
import { table } from './flags.js';

export function formatTrends(r: TrendsReport): string {
  const lines = [`Weekly oversight trends to ${r.asOf}${r.team ? ` for team ${r.team}` : ''}`, ''];
  lines.push(
    ...table(
      ['WEEK ENDING', 'IN SCOPE', 'COVERED', 'COVERAGE', 'OVERDUE', 'DUE SOON', 'MEDIAN DAYS OVERDUE'],
      r.weeks.map((w) => [
        w.weekEnding,
        String(w.inScope),
        String(w.covered),
        w.coverage === null ? '-' : `${Math.round(w.coverage * 100)}%`,
        String(w.overdue),
        String(w.dueSoon),
        w.medianDaysOverdue === null ? '-' : String(w.medianDaysOverdue),
      ]),
    ),
  );
  lines.push('', r.reading);
  return `${lines.join('\n')}\n`;
}

export const trendsCommand: Command = {
  async run(args, { io, service }) {
    const { values } = parse(args, { 'as-of': { type: 'string' }, team: { type: 'string' }, weeks: { type: 'string' }, json: { type: 'boolean' } });
    const asOf = requireDate(values['as-of'], '--as-of');
    const weeks = requireInt(values.weeks, '--weeks');
    if (values.team !== undefined && !values.team.trim()) throw new UsageError('--team needs a team code');
    const result = await service.call('trends:weekly', { ...(asOf ? { asOf } : {}), ...(values.team ? { team: values.team } : {}), ...(weeks !== undefined ? { weeks } : {}) });
    if (!result.ok) throw new UsageError(result.error.message);
    io.out(values.json ? `${JSON.stringify(result.value, null, 2)}\n` : formatTrends(result.value));
    return 0;
  },
};
