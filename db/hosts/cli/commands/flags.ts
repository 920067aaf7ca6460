import type { FlagsReport } from '../../../contract/index.js';
import { parse, requireDate } from '../args.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

/** Left-aligned columns, the last one free-running (reasons are long). */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `  ${l}`);
}

export function formatFlags(r: FlagsReport, team?: string): string {
  const lines = [`Oversight flags as of ${r.asOf}${team ? ` for team ${team}` : ''}`, ''];
  lines.push(`Overdue: ${r.caseFlags.length}`);
  if (r.caseFlags.length) {
    lines.push(...table(['CRN', 'RULE', 'DUE', 'DAYS OVERDUE', 'REASON'], r.caseFlags.map((f) => [f.crn, f.rule, f.dueDate, String(f.daysOverdue), f.reason])));
  }
  lines.push('', `Due within ${r.policy.dueSoonDays} days: ${r.dueSoon.length}`);
  if (r.dueSoon.length) {
    lines.push(...table(['CRN', 'RULE', 'DUE', 'DAYS LEFT', 'REASON'], r.dueSoon.map((f) => [f.crn, f.rule, f.dueDate, String(f.daysUntilDue), f.reason])));
  }
  lines.push('', `Practitioners over capacity: ${r.staffFlags.length}`);
  if (r.staffFlags.length) lines.push(...table(['STAFF', 'RULE', 'REASON'], r.staffFlags.map((f) => [f.staffCode, f.rule, f.reason])));
  if (r.notEvaluated.length) {
    lines.push('', 'Not evaluated:');
    for (const n of r.notEvaluated) lines.push(`  ${n.rule}: ${n.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

export const flagsCommand: Command = {
  async run(args, { io, service }) {
    const { values } = parse(args, { 'as-of': { type: 'string' }, team: { type: 'string' }, json: { type: 'boolean' } });
    const asOf = requireDate(values['as-of'], '--as-of');
    if (values.team !== undefined && !values.team.trim()) throw new UsageError('--team needs a team code');
    const result = await service.call('flags:evaluate', { ...(asOf ? { asOf } : {}), ...(values.team ? { team: values.team } : {}) });
    if (!result.ok) throw new UsageError(result.error.message);
    io.out(values.json ? `${JSON.stringify(result.value, null, 2)}\n` : formatFlags(result.value, values.team?.trim().toUpperCase()));
    return 0;
  },
};
