import { checkItems, checkOutcomes, reviewTypes, type CheckItem, type CheckOutcome, type InputOf, type Review, type ReviewType } from '../../../contract/index.js';
import { parse, requireDate, requireInt } from '../args.js';
import { UsageError, type CliIo } from '../io.js';
import type { Command, CommandContext } from './command.js';

/** The review fields every subcommand that writes one accepts. */
const fieldOptions = {
  type: { type: 'string' },
  date: { type: 'string' },
  spo: { type: 'string' },
  'spo-code': { type: 'string' },
  decision: { type: 'string' },
  analysis: { type: 'string' },
  checked: { type: 'string' },
  'next-review': { type: 'string' },
  trigger: { type: 'string', multiple: true },
  action: { type: 'string', multiple: true },
  'contact-code': { type: 'string' },
  'contact-id': { type: 'string' },
  json: { type: 'boolean' },
} as const;

type FieldValues = Partial<Record<Exclude<keyof typeof fieldOptions, 'trigger' | 'action' | 'json'>, string>> & {
  trigger?: string[];
  action?: string[];
  json?: boolean;
};

/** `--checked risk-assessment,police-da:not-available`: items, each with an optional outcome. */
function checks(list: string): { item: CheckItem; outcome: CheckOutcome }[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [item = '', outcome = 'checked'] = entry.split(':').map((s) => s.trim());
      if (!(checkItems as readonly string[]).includes(item)) throw new UsageError(`--checked: unknown item "${item}"; use ${checkItems.join(', ')}`);
      if (!(checkOutcomes as readonly string[]).includes(outcome)) throw new UsageError(`--checked: unknown outcome "${outcome}" for ${item}; use ${checkOutcomes.join(', ')}`);
      return { item: item as CheckItem, outcome: outcome as CheckOutcome };
    });
}

/** `--action "DUE|OWNER|TEXT"`. */
function actions(list: readonly string[]): { due: string; owner: string; text: string }[] {
  return list.map((a) => {
    const [due = '', owner = '', ...text] = a.split('|');
    requireDate(due.trim(), '--action due date');
    if (!owner.trim() || !text.join('|').trim()) throw new UsageError(`--action must be "DUE|OWNER|TEXT": ${a}`);
    return { due: due.trim(), owner: owner.trim(), text: text.join('|').trim() };
  });
}

function reviewType(value: string | undefined): ReviewType | undefined {
  if (value === undefined) return undefined;
  if (!(reviewTypes as readonly string[]).includes(value)) throw new UsageError(`--type must be one of ${reviewTypes.join(', ')}: ${value}`);
  return value as ReviewType;
}

/** `none` clears an optional field in an amendment. */
function clearable(value: string | undefined): string | null | undefined {
  return value === 'none' ? null : value;
}

function fields(v: FieldValues) {
  return {
    ...(v.type !== undefined ? { type: reviewType(v.type) } : {}),
    ...(v.date !== undefined ? { date: requireDate(v.date, '--date') } : {}),
    ...(v.decision !== undefined ? { decision: v.decision } : {}),
    ...(v.analysis !== undefined ? { analysis: v.analysis } : {}),
    ...(v.checked !== undefined ? { checks: checks(v.checked) } : {}),
    ...(v.trigger !== undefined ? { triggers: v.trigger } : {}),
    ...(v.action !== undefined ? { actions: actions(v.action) } : {}),
  };
}

function describe(r: Review, verb?: string): string {
  const c = r.current;
  const contact = c.ndelius.contactCode ? `nDelius contact ${c.ndelius.contactCode}${c.ndelius.contactId ? ` ${c.ndelius.contactId}` : ' (not yet entered)'}` : 'no nDelius contact code';
  return `${verb ? `${verb} review` : 'Review'} ${r.id} (version ${c.version}) for ${r.crn}: ${c.type} on ${c.date}; ${contact}${r.withdrawn ? '; withdrawn, no longer counts as evidence' : ''}\n`;
}

function print(io: CliIo, json: boolean | undefined, r: Review, verb: string): number {
  io.out(json ? `${JSON.stringify(r, null, 2)}\n` : describe(r, verb));
  return 0;
}

function reviewId(positionals: string[], sub: string): number {
  const id = requireInt(positionals[0], `review ${sub} ID`);
  if (id === undefined || positionals.length !== 1) throw new UsageError(`review ${sub} needs one review ID`);
  return id;
}

async function add(args: string[], { io, service }: CommandContext): Promise<number> {
  const { values } = parse(args, { ...fieldOptions, crn: { type: 'string' } });
  for (const flag of ['crn', 'type', 'date', 'spo', 'decision'] as const) {
    if (!values[flag]) throw new UsageError(`review add needs --${flag}`);
  }
  const spoCode = values['spo-code'];
  const input: InputOf<'reviews:record'> = {
    crn: values.crn ?? '',
    type: reviewType(values.type) ?? 'management-oversight',
    date: requireDate(values.date, '--date') ?? '',
    spo: { name: values.spo ?? '', ...(spoCode ? { staffCode: spoCode } : {}) },
    decision: values.decision ?? '',
    ...fields(values),
    ...(values['next-review'] !== undefined ? { nextReviewDate: requireDate(values['next-review'], '--next-review') } : {}),
    ...(values['contact-code'] !== undefined ? { ndeliusContactCode: values['contact-code'] } : {}),
    ...(values['contact-id'] !== undefined ? { ndeliusContactId: values['contact-id'] } : {}),
  };
  const result = await service.call('reviews:record', input);
  if (!result.ok) throw new UsageError(result.error.message);
  return print(io, values.json, result.value, 'Recorded');
}

async function amend(args: string[], { io, service }: CommandContext): Promise<number> {
  const { values, positionals } = parse(args, { ...fieldOptions, reason: { type: 'string' } }, true);
  const id = reviewId(positionals, 'amend');
  if (!values.reason) throw new UsageError('review amend needs --reason');
  const next = clearable(values['next-review']);
  const code = clearable(values['contact-code']);
  const contactId = clearable(values['contact-id']);
  const input: InputOf<'reviews:amend'> = {
    id,
    reason: values.reason,
    ...fields(values),
    ...(values.spo !== undefined ? { spo: { name: values.spo, ...(values['spo-code'] ? { staffCode: values['spo-code'] } : {}) } } : {}),
    ...(next !== undefined ? { nextReviewDate: next === null ? null : requireDate(next, '--next-review') } : {}),
    ...(code !== undefined ? { ndeliusContactCode: code } : {}),
    ...(contactId !== undefined ? { ndeliusContactId: contactId } : {}),
  };
  const result = await service.call('reviews:amend', input);
  if (!result.ok) throw new UsageError(result.error.message);
  return print(io, values.json, result.value, 'Amended');
}

async function withdraw(args: string[], { io, service }: CommandContext): Promise<number> {
  const { values, positionals } = parse(args, { reason: { type: 'string' }, json: { type: 'boolean' } }, true);
  const id = reviewId(positionals, 'withdraw');
  if (!values.reason) throw new UsageError('review withdraw needs --reason');
  const result = await service.call('reviews:withdraw', { id, reason: values.reason });
  if (!result.ok) throw new UsageError(result.error.message);
  return print(io, values.json, result.value, 'Withdrew');
}

async function list(args: string[], { io, service }: CommandContext): Promise<number> {
  const { values } = parse(args, { crn: { type: 'string' }, json: { type: 'boolean' } });
  if (!values.crn) throw new UsageError('review list needs --crn');
  const result = await service.call('reviews:list', { crn: values.crn });
  if (!result.ok) throw new UsageError(result.error.message);
  if (values.json) io.out(`${JSON.stringify(result.value, null, 2)}\n`);
  else if (result.value.reviews.length === 0) io.out(`No reviews recorded for ${result.value.crn}.\n`);
  else for (const r of result.value.reviews) io.out(describe(r));
  return 0;
}

const subcommands: Readonly<Record<string, (args: string[], ctx: CommandContext) => Promise<number>>> = { add, amend, withdraw, list };

export const reviewCommand: Command = {
  run(args, ctx) {
    const [sub, ...rest] = args;
    const run = sub ? subcommands[sub] : undefined;
    if (!run) return Promise.reject(new UsageError(`review needs add, amend, withdraw or list${sub ? `, not "${sub}"` : ''}`));
    return run(rest, ctx);
  },
};
