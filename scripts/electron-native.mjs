// Builds better-sqlite3 for the installed Electron into build/electron-native/, apart from the
// Node build in node_modules/better-sqlite3/build that the tests and the CLI use, so neither ever
// overwrites the other (the "ABI flip"): `npm test` after `npm start`, and the reverse, both work.
//
// A prebuilt binary for Electron is tried first (prebuild-install); failing that it is compiled
// against Electron's headers (node-gyp). Both run on a scratch copy of the package. A stamp says
// what the binary was built for; electron/native.ts checks it before the app opens the database.
// Exit 0 with the binary in place (or already up to date); otherwise 1 and one line saying why.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'build', 'electron-native');
const binary = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const log = join(outDir, 'build.log');
const require = createRequire(import.meta.url);

const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
const electronDir = dirname(require.resolve('electron/package.json'));
const stamp = {
  electron: JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version,
  modules: readFileSync(join(electronDir, 'abi_version'), 'utf8').trim(),
  platform: process.env.npm_config_platform ?? process.platform,
  arch: process.env.npm_config_arch ?? process.arch,
};

function upToDate() {
  if (!existsSync(binary) || !existsSync(stampFile)) return false;
  const old = JSON.parse(readFileSync(stampFile, 'utf8'));
  return Object.entries(stamp).every(([k, v]) => old[k] === v);
}

/** npm's own settings would point the build at Node's headers (nodedir) or another target. */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source)$/i.test(key)));
}

function run(label, args, cwd, timeout) {
  const r = spawnSync(process.execPath, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(log, `$ ${label}\n${r.stdout ?? ''}${r.stderr ?? ''}\n`, { flag: 'a' });
  return r.status === 0;
}

function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c) => c && existsSync(c));
}

if (upToDate()) process.exit(0);

mkdirSync(outDir, { recursive: true });
writeFileSync(log, `better-sqlite3 for Electron ${stamp.electron} (modules ${stamp.modules}, ${stamp.platform}-${stamp.arch})\n`);
const scratch = mkdtempSync(join(tmpdir(), 'spo-electron-native-'));
const work = join(scratch, 'better-sqlite3');
try {
  // The package without its Node build: nothing under node_modules/better-sqlite3 is written to.
  cpSync(packageDir, work, {
    recursive: true,
    filter: (src) => {
      const rel = relative(packageDir, src);
      return rel !== 'build' && !rel.startsWith(`build${sep}`);
    },
  });
  const target = [`--target=${stamp.electron}`, `--arch=${stamp.arch}`];
  const built =
    run('prebuild-install', [require.resolve('prebuild-install/bin.js'), '--runtime=electron', ...target, `--platform=${stamp.platform}`], work, 120_000) ||
    (() => {
      const gyp = nodeGyp();
      return !!gyp && run('node-gyp rebuild', [gyp, 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'], work, 20 * 60_000);
    })();
  const made = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(made)) {
    console.error(`no database engine for Electron ${stamp.electron}: neither a prebuilt binary nor a compile worked (see ${relative(root, log)})`);
    process.exit(1);
  }
  copyFileSync(made, binary);
  writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  console.error(`Built better-sqlite3 for Electron ${stamp.electron} in ${relative(root, outDir)}.`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
