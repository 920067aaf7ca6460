import { parseArgs } from 'node:util';

export const usage = 'usage: npm run preview -- --db FILE [--port N] [--no-open]';

export interface PreviewArgs {
  db: string;
  port: number;
  open: boolean;
}

/** `--db FILE [--port N] [--no-open]`; the database may also come from SPO_OVERSIGHT_DB. */
export function previewArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): PreviewArgs | { problem: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { db: { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
  const db = values.db ?? env.SPO_OVERSIGHT_DB;
  if (!db) return { problem: '--db FILE is required (the database to open)' };
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { problem: `--port must be a number from 0 to 65535, not ${values.port ?? ''}` };
  return { db, port, open: !values['no-open'] };
}
