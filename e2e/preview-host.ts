import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/preview.mjs', import.meta.url));

export interface RunningPreview {
  /** For the browser's first load: http://127.0.0.1:PORT/#code=… with a one-time code of its own. */
  url: string;
  origin: string;
  /** The session token, for calling the API as the page does. */
  token: string;
  /** The host's process, whose temporary folder is named after it (db/hosts/preview/temp-dir.ts). */
  pid: number;
  stop(): Promise<void>;
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const result = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${url}: ${result.error.message}`);
  return result.value;
}

/**
 * Starts the built preview host on a database, exactly as `npm run preview` does; builds nothing.
 * Its start-up check runs in the background, but a database that needs migrating is checked
 * before it is migrated, so the bench gives a large one longer than the tests' fresh databases need.
 * `env` adds to the host's environment (a test's hold on the check: db/backup/held-check.ts).
 */
export async function startPreviewHost(dbFile: string, startTimeoutMs = 20_000, env: Record<string, string> = {}): Promise<RunningPreview> {
  if (!existsSync(bundle)) throw new Error('dist/preview.mjs is missing: run `npm run build` (npm run test:e2e does)');
  const child = spawn(process.execPath, [bundle, '--db', dbFile, '--no-open'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the preview host printed no URL within ${String(startTimeoutMs / 1000)} s:\n${stderr}`));
    }, startTimeoutMs);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the preview host exited with ${String(code)}:\n${stderr}`));
    });
  });
  // The printed code is spent here, for the API's token, as a person's browser would spend it; the
  // test's browser gets a code of its own.
  const { origin, hash } = new URL(url);
  const { token } = await post<{ token: string }>(`${origin}/api/session`, { code: hash.replace('#code=', '') });
  const { code } = await post<{ code: string }>(`${origin}/api/session-code`, {}, token);
  return { url: `${origin}/#code=${code}`, origin, token, pid: child.pid ?? 0, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}
