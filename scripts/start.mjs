// `npm start`, the README's main job: make sure there is a synthetic demo caseload, then show it —
// in the Electron window where Electron can run; otherwise (no Electron binary, no display, no
// database engine built for Electron) it says so in one line and serves the browser preview.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const db = process.env.SPO_OVERSIGHT_DB ?? 'data/demo.sqlite';
const cli = (args) => spawnSync(process.execPath, ['bin/spo-oversight.mjs', ...args, '--db', db], { stdio: 'inherit' });

if (!existsSync(db)) {
  console.error(`No database at ${db} yet: generating and importing a synthetic PDU caseload…`);
  const demo = cli(['demo']);
  if (demo.status !== 0) process.exit(demo.status ?? 1);
} else {
  console.error(`Using ${db} (delete it to start again with a fresh demo caseload).`);
}

const require = createRequire(import.meta.url);

/** The Electron executable, if its binary is installed (node_modules/electron/index.js throws if not). */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

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
    const install = spawnSync(process.execPath, [require.resolve('electron/install.js')], { encoding: 'utf8', timeout: 10 * 60_000 });
    done();
    if (install.status !== 0 || !electronBinary()) {
      const why = /(getaddrinfo \w+ \S+|connect \w+ \S+|ETIMEDOUT|HTTPError[^\n]*|certificate[^\n]*)/.exec(`${install.stderr}${install.stdout}`)?.[1];
      return `no Electron binary: the download failed${why ? ` with ${why}` : ''}`;
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display';
  const done = note('Building the database engine for Electron (first run only)…');
  const native = spawnSync(process.execPath, ['scripts/electron-native.mjs'], { encoding: 'utf8' });
  done();
  if (native.status !== 0) return native.stderr.trim().split('\n').at(-1) || 'the database engine could not be built for Electron';
  return null;
}

function preview(reason) {
  console.error(`Electron cannot start here (${reason}), so serving the browser preview instead.`);
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, ['dist/preview.mjs', '--db', db, ...(headless ? ['--no-open'] : [])], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const problem = electronProblem();
if (problem) {
  preview(problem);
} else {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronBinary(), ['dist/electron', '--db', db], { stdio: 'inherit', env });
  child.on('error', (e) => {
    preview(`Electron would not launch: ${e.message}`);
  });
  child.on('exit', (code, signal) => {
    if (code !== null || signal) process.exit(code ?? 0);
  });
}
