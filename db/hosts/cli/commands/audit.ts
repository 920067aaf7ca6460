import { s62Operations, type S62Operation } from '../../../contract/index.js';
import { parse, requireDate, requireInt } from '../args.js';
import { UsageError } from '../io.js';
import type { Command, CommandContext } from './command.js';

async function verify(args: string[], { io, service }: CommandContext): Promise<number> {
  const { values } = parse(args, { against: { type: 'string' }, json: { type: 'boolean' } });
  const result = await service.call('audit:verify', values.against ? { against: values.against } : {});
  if (!result.ok) throw new UsageError(result.error.message);
  const v = result.value;
  if (values.json) io.out(`${JSON.stringify(v, null, 2)}\n`);
  else if (v.intact) {
    io.out(`Audit log intact: ${v.entries} entries${v.head ? `, head entry ${v.head.id} (${v.head.hash})` : ''}\n`);
    if (v.against) {
      io.out(
        `  ${v.against.path}: its chain head ${v.against.chainHead ? `(entry ${v.against.chainHead.id})` : '(empty log)'} is in the log` +
          `${v.against.disclosureEntryId ? `, and entry ${v.against.disclosureEntryId} records its disclosure` : ''}\n`,
      );
    }
    if (v.checkpoints?.checked) {
      const back = v.checkpoints.rolledBack ? `; ${String(v.checkpoints.rolledBack)} name entries a restore recorded replacing` : '';
      io.out(`  ${String(v.checkpoints.checked)} signed checkpoints (one per export and backup) hold${back}\n`);
    }
  } else io.out(`Audit log NOT intact (${v.entries} entries read): entry ${v.firstBroken?.id ?? '?'}: ${v.firstBroken?.reason ?? 'unknown reason'}\n`);
  return v.intact ? 0 : 1;
}

async function list(args: string[], { io, service }: CommandContext): Promise<number> {
  const { values } = parse(args, {
    operation: { type: 'string' },
    op: { type: 'string' },
    user: { type: 'string' },
    crn: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    offset: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.operation !== undefined && !(s62Operations as readonly string[]).includes(values.operation)) {
    throw new UsageError(`--operation must be one of ${s62Operations.join(', ')}: ${values.operation}`);
  }
  const from = requireDate(values.from, '--from');
  const to = requireDate(values.to, '--to');
  const result = await service.call('audit:list', {
    ...(values.operation ? { operation: values.operation as S62Operation } : {}),
    ...(values.op ? { op: values.op } : {}),
    ...(values.user ? { user: values.user } : {}),
    ...(values.crn ? { crn: values.crn } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    offset: requireInt(values.offset, '--offset') ?? 0,
    limit: requireInt(values.limit, '--limit') ?? 50,
  });
  if (!result.ok) throw new UsageError(result.error.message);
  const page = result.value;
  if (values.json) {
    io.out(`${JSON.stringify(page, null, 2)}\n`);
    return 0;
  }
  for (const e of page.entries) {
    const crns = e.crns.length > 5 ? `${e.crns.slice(0, 5).join(' ')} … (${e.crns.length})` : e.crns.join(' ');
    io.out(`${String(e.id).padStart(6)}  ${e.at}  ${e.operation.padEnd(12)}  ${e.op.padEnd(16)}  ${e.appUser ?? e.osUser}  ${crns}${e.justification ? `  "${e.justification}"` : ''}\n`);
  }
  io.err(`${page.entries.length} of ${page.total} entries (this reading is itself logged)\n`);
  return 0;
}

const subcommands: Readonly<Record<string, (args: string[], ctx: CommandContext) => Promise<number>>> = { verify, list };

export const auditCommand: Command = {
  run(args, ctx) {
    const [sub, ...rest] = args;
    const run = sub ? subcommands[sub] : undefined;
    if (!run) return Promise.reject(new UsageError(`audit needs verify or list${sub ? `, not "${sub}"` : ''}`));
    return run(rest, ctx);
  },
};
