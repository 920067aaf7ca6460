#!/usr/bin/env node
// The CLI runs the engine bundled by `npm run build` (run by `npm install` through "prepare").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('spo-oversight: the engine is not built yet; run `npm run build` in the repository\n');
  process.exit(2);
}
// `spo-oversight flags | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
