import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/preview.mjs', import.meta.url));

export interface RunningPreview {
  /** As printed: http://127.0.0.1:PORT/#token=… */
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts the built preview host on a database, exactly as `npm run preview` does; builds nothing.
 * The start-up `quick_check` reads the whole file: about 11 s for a 2 GB national database here,
 * so the bench gives a large one longer than the tests' fresh databases need.
 */
export async function startPreviewHost(dbFile: string, startTimeoutMs = 20_000): Promise<RunningPreview> {
  if (!existsSync(bundle)) throw new Error('dist/preview.mjs is missing: run `npm run build` (npm run test:e2e does)');
  const child = spawn(process.execPath, [bundle, '--db', dbFile, '--no-open'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
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
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.hash.replace('#token=', ''), stop: () => stopChild(child) };
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
