// Flips Electron's fuses on a packaged app's executable, as electron/fuses.ts decides them, then
// reads them back from the file and prints each one. Run it on the packaged copy of Electron,
// after the app is assembled and before it is code-signed (a signature covers the fuse bytes):
//
//   node scripts/fuses.mjs "out/SPO Oversight-linux-x64/spo-oversight"
//   node scripts/fuses.mjs "out/SPO Oversight.app"          (macOS: the .app bundle)
//   node scripts/fuses.mjs --check <executable>             (read back only, flip nothing: the
//                                                             release pipeline's check of each packaged binary)
//
// Exit codes: 0 every fuse reads back as configured; 1 one does not; 2 bad usage or not an
// Electron binary.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const checkOnly = args[0] === '--check';
const executable = checkOnly ? args[1] : args[0];
if (!executable || args.length > (checkOnly ? 2 : 1)) {
  console.error('usage: node scripts/fuses.mjs [--check] <packaged Electron executable, or the .app bundle on macOS>');
  process.exit(2);
}
if (!existsSync(executable)) {
  console.error(`fuses: no file at ${executable}`);
  process.exit(2);
}

// The configuration lives in TypeScript (electron/fuses.ts, tested there); bundle it for Node.
const bundled = await build({
  entryPoints: [fileURLToPath(new URL('../electron/fuses.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'warning',
});
const dir = mkdtempSync(join(tmpdir(), 'spo-fuses-'));
let fuses;
try {
  const file = join(dir, 'fuses.mjs');
  writeFileSync(file, bundled.outputFiles[0].contents);
  fuses = await import(pathToFileURL(file).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

let result;
try {
  result = checkOnly ? await fuses.readFuses(executable) : await fuses.applyFuses(executable);
} catch (e) {
  console.error(`fuses: ${executable}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
console.log(`Fuses of ${executable}, read back${checkOnly ? '' : ' after flipping'}:`);
for (const line of result.lines) console.log(`  ${line}`);
if (result.wrong.length > 0) {
  console.error(`fuses: not as configured: ${result.wrong.join('; ')}`);
  process.exit(1);
}
