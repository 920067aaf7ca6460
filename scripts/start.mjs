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
import { downloadFailure, electronExecutable, exitCodeAfter, previewInstead } from './start-electron.mjs';
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
 * Runs one step to its end. Only this process reads the keyboard, so no step is given it.
 * @returns {Promise<{ status: number | null, signal: NodeJS.Signals | null, output: string, error?: Error }>}
 */
function step(command, args, { quiet = false, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'], env });
    current = child;
    let output = '';
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output += c));
    child.on('error', (error) => {
      current = null;
      resolve({ status: null, signal: null, output, error });
    });
    child.on('exit', (status, signal) => {
      current = null;
      resolve({ status, signal, output });
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
    const install = await step(process.execPath, [`${electronDir}/install.js`], { quiet: true });
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

/** Runs the app until it stops, then exits with its code (0 when the user stopped it). */
async function runUntilStopped(command, args, env) {
  const app = await step(command, args, { env });
  if (app.error) return app.error;
  process.exit(exitCodeAfter(app.status, app.signal, interrupted));
}

async function preview(reason) {
  console.error(previewInstead(reason));
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const error = await runUntilStopped(process.execPath, ['dist/preview.mjs', '--db', db, ...(headless ? ['--no-open'] : [])]);
  console.error(`The browser preview would not start either: ${error.message}`);
  process.exit(1);
}

const problem = await electronProblem();
if (problem) {
  await preview(problem);
} else {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // An error means Electron never ran: the preview takes over.
  const error = await runUntilStopped(electronBinary(), ['dist/electron', '--db', db], env);
  await preview(`Electron would not launch: ${error.message}`);
}
