import { settingKeys, type SettingKey, type SettingView, type SettingsHistoryEntry } from '../../../contract/index.js';
import { parse } from '../args.js';
import { UsageError } from '../io.js';
import type { Command, CommandContext } from './command.js';

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export function formatSettings(list: readonly SettingView[]): string {
  const lines: string[] = [];
  for (const s of list) {
    lines.push(`${s.key} = ${show(s.value)}${s.isDefault ? '' : ` (default ${show(s.default)})`}  [${s.unit}]`);
    lines.push(`    ${s.description}`);
    lines.push(`    basis: ${s.basis} — ${s.basisNote}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatHistory(list: readonly SettingsHistoryEntry[]): string {
  if (!list.length) return 'No setting has been changed.\n';
  return `${list.map((h) => `${h.at}  ${h.osUser}${h.appUser ? ` (${h.appUser})` : ''}  ${h.key}: ${show(h.old)} → ${show(h.new)}  reason: ${h.reason}`).join('\n')}\n`;
}

/** VALUE is JSON when it parses as JSON (`30`, `["MO1","MO8"]`), otherwise the text itself. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function settingKey(key: string | undefined): SettingKey {
  if (!key) throw new UsageError('settings set needs KEY VALUE --reason TEXT');
  if (!(settingKeys as readonly string[]).includes(key)) throw new UsageError(`unknown setting "${key}"; run "settings get" to list them`);
  return key as SettingKey;
}

async function get(args: string[], { io, service }: CommandContext): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean' } });
  const result = await service.call('settings:get', {});
  if (!result.ok) throw new UsageError(result.error.message);
  io.out(values.json ? `${JSON.stringify(result.value, null, 2)}\n` : formatSettings(result.value));
  return 0;
}

async function set(args: string[], { io, service }: CommandContext): Promise<number> {
  const { values, positionals } = parse(args, { reason: { type: 'string' }, json: { type: 'boolean' } }, true);
  const [keyText, valueText, ...extra] = positionals;
  const key = settingKey(keyText);
  if (valueText === undefined) throw new UsageError(`settings set ${key} needs a VALUE`);
  if (extra.length) throw new UsageError(`settings set takes one KEY and one VALUE; quote a list, e.g. '["MO1","MO8"]' (got also: ${extra.join(' ')})`);
  if (!values.reason?.trim()) throw new UsageError('settings set needs --reason TEXT: every change is recorded with its reason');
  const result = await service.call('settings:set', { key, value: parseValue(valueText), reason: values.reason });
  if (!result.ok) throw new UsageError(result.error.message);
  if (values.json) io.out(`${JSON.stringify(result.value, null, 2)}\n`);
  else {
    io.out(formatSettings([result.value]));
    io.err(`${key} is now ${show(result.value.value)}; the change is recorded and today's flags are refreshed.\n`);
  }
  return 0;
}

async function history(args: string[], { io, service }: CommandContext): Promise<number> {
  const { values } = parse(args, { key: { type: 'string' }, json: { type: 'boolean' } });
  const key = values.key === undefined ? undefined : settingKey(values.key);
  const result = await service.call('settings:history', key ? { key } : {});
  if (!result.ok) throw new UsageError(result.error.message);
  io.out(values.json ? `${JSON.stringify(result.value, null, 2)}\n` : formatHistory(result.value));
  return 0;
}

export const settingsCommand: Command = {
  run(args, ctx) {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'get':
        return get(rest, ctx);
      case 'set':
        return set(rest, ctx);
      case 'history':
        return history(rest, ctx);
      default:
        throw new UsageError(sub ? `unknown settings command "${sub}"; use get, set or history` : 'settings needs get, set or history');
    }
  },
};
