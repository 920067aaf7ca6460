// `npm start`, the README's main job: make sure there is a synthetic demo caseload, then show it —
// in the Electron window where Electron can run; otherwise (no Electron binary, no display, no
// database engine built for Electron) it says so in one line and serves the browser preview.
// However the user stops it — Ctrl+C at the terminal (read as a key, see stop-key.mjs), SIGINT or
// SIGTERM — this process stops the step running now, waits for the app to close its database,
// and exits 0.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { downloadFailure, electronExecutable, exitCodeAfter, previewInstead, START_GRACE_MS, startFailure } from './start-electron.mjs';
import { watchStopKey } from './stop-key.mjs';

const db = process.env.SPO_OVERSIGHT_DB ?? 'data/demo.sqlite';

/** The step running now, which a stop is passed on to. */
let current = null;
let interrupted = false;

function stop() {
  if (interrupted) return;
  interrupted = true;
  if (current) current.kill('SIGINT');
  else process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
watchStopKey(process.stdin, stop);
// If npm's shell is killed under us this process would be left serving with nobody to stop it.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 1000).unref();

/**
 * Runs one step to its end. Only this process reads the keyboard, so no step is given it. A quiet
 * step's output is kept, not shown; a `holdErrors` step's error output is held back for that many
 * milliseconds (then shown, and passed straight through after) so a failure to start can be told
 * in one line. A step still running after `timeoutMs` is stopped.
 * @returns {Promise<{ status: number | null, signal: NodeJS.Signals | null, output: string, held: boolean, error?: Error }>}
 */
function step(command, args, { quiet = false, holdErrors = 0, timeoutMs = 0, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet || holdErrors ? 'pipe' : 'inherit'], env });
    current = child;
    const limit = timeoutMs ? setTimeout(() => child.kill(), timeoutMs) : undefined;
    let output = '';
    let held = holdErrors > 0;
    const release = held
      ? setTimeout(() => {
          held = false;
          process.stderr.write(output);
        }, holdErrors)
      : undefined;
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => {
      if (holdErrors && !held) process.stderr.write(c);
      else output += c;
    });
    const done = (result) => {
      clearTimeout(release);
      clearTimeout(limit);
      current = null;
      resolve({ ...result, output, held });
    };
    child.on('error', (error) => done({ status: null, signal: null, error }));
    child.on('exit', (status, signal) => {
      // What it said last may still be in the pipe; its own children may hold the pipe open, so not for long.
      if (!child.stderr || child.stderr.readableEnded) done({ status, signal });
      else {
        const wait = setTimeout(() => done({ status, signal }), 200);
        child.stderr.once('end', () => {
          clearTimeout(wait);
          done({ status, signal });
        });
      }
    });
  });
}

/** Leaves now if the user asked to stop while the last step ran. */
function stopIfAsked() {
  if (interrupted) process.exit(0);
}

if (!existsSync(db)) {
  console.error(`No database at ${db} yet: generating and importing a synthetic PDU caseload…`);
  const demo = await step(process.execPath, ['bin/spo-oversight.mjs', 'demo', '--db', db]);
  stopIfAsked();
  if (demo.status !== 0) process.exit(demo.status ?? 1);
} else {
  console.error(`Using ${db} (delete it to start again with a fresh demo caseload).`);
}

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const electronBinary = () => electronExecutable(electronDir, process.env);

/** A note that overwrites itself, so the terminal keeps one line whatever happens next. */
function note(text) {
  if (process.stderr.isTTY) process.stderr.write(`${text}\r`);
  return () => {
    if (process.stderr.isTTY) process.stderr.write('\u001b[K');
  };
}

/** Why Electron cannot start here, or null. Electron's postinstall is not allowed to run, so the binary is fetched here. */
async function electronProblem() {
  if (!electronBinary()) {
    const done = note('Fetching the Electron binary (first run only)…');
    // Its output is kept, never shown: where there is no network it is a stack trace.
    const install = await step(process.execPath, [`${electronDir}/install.js`], { quiet: true, timeoutMs: 10 * 60_000 });
    done();
    stopIfAsked();
    if (install.status !== 0 || !electronBinary()) return `no Electron binary: ${downloadFailure(`${install.output}${install.error?.message ?? ''}`)}`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display';
  const done = note('Building the database engine for Electron (first run only)…');
  const native = await step(process.execPath, ['scripts/electron-native.mjs'], { quiet: true });
  done();
  stopIfAsked();
  if (native.status !== 0) return native.output.trim().split('\n').at(-1) || 'the database engine could not be built for Electron';
  return null;
}

/** Runs the app until it stops, then exits with its code (0 when the user stopped it); answers why it could not start. */
async function runUntilStopped(command, args, { env = process.env, holdErrors = 0 } = {}) {
  const started = performance.now();
  const app = await step(command, args, { env, holdErrors });
  if (app.error) return `it would not launch: ${app.error.message}`;
  const failure = holdErrors ? startFailure({ code: app.status, signal: app.signal, elapsedMs: performance.now() - started, interrupted, stderr: app.output }) : null;
  if (failure) return failure;
  if (app.held) process.stderr.write(app.output);
  process.exit(exitCodeAfter(app.status, app.signal, interrupted));
}

async function preview(reason) {
  console.error(previewInstead(reason));
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const why = await runUntilStopped(process.execPath, ['dist/preview.mjs', '--db', db, ...(headless ? ['--no-open'] : [])]);
  console.error(`The browser preview would not start either: ${why}`);
  process.exit(1);
}

const problem = await electronProblem();
if (problem) {
  await preview(problem);
} else {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // Electron that never ran, or stopped with an error as it started, gives way to the preview.
  const why = await runUntilStopped(electronBinary(), ['dist/electron', '--db', db], { env, holdErrors: START_GRACE_MS });
  await preview(why);
}
