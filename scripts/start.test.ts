import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openService } from '../db/service/open.js';
import { downloadFailure, electronExecutable, exitCodeAfter, previewInstead, START_GRACE_MS, startFailure } from './start-electron.mjs';
import { isStopKey } from './stop-key.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

describe('finding the Electron binary', () => {
  it('reads node_modules/electron/path.txt without downloading anything, and answers null when the binary is not there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spo-electron-'));
    expect(electronExecutable(dir, {})).toBeNull();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(electronExecutable(dir, {})).toBeNull();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(electronExecutable(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as Electron itself does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spo-electron-'));
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(electronExecutable(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'elsewhere') })).toBeNull();
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'electron'), '');
    expect(electronExecutable(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'elsewhere') })).toBe(join(dir, 'elsewhere', 'electron'));
  });
});

describe('what npm start says when Electron cannot start', () => {
  const trace = (message: string) => `Downloading Electron binary...\n${message}\n    at node:internal/deps/undici/undici:14976:13\n    at async downloadArtifact (file:///x/index.js:154:12)\n`;

  it('names the network error, never the stack trace', () => {
    expect(downloadFailure(trace('RequestError: getaddrinfo ENOTFOUND github.com'))).toBe('it could not be downloaded (getaddrinfo ENOTFOUND github.com)');
    expect(downloadFailure(trace('TypeError: fetch failed'))).toBe('it could not be downloaded (fetch failed)');
    expect(downloadFailure(trace('HTTPError: Response code 404 (Not Found) for https://github.com/x'))).toBe('it could not be downloaded (HTTPError: Response code 404 (Not Found) for https://github.com/x)');
    expect(downloadFailure('')).toBe('it could not be downloaded');
  });

  it('says why and that the preview is served instead, in one line', () => {
    expect(previewInstead('no display')).toBe('Electron cannot start here (no display), so serving the browser preview instead.');
    expect(previewInstead('no Electron binary:\n  it could not be downloaded')).not.toContain('\n');
  });

  it('exits 0 when the user stops the app with Ctrl+C, and passes on any other ending', () => {
    expect(exitCodeAfter(0, null, true)).toBe(0);
    expect(exitCodeAfter(null, 'SIGINT', true)).toBe(0);
    expect(exitCodeAfter(130, null, true)).toBe(0);
    expect(exitCodeAfter(null, 'SIGTERM', true)).toBe(0);
    expect(exitCodeAfter(2, null, true)).toBe(2);
    expect(exitCodeAfter(1, null, false)).toBe(1);
    expect(exitCodeAfter(130, null, false)).toBe(130);
    expect(exitCodeAfter(null, 'SIGKILL', false)).toBe(1);
  });
});

/** An empty caseload is enough for these, and much quicker than the demo start.mjs would make. */
function startEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'spo-start-'));
  const db = join(dir, 'demo.sqlite');
  openService(db).close();
  return {
    ...process.env,
    SPO_OVERSIGHT_DB: db,
    // No Electron binary, whatever this machine has installed, and a download that fails at
    // once: the mirror is a closed port on this computer and the cache is empty.
    ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron'),
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    electron_config_cache: join(dir, 'cache'),
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
  };
}

/** The preview's address once it is printed on `out`, which is read to the end into `seen`. */
function previewAddress(out: NodeJS.ReadableStream, seen: { text: string }): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no preview address within 30 s:\n${seen.text}`));
    }, 30_000);
    out.on('data', (c: Buffer) => {
      seen.text += c.toString();
      const found = /^(http:\/\/127\.0\.0\.1:\d+\/)/m.exec(seen.text)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
}

describe('the keys that stop npm start', () => {
  it('are Ctrl+C and Ctrl+D, wherever they fall in what was typed', () => {
    expect(isStopKey(Buffer.from([0x03]))).toBe(true);
    expect(isStopKey(Buffer.from('ab\u0004'))).toBe(true);
    expect(isStopKey(Buffer.from('q\r'))).toBe(false);
  });
});

describe('Electron that stops as it starts', () => {
  const ending = { code: 127, signal: null, elapsedMs: 800, interrupted: false, stderr: '' };

  it('is said in one line with its last words, so the preview can take over', () => {
    const stderr = '[1:ERROR:ozone_platform_x11.cc(240)] Missing X server\n/opt/electron: error while loading shared libraries: libnss3.so: cannot open shared object file\n\n';
    expect(startFailure({ ...ending, stderr })).toBe(
      'it stopped as it started, exit code 127: /opt/electron: error while loading shared libraries: libnss3.so: cannot open shared object file',
    );
    expect(startFailure({ ...ending, code: null, signal: 'SIGSEGV' })).toBe('it stopped as it started, signal SIGSEGV');
  });

  it('is not a failure to start when it ran for a while, ended cleanly, or the user stopped it', () => {
    expect(startFailure({ ...ending, elapsedMs: START_GRACE_MS })).toBeNull();
    expect(startFailure({ ...ending, code: 0 })).toBeNull();
    expect(startFailure({ ...ending, code: null, signal: 'SIGINT', interrupted: true })).toBeNull();
  });
});

// Ctrl+C in a terminal is SIGINT to the whole process group, which Windows does not have.
describe.skipIf(process.platform === 'win32')('npm start where Electron cannot be fetched (skipped on Windows: no process groups to send Ctrl+C to)', () => {
  it('prints one line saying why, serves the preview, and exits 0 when stopped with Ctrl+C', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: startEnv() });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const url = await previewAddress(child.stdout, { text: '' });
    // The preview host is really up: it serves the app.
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const exited = exitOf(child);
    process.kill(-(child.pid ?? 0), 'SIGINT');
    expect(await exited).toBe(0);

    const lines = stderr.trim().split('\n');
    expect(lines.filter((l) => l.includes('Electron'))).toEqual([
      expect.stringMatching(/^Electron cannot start here \(no Electron binary: it could not be downloaded \(.+\)\), so serving the browser preview instead\.$/),
    ]);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toContain('Downloading Electron binary');
  });

  it('stops the preview when the shell npm ran it from is killed, rather than serving on with nobody to stop it', async () => {
    const shell = spawn('sh', ['-c', 'node scripts/start.mjs'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'], env: startEnv() });
    const url = await previewAddress(shell.stdout, { text: '' });
    expect((await fetch(url)).status).toBe(200);
    shell.kill('SIGKILL');
    await expect.poll(() => fetch(url).then(() => 'serving', () => 'stopped'), { timeout: 10_000, interval: 250 }).toBe('stopped');
  });
});

// npm runs the script through `sh -c`; Debian's sh (dash) dies of the terminal's SIGINT whatever its
// child does, and npm then ends with 130. This drives a real terminal (util-linux `script` gives
// the pseudo-terminal) and presses Ctrl+C in it.
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
describe.skipIf(!hasScript)('npm start at a terminal (needs util-linux script for a pseudo-terminal)', () => {
  it('exits 0 when Ctrl+C is pressed, through the shell npm runs it with', async () => {
    const terminal = spawn('script', ['-qfec', 'sh -c "node scripts/start.mjs"', '/dev/null'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'ignore'], env: startEnv() });
    const seen = { text: '' };
    const url = await previewAddress(terminal.stdout, seen);
    expect((await fetch(url)).status).toBe(200);
    const exited = exitOf(terminal);
    terminal.stdin.write('\u0003');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });
});
