// Bundles the engine's Node entry points with esbuild; node_modules stay external (better-sqlite3 is native).
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'db/cli/main.ts', bench: 'bench/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
