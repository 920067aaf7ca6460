import type { Page } from 'playwright-core';
import { bridgeName, operationNames } from '../db/contract/index.js';

/**
 * Stands in for the Electron preload, so the desktop screens can be driven in Chromium: one
 * function per operation (forwarded to the preview host, which answers what the IPC answers), a
 * folder dialog that "chooses" `folder`, and a menu the test can click through `window.__menu`.
 * The preview host reads no path, so where Electron's main process would read the chosen folder
 * the stand-in sends the id of its files, uploaded beforehand as `uploaded`.
 */
export async function installDesktopBridge(page: Page, token: string, folder: string, uploaded: string): Promise<void> {
  const config = JSON.stringify({ bridgeName, operations: operationNames, token, folder, uploaded });
  await page.addInitScript({
    content: `(() => {
      const { bridgeName, operations, token, folder, uploaded } = ${config};
      const read = (input) => (input && Array.isArray(input.paths) ? { ...input, paths: input.paths.map((p) => (p === folder ? uploaded : p)) } : input);
      const call = (op) => (input) =>
        fetch('/api/' + op, { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, body: JSON.stringify(read(input)) }).then((r) => r.json());
      let menu = () => undefined;
      window.__menu = (command) => menu(command);
      window[bridgeName] = Object.freeze({
        operations: Object.freeze(Object.fromEntries(operations.map((op) => [op, call(op)]))),
        chooseExtractFolder: () => Promise.resolve({ ok: true, value: { paths: [folder] } }),
        onMenuCommand: (listener) => { menu = listener; return () => { menu = () => undefined; }; },
      });
    })();`,
  });
}

/** As if the user chose a command in the application menu. */
export async function chooseMenuCommand(page: Page, command: string): Promise<void> {
  await page.evaluate(`window.__menu(${JSON.stringify(command)})`);
}
