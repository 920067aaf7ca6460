import type { TeamView } from '../../../contract/index.js';
import { parse, requireDate } from '../args.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';
import { table } from './flags.js';

const percent = (share: number | null): string => (share === null ? '-' : `${Math.round(share * 100)}%`);

export function formatTeam(v: TeamView): string {
  const lines = [`Team ${v.team ?? '(all practitioners)'} as of ${v.asOf} (oversight interval ${v.oversightIntervalDays} days)`, ''];
  lines.push(
    ...table(
      ['STAFF', 'NAME', 'GRADE', 'CASES', 'HIGH', 'MAPPA L1', 'COVERED', 'OVERDUE', 'DUE SOON', 'ACTIONS', 'WORKLOAD'],
      v.practitioners.map((p) => [
        p.staffCode,
        p.name ?? '(not in staff file)',
        p.grade ?? '-',
        String(p.cases),
        String(p.highRisk),
        String(p.mappaL1),
        `${p.covered}/${p.inScope} ${percent(p.coverage)}`,
        String(p.overdue),
        String(p.dueSoon),
        p.overdueActions ? `${p.openActions} (${p.overdueActions} overdue)` : String(p.openActions),
        p.workload?.percent == null ? '-' : `${p.workload.percent}%${p.workload.overCapacity ? ' OVER CAPACITY' : ''}`,
      ]),
    ),
  );
  lines.push('', 'Cases without oversight within the interval / in scope, by week ending:');
  lines.push(
    ...table(
      ['STAFF', ...v.heatmap.weeks.map((w) => w.slice(5))],
      v.heatmap.rows.map((r) => [r.staffCode, ...r.cells.map((c) => (c.inScope ? `${c.notCovered}/${c.inScope}` : '-'))]),
    ),
  );
  return `${lines.join('\n')}\n`;
}

export const teamCommand: Command = {
  async run(args, { io, service }) {
    const { values } = parse(args, { 'as-of': { type: 'string' }, team: { type: 'string' }, json: { type: 'boolean' } });
    const asOf = requireDate(values['as-of'], '--as-of');
    if (values.team !== undefined && !values.team.trim()) throw new UsageError('--team needs a team code');
    const result = await service.call('team:view', { ...(asOf ? { asOf } : {}), ...(values.team ? { team: values.team } : {}) });
    if (!result.ok) throw new UsageError(result.error.message);
    io.out(values.json ? `${JSON.stringify(result.value, null, 2)}\n` : formatTeam(result.value));
    return 0;
  },
};
