import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The CLI bundled as scripts/build.mjs bundles it, with the map of what each chunk holds and imports. */
async function bundled(): Promise<Metafile> {
  const result = await build({
    entryPoints: { cli: 'db/hosts/cli/main.ts' },
    outdir: mkdtempSync(join(tmpdir(), 'spo-cli-chunks-')),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

/** What loading an output loads at once: its static imports, transitively (source files and packages). */
function loadedWith(meta: Metafile, output: string): { sources: Set<string>; packages: Set<string> } {
  const sources = new Set<string>();
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    const o = meta.outputs[out];
    if (!o) return;
    for (const input of Object.keys(o.inputs)) sources.add(input);
    for (const i of o.imports) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) packages.add(i.path.split('/')[0] ?? i.path);
      else visit(i.path);
    }
  };
  visit(output);
  return { sources, packages };
}

const outputOf = (meta: Metafile, entry: string): string => {
  const found = Object.entries(meta.outputs).find(([name, o]) => o.entryPoint === entry && name.endsWith('.mjs'));
  if (!found) throw new Error(`no output for ${entry}`);
  return found[0];
};

describe('the CLI loads only what a command needs', () => {
  it('starts (and answers --help) without the engine, zod, pdfkit or SQLite', async () => {
    const meta = await bundled();
    const start = loadedWith(meta, outputOf(meta, 'db/hosts/cli/main.ts'));
    expect([...start.packages].filter((p) => !p.startsWith('node:'))).toEqual([]);
    expect([...start.sources].filter((s) => s.startsWith('db/service/') || s.startsWith('db/export/') || s.startsWith('db/generate/'))).toEqual([]);
  }, 30_000);

  it('runs flags, with the service it opens, without pdfkit, the chart code or the generator', async () => {
    const meta = await bundled();
    const command = loadedWith(meta, outputOf(meta, 'db/hosts/cli/commands/flags.ts'));
    const service = loadedWith(meta, outputOf(meta, 'db/service/open.ts'));
    const flags = { packages: new Set([...command.packages, ...service.packages]), sources: new Set([...command.sources, ...service.sources]) };
    expect(flags.packages.has('better-sqlite3')).toBe(true);
    expect([...flags.packages].filter((p) => ['pdfkit', 'chart.js'].includes(p))).toEqual([]);
    // The generator's seeded random also draws QA samples (db/sample/draw.ts): it is not the generator.
    expect([...flags.sources].filter((s) => (s.startsWith('db/generate/') && s !== 'db/generate/random.ts') || s.startsWith('db/export/pdf'))).toEqual([]);
  }, 30_000);
});
