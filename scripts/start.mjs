// `npm start`, the README's main job: make sure there is a synthetic demo caseload, then show it —
// in the Electron window where Electron can run; otherwise (no Electron binary, no display, no
// database engine built for Electron) it says so in one line and serves the browser preview.
// Ctrl+C reaches this process and the app's together: this one waits for the app to stop and
// exits 0, rather than dying by the signal before the app has closed its database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { downloadFailure, electronExecutable, exitCodeAfter, previewInstead } from './start-electron.mjs';

const db = process.env.SPO_OVERSIGHT_DB ?? 'data/demo.sqlite';
const cli = (args) => spawnSync(process.execPath, ['bin/spo-oversight.mjs', ...args, '--db', db], { stdio: 'inherit' });

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
  });
}

if (!existsSync(db)) {
  console.error(`No database at ${db} yet: generating and importing a synthetic PDU caseload…`);
  const demo = cli(['demo']);
  if (interrupted) process.exit(0);
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
function electronProblem() {
  if (!electronBinary()) {
    const done = note('Fetching the Electron binary (first run only)…');
    // Its output is kept, never shown: where there is no network it is a stack trace.
    const install = spawnSync(process.execPath, [`${electronDir}/install.js`], { encoding: 'utf8', timeout: 10 * 60_000 });
    done();
    if (install.status !== 0 || !electronBinary()) return `no Electron binary: ${downloadFailure(`${install.stderr ?? ''}${install.stdout ?? ''}${install.error?.message ?? ''}`)}`;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display';
  const done = note('Building the database engine for Electron (first run only)…');
  const native = spawnSync(process.execPath, ['scripts/electron-native.mjs'], { encoding: 'utf8' });
  done();
  if (native.status !== 0) return native.stderr.trim().split('\n').at(-1) || 'the database engine could not be built for Electron';
  return null;
}

/** Runs the app until it stops, then exits with its code (0 when the user stopped it). */
function runUntilStopped(child, onError) {
  let failed = false;
  child.on('error', (e) => {
    failed = true;
    onError(e);
  });
  child.on('exit', (code, signal) => {
    if (!failed) process.exit(exitCodeAfter(code, signal, interrupted));
  });
}

function preview(reason) {
  console.error(previewInstead(reason));
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, ['dist/preview.mjs', '--db', db, ...(headless ? ['--no-open'] : [])], { stdio: 'inherit' });
  runUntilStopped(child, (e) => {
    console.error(`The browser preview would not start either: ${e.message}`);
    process.exit(1);
  });
}

const problem = electronProblem();
if (interrupted) process.exit(0);
if (problem) {
  preview(problem);
} else {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronBinary(), ['dist/electron', '--db', db], { stdio: 'inherit', env });
  // 'error' means Electron never ran (so it has no 'exit' to wait for): the preview takes over.
  runUntilStopped(child, (e) => {
    preview(`Electron would not launch: ${e.message}`);
  });
}
