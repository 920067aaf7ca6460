import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packagedApp } from './packaged-app.js';

// The release pipeline runs where this machine cannot: these tests keep its workflows from
// quietly dropping the smoke test, an operating system, the fuse check or the upload.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const smokeTest = 'e2e/electron-smoke.test.ts';

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: unknown;
  strategy?: { matrix?: { include?: { os: string; fuses: string }[] } };
  env?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflow = (name: string) => load(readFileSync(`${repoRoot}.github/workflows/${name}`, 'utf8')) as Workflow;

/** The jobs a workflow runs, following a call to a reusable workflow in this repository. */
function stepsOf(name: string): { job: Job; steps: Step[] }[] {
  return Object.values(workflow(name).jobs).flatMap((job) => {
    if (job.uses) {
      const called = /^\.\/\.github\/workflows\/(.+\.ya?ml)$/.exec(job.uses)?.[1];
      if (!called) throw new Error(`${name} calls a workflow from elsewhere: ${job.uses}`);
      return stepsOf(called);
    }
    return [{ job, steps: job.steps ?? [] }];
  });
}

const runs = (steps: Step[]) => steps.map((s) => s.run ?? '');
const indexOf = (steps: Step[], pattern: RegExp) => runs(steps).findIndex((r) => pattern.test(r));

describe.each(['pull-request.yml', 'release.yml'])('the %s workflow', (name) => {
  const jobs = stepsOf(name);
  const packaging = jobs.find(({ steps }) => runs(steps).some((r) => r.includes(smokeTest)));

  it('runs on Windows, Linux and macOS', () => {
    expect(packaging?.job.strategy?.matrix?.include?.map((m) => m.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
  });

  it(`installs, runs the unit tests, makes the installers, then runs ${smokeTest} against them on every one of those systems`, () => {
    const steps = packaging?.steps ?? [];
    const order = [/^npm ci\b/, /^npx vitest run$/, /^npm run make$/, new RegExp(smokeTest.replaceAll('.', '\\.'))].map((p) => indexOf(steps, p));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The smoke steps between them cover every runner: Linux under xvfb, the others as they are.
    const smoke = steps.filter((s) => s.run?.includes(smokeTest));
    expect(smoke.map((s) => s.if).sort()).toEqual(["runner.os != 'Linux'", "runner.os == 'Linux'"]);
    expect(smoke.find((s) => s.if === "runner.os == 'Linux'")?.run).toMatch(/xvfb-run/);
    expect(existsSync(`${repoRoot}${smokeTest}`)).toBe(true);
  });

  it('fails the smoke test, rather than skipping it, when there is no packaged app', () => {
    expect(packaging?.job.env?.SPO_OVERSIGHT_REQUIRE_PACKAGED_APP).toBe('1');
    expect(readFileSync(`${repoRoot}${smokeTest}`, 'utf8')).toContain("process.env.SPO_OVERSIGHT_REQUIRE_PACKAGED_APP === '1'");
  });

  it('reads the fuses back from each packaged binary, where Forge puts it, after making it', () => {
    const steps = packaging?.steps ?? [];
    expect(indexOf(steps, /node scripts\/fuses\.mjs --check "\$\{\{ matrix\.fuses \}\}"/)).toBeGreaterThan(indexOf(steps, /^npm run make$/));
    const fuses = Object.fromEntries((packaging?.job.strategy?.matrix?.include ?? []).map((m) => [m.os, m.fuses]));
    // Workflows name paths with forward slashes on every runner.
    const where = (platform: NodeJS.Platform, arch: string) => packagedApp('out', platform, arch).fuses.replaceAll('\\', '/');
    expect(fuses).toEqual({ 'windows-latest': where('win32', 'x64'), 'ubuntu-latest': where('linux', 'x64'), 'macos-latest': where('darwin', 'arm64') });
  });

  it('uploads the installers', () => {
    const upload = packaging?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === 'out/make/**');
    expect(upload?.with?.['if-no-files-found']).toBe('error');
  });
});

describe('the release workflow', () => {
  it('runs on a version tag, and signs with the secrets when they are set', () => {
    const release = workflow('release.yml');
    expect(release.on.push).toEqual({ tags: ['v*'] });
    expect(Object.values(release.jobs).map((j) => [j.with?.sign, j.secrets])).toEqual([[true, 'inherit']]);
  });

  it('says in the log when it skips signing', () => {
    const steps = stepsOf('release.yml').flatMap(({ steps: s }) => s);
    for (const os of ['Windows', 'macOS']) expect(steps.find((s) => s.if?.includes(`runner.os == '${os}'`) && s.run?.includes('Signing skipped:'))).toBeDefined();
  });
});
