// The packaged app itself, as `npm run make` leaves it in out/: the release pipeline
// (.github/workflows/release.yml and pull-request.yml) runs this file on Windows, Linux and macOS
// after packaging. Where there is no packaged app (no Electron binary can be downloaded here) it is
// skipped, and its title says why.
//
// Playwright's _electron.launch cannot drive the packaged app: it talks to the main process
// through Node's inspector, and the EnableNodeCliInspectArguments fuse (electron/fuses.ts) turns
// --inspect off, as it must. So the app is started as a user starts it and the page is reached
// over the Chrome DevTools Protocol (playwright-core's connectOverCDP), which sees only the page.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../db/hosts/renderer-assets.js';
import { packagedApp, userDataDir } from '../electron/packaging/packaged-app.js';
import { CasePage } from './pages/case-page.js';
import { FirstRunPage } from './pages/first-run-page.js';
import { HomePage } from './pages/home-page.js';
import { QueuePage } from './pages/queue-page.js';
import { ReviewPage } from './pages/review-page.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const executable = process.env.SPO_OVERSIGHT_PACKAGED_EXECUTABLE ?? packagedApp(join(repoRoot, 'out'), process.platform, process.arch).executable;
const dataDir = userDataDir(process.platform, process.env, homedir());
const database = join(dataDir, 'spo-oversight.sqlite');

function whySkipped(): string | null {
  if (!existsSync(executable)) return `no packaged app at ${executable}: \`npm run make\` makes one where the Electron binary can be downloaded (the release pipeline)`;
  // Never on someone's real data: the test starts the app on its first run.
  if (existsSync(database)) return `${database} already exists: this test runs only where the installed app has never been used`;
  return null;
}
// The release pipeline sets SPO_OVERSIGHT_REQUIRE_PACKAGED_APP: there, a missing app is a failure, never a skip.
const required = process.env.SPO_OVERSIGHT_REQUIRE_PACKAGED_APP === '1';
const skip = required ? null : whySkipped();

interface Running {
  child: ChildProcess;
  browser: Browser;
  page: Page;
  stderr: () => string;
}

/** Starts the packaged app as a user would, with Chromium's DevTools endpoint on a free port. */
async function launch(): Promise<Running> {
  const child = spawn(executable, ['--remote-debugging-port=0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const endpoint = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => {
      fail(new Error(`the app printed no DevTools address within 60 s:\n${stderr}`));
    }, 60_000);
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
      if (found) {
        clearTimeout(timer);
        done(found);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the app exited with ${String(code)} before its window opened:\n${stderr}`));
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('the app has no browser context');
  const page = context.pages().find((p) => p.url().startsWith('app://renderer/')) ?? (await context.waitForEvent('page', { timeout: 60_000 }));
  await page.waitForURL(/^app:\/\/renderer\//);
  return { child, browser, page, stderr: () => stderr };
}

/** Closes the window as a user would; the app closes its database and quits. */
async function quit(app: Running): Promise<number | null> {
  const exited = new Promise<number | null>((done) => {
    app.child.once('exit', (code) => {
      done(code);
    });
  });
  await app.page.close();
  const code = await exited;
  await app.browser.close();
  return code;
}

/** The command lines of the app's renderer processes, from the OS (the page cannot say whether it is sandboxed). */
function rendererCommandLines(): string[] {
  const lines =
    process.platform === 'win32'
      ? spawnSync('powershell', ['-NoProfile', '-Command', 'Get-CimInstance Win32_Process | ForEach-Object { $_.CommandLine }'], { encoding: 'utf8' }).stdout
      : spawnSync('ps', ['-A', '-ww', '-o', 'args='], { encoding: 'utf8' }).stdout;
  // Every process of the app runs from inside its folder (on macOS, its renderers from helper apps inside the bundle).
  const home = (process.platform === 'darwin' ? resolve(executable, '..', '..', '..') : dirname(resolve(executable))).toLowerCase();
  return lines.split(/\r?\n/).filter((l) => l.toLowerCase().includes(home) && l.includes('--type=renderer'));
}

describe('The installed app', () => {
  it.skipIf(skip !== null)(
    `opens hardened, loads the demo caseload, records a review that is there after a restart, and keeps no plaintext on disk${skip ? ` (skipped: ${skip})` : ''}`,
    async () => {
      expect(whySkipped()).toBeNull();
      const canary = `Smoke canary ${randomBytes(8).toString('hex')}`;
      const first = await launch();
      const { page } = first;

      // The first window opens, isolated from Node and sandboxed.
      // (The page's own code is given as text: these tests are type-checked for Node, without the DOM.)
      expect(await page.evaluate('[typeof require, typeof process, typeof module]')).toEqual(['undefined', 'undefined', 'undefined']);
      const renderers = rendererCommandLines();
      expect(renderers.length).toBeGreaterThan(0);
      for (const line of renderers) expect(line).not.toContain('--no-sandbox');
      // The Content Security Policy comes as a header on the app's own pages.
      expect(await page.evaluate(async () => (await fetch('app://renderer/index.html')).headers.get('content-security-policy'))).toBe(contentSecurityPolicy);
      // Navigation away is refused, and so is a new window, even for the app's own page.
      await page.evaluate("window.location.href = 'https://example.org/'");
      await page.waitForTimeout(1_000);
      expect(page.url()).toMatch(/^app:\/\/renderer\//);
      expect(await page.evaluate("window.open('app://renderer/index.html') === null")).toBe(true);
      expect(page.context().pages()).toHaveLength(1);

      // First run: who is using it, then the demo caseload, then the queue with a flagged case.
      const firstRun = new FirstRunPage(page);
      await firstRun.waitForIt();
      await firstRun.fill({ name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
      await firstRun.continue();
      const home = new HomePage(page);
      await home.waitForEmpty();
      expect(await page.getByRole('button', { name: 'Import an extract' }).count()).toBe(1);
      await home.loadDemo();
      await page.getByText('Synthetic demo caseload loaded').waitFor({ timeout: 240_000 });
      const queue = new QueuePage(page);
      await queue.waitForIt();
      const [top] = await queue.rows();
      if (!top) throw new Error('the queue shows no flagged case');
      expect(top.flag).not.toBe('');

      // A review is recorded on that case.
      await page.getByRole('link', { name: top.crn, exact: true }).first().click();
      const casePage = new CasePage(page);
      await casePage.waitForCase(top.crn);
      await casePage.recordReview();
      const review = new ReviewPage(page);
      await review.waitForForm();
      await review.checkAll();
      await review.fill('Decision', canary);
      await review.save();
      expect(await casePage.successBanner()).toContain('Review recorded');
      expect(await quit(first)).toBe(0);

      // The database is encrypted: neither the review nor SQLite's own header is readable in it.
      for (const file of [database, `${database}-wal`].filter((f) => existsSync(f))) {
        const bytes = readFileSync(file);
        expect(bytes.includes(Buffer.from(canary))).toBe(false);
        expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
      }
      for (const key of ['database-key.bin', 'audit-key.bin', 'signing-key.bin']) expect(existsSync(join(dataDir, key))).toBe(true);

      // Reopened: no first-run form, and the review is there.
      const second = await launch();
      await second.page.evaluate(`window.location.hash = ${JSON.stringify(`#case/${top.crn}`)}`);
      const again = new CasePage(second.page);
      await again.waitForCase(top.crn);
      expect(JSON.stringify(await again.reviews())).toContain(canary);
      expect(await quit(second)).toBe(0);
    },
    600_000,
  );
});

