import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { installedElectron, isSupportedElectron } from './testing/electron-support.js';

// docs/electron-security.md maps Electron's checklist to the tests that prove each item. This test
// keeps that map honest: every item is there, and every test it names exists.
const root = fileURLToPath(new URL('../', import.meta.url));
const doc = readFileSync(join(root, 'docs', 'electron-security.md'), 'utf8');

/** Electron's checklist (docs/tutorial/security.md), section titles as of 2026-11-28. */
const checklist = [
  'Only load secure content',
  'Do not enable Node.js integration for remote content',
  'Enable context isolation',
  'Enable process sandboxing',
  'Handle session permission requests from remote content',
  'Do not disable webSecurity',
  'Define a Content Security Policy',
  'Do not enable allowRunningInsecureContent',
  'Do not enable experimental features',
  'Do not use enableBlinkFeatures',
  'Do not use allowpopups for WebViews',
  'Verify WebView options before creation',
  'Disable or limit navigation',
  'Disable or limit creation of new windows',
  'Do not use shell.openExternal with untrusted content',
  'Use a current version of Electron',
  'Validate the sender of all IPC messages',
  'Avoid usage of the file:// protocol and prefer usage of custom protocols',
  'Check which fuses you can change',
  'Do not expose Electron APIs to untrusted web content',
];

interface Row {
  number: number;
  item: string;
  what: string;
  proof: string;
}

function rows(): Row[] {
  return doc
    .split('\n')
    .filter((line) => /^\|\s*\d+\s*\|/.test(line))
    .map((line) => {
      const [number = '', item = '', what = '', proof = ''] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return { number: Number(number), item: item.replaceAll('`', ''), what, proof };
    });
}

interface TestRef {
  file: string;
  title: string;
}

function testRefs(proof: string): TestRef[] {
  return [...proof.matchAll(/`([\w./-]+\.test\.tsx?)`\s*"([^"]+)"/g)].map(([, file = '', title = '']) => ({ file, title }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `file` declares a test titled `title`: it('…'), test("…"), it.each(…)(`…`), it.skipIf(…)('…'). */
function declaresTest(file: string, title: string): boolean {
  const path = join(root, file);
  if (!existsSync(path)) return false;
  const quoted = escape(title);
  return new RegExp(`(?:\\bit|\\btest|\\))(?:\\.\\w+)?\\(\\s*(['"\`])${quoted}\\1`).test(readFileSync(path, 'utf8'));
}

/** A reason an item does not apply: "Not applicable:" and a sentence, not a placeholder. */
const hasReason = (r: Row) => /Not applicable:\s*\S.{20,}/.test(`${r.what} ${r.proof}`);

describe('docs/electron-security.md', () => {
  it("lists every item of Electron's checklist, numbered and worded as Electron's docs do", () => {
    const found = rows();
    expect(found.map((r) => r.number)).toEqual(checklist.map((_, i) => i + 1));
    expect(found.map((r) => r.item.toLowerCase())).toEqual(checklist.map((c) => c.toLowerCase()));
  });

  it('gives every item a test that exists, or a reason it does not apply', () => {
    const unproven = rows()
      .filter((r) => !hasReason(r))
      .flatMap((r) => {
        const refs = testRefs(r.proof);
        if (refs.length === 0) return [`${r.number} ${r.item}: no test named and no reason given`];
        return refs.filter((ref) => !declaresTest(ref.file, ref.title)).map((ref) => `${r.number} ${r.item}: ${ref.file} has no test "${ref.title}"`);
      });
    expect(unproven).toEqual([]);
  });

  it('finds a named test only where it is declared', () => {
    expect(declaresTest('electron/security.test.ts', 'keeps the window on the app')).toBe(true);
    expect(declaresTest('electron/security.test.ts', 'keeps the window on the app, and more')).toBe(false);
    expect(declaresTest('electron/no-such.test.ts', 'keeps the window on the app')).toBe(false);
    expect(declaresTest('electron/security.test.ts', 'https://www.gov.uk/')).toBe(false);
  });

  it('marks item 16 as a gap exactly while the installed Electron is out of support', () => {
    const current = rows().find((r) => r.number === 16);
    const gap = /\bGap:/.test(`${current?.what ?? ''} ${current?.proof ?? ''}`);
    expect({ version: installedElectron(), gap }).toEqual({ version: installedElectron(), gap: !isSupportedElectron(installedElectron()) });
  });
});
