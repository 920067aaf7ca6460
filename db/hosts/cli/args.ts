import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into one-line usage errors. */
export function parse<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function requireDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || !new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) {
    throw new UsageError(`${flag} must be a date as YYYY-MM-DD: ${value}`);
  }
  return value;
}

export function requireInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number: ${value}`);
  return Number(value);
}

export function databasePath(flag: string | undefined, env: Record<string, string | undefined>): string {
  const path = flag ?? env.SPO_OVERSIGHT_DB;
  if (!path) throw new UsageError('no database: pass --db FILE or set SPO_OVERSIGHT_DB');
  return path;
}
