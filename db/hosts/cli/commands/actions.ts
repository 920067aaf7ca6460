import { spokenDate } from '../../../contract/dates.js';
import type { TrackedAction } from '../../../contract/index.js';
import { parse, requireDate, requireInt } from '../args.js';
import { UsageError } from '../io.js';
import type { Command, CommandContext } from './command.js';

/** One action as a line: where it comes from, what it asks, and where it stands. */
export function formatAction(a: TrackedAction): string {
  const state =
    a.status === 'open'
      ? a.overdue
        ? 'OVERDUE'
        : 'open'
      : `${a.status} on ${a.closed?.date ?? '?'}${a.closed?.note ? ` (${a.closed.note})` : ''}`;
  return `${a.crn}  review ${a.reviewId} action ${a.number}  due ${a.due}  ${state}  owner ${a.owner}: ${a.text}`;
}

async function list(args: string[], { io, service }: CommandContext): Promise<number> {
  const { values } = parse(args, { crn: { type: 'string' }, review: { type: 'string' }, open: { type: 'boolean' }, closed: { type: 'boolean' }, json: { type: 'boolean' } });
  if (values.open && values.closed) throw new UsageError('actions list takes --open or --closed, not both');
  const reviewId = requireInt(values.review, '--review');
  const result = await service.call('actions:list', {
    ...(values.crn !== undefined ? { crn: values.crn } : {}),
    ...(reviewId !== undefined ? { reviewId } : {}),
    status: values.open ? 'open' : values.closed ? 'closed' : 'all',
  });
  if (!result.ok) throw new UsageError(result.error.message);
  if (values.json) io.out(`${JSON.stringify(result.value, null, 2)}\n`);
  else io.out(result.value.actions.length ? `${result.value.actions.map(formatAction).join('\n')}\n` : 'No actions match.\n');
  return 0;
}

/** `actions done REVIEW_ID NUMBER --date DATE [--note TEXT]` and `actions drop … --reason TEXT`. */
async function close(kind: 'done' | 'drop', args: string[], { io, service }: CommandContext): Promise<number> {
  const { values, positionals } = parse(args, { date: { type: 'string' }, note: { type: 'string' }, reason: { type: 'string' }, json: { type: 'boolean' } }, true);
  const [reviewText, numberText, ...extra] = positionals;
  const usage = kind === 'done' ? 'actions done REVIEW_ID NUMBER --date DATE [--note TEXT]' : 'actions drop REVIEW_ID NUMBER --date DATE --reason TEXT';
  if (reviewText === undefined || numberText === undefined || extra.length) throw new UsageError(`usage: ${usage}`);
  const reviewId = requireInt(reviewText, 'REVIEW_ID');
  const number = requireInt(numberText, 'NUMBER');
  const date = requireDate(values.date, '--date');
  if (reviewId === undefined || number === undefined) throw new UsageError(`usage: ${usage}`);
  if (date === undefined) throw new UsageError(`${usage}: --date is the day it was ${kind === 'done' ? 'done' : 'dropped'}`);
  if (kind === 'drop' && !values.reason?.trim()) throw new UsageError('actions drop needs --reason TEXT: why the action is no longer needed');
  const result =
    kind === 'done'
      ? await service.call('actions:done', { reviewId, number, date, ...(values.note !== undefined ? { note: values.note } : {}) })
      : await service.call('actions:drop', { reviewId, number, date, reason: values.reason ?? '' });
  if (!result.ok) throw new UsageError(result.error.message);
  if (values.json) io.out(`${JSON.stringify(result.value, null, 2)}\n`);
  else {
    io.out(`${formatAction(result.value)}\n`);
    io.err(`Action ${number} of review ${reviewId} is marked ${result.value.status} on ${spokenDate(date)}; the review itself is unchanged.\n`);
  }
  return 0;
}

export const actionsCommand: Command = {
  run(args, ctx) {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'list':
        return list(rest, ctx);
      case 'done':
        return close('done', rest, ctx);
      case 'drop':
        return close('drop', rest, ctx);
      default:
        throw new UsageError(sub ? `unknown actions command "${sub}"; use list, done or drop` : 'actions needs list, done or drop');
    }
  },
};
