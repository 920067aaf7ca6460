import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { test as base } from 'vitest';
import type { InputOf, Operation, Result, ResultOf } from '../db/contract/index.js';
import { expectAccessible } from './axe.js';
import { launchBrowser } from './browser.js';
import { pollPage } from './pages/poll.js';
import { startPreviewHost, type RunningPreview } from './preview-host.js';

export const artifactsDir = fileURLToPath(new URL('./artifacts/', import.meta.url));

export interface App {
  page: Page;
  preview: RunningPreview;
  /** A folder for the test's own files (extracts to upload). */
  dir: string;
  /** The headers the page itself was served with. */
  documentHeaders: Record<string, string>;
  /** Calls the preview host's API directly, as the page does, to check what the database holds. */
  api<O extends Operation>(op: O, input: InputOf<O>): Promise<Result<ResultOf<O>>>;
  /** Uploads a folder's CSV files as the import screen does; answers the id `import:*` takes as a path. */
  uploadExtract(dir: string): Promise<string>;
  /** Uploads a file as the verify screen does; answers the id `log:verify` and `audit:verify` take. */
  uploadToVerify(file: string): Promise<string>;
  /**
   * Holds the next call of `op` in the browser until released, so a screen's in-between state
   * (a progress bar) can be checked and photographed without a race.
   */
  hold(op: Operation): Promise<() => Promise<void>>;
  /** Checks the screen for WCAG 2.2 AA violations and keeps a screenshot of it in e2e/artifacts. */
  check(state: string): Promise<void>;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export interface OpenAppOptions {
  /** Prepares the database before the host opens it (the file does not exist yet). */
  before?: (dbFile: string, dir: string) => void;
  /** Adds to the preview host's environment. */
  env?: (dir: string) => Record<string, string>;
}

/** The app on a fresh temporary database, in a fresh browser profile; the `app` fixture with no options. */
export async function openApp(options: OpenAppOptions = {}): Promise<{ app: App; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'spo-e2e-'));
  options.before?.(join(dir, 'app.sqlite'), dir);
  const preview = await startPreviewHost(join(dir, 'app.sqlite'), 20_000, options.env?.(dir) ?? {});
  let context: BrowserContext | undefined;
  try {
    context = await launchBrowser(join(dir, 'chromium-profile'), preview.origin);
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const document = await page.goto(preview.url);
    // The page spends its one-time code for the session token as it starts; a test that reloads
    // before that exchange has answered would leave the tab with neither (renderer/src/client.ts).
    await pollPage(page, `sessionStorage.getItem('spo-preview-token') !== null`, 'the page getting its session from the start-up code');
    const upload = async (path: string, body: Buffer): Promise<{ id: string }> => {
      const res = await fetch(`${preview.origin}/api/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${preview.token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(body),
      });
      const result = (await res.json()) as Result<{ id: string }>;
      if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
      return result.value;
    };
    const app: App = {
      page,
      preview,
      dir,
      documentHeaders: document?.headers() ?? {},
      api: async (op, input) => {
        const res = await fetch(`${preview.origin}/api/${op}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${preview.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        return (await res.json()) as Result<ResultOf<typeof op>>;
      },
      uploadExtract: async (extractDir) => {
        let id: string | undefined;
        for (const name of readdirSync(extractDir).filter((n) => n.endsWith('.csv'))) {
          const query = new URLSearchParams({ name, ...(id ? { id } : {}) });
          ({ id } = await upload(`upload?${query.toString()}`, readFileSync(join(extractDir, name))));
        }
        if (!id) throw new Error(`no CSV files in ${extractDir}`);
        return id;
      },
      uploadToVerify: async (file) => (await upload(`verify-upload?name=${encodeURIComponent(basename(file))}`, readFileSync(file))).id,
      hold: async (op) => {
        const arrived = deferred();
        const gate = deferred();
        await page.route(
          `${preview.origin}/api/${op}`,
          async (route) => {
            arrived.resolve();
            await gate.promise;
            await route.fallback();
          },
          { times: 1 },
        );
        return async () => {
          await arrived.promise;
          gate.resolve();
        };
      },
      check: async (state) => {
        mkdirSync(artifactsDir, { recursive: true });
        await page.screenshot({ path: join(artifactsDir, `${state}.png`), fullPage: true });
        await expectAccessible(page, state);
        if (errors.length) throw new Error(`the page logged errors on ${state}:\n${errors.join('\n')}`);
      },
    };
    return {
      app,
      close: async () => {
        await context?.close();
        await preview.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await context?.close();
    await preview.stop();
    throw e;
  }
}

/** Each test gets the app on a fresh temporary database, in a fresh browser profile. */
export const test = base.extend<{ app: App }>({
  app: async ({ task: _task }, use) => {
    const { app, close } = await openApp();
    try {
      await use(app);
    } finally {
      await close();
    }
  },
});

export { expect } from 'vitest';
