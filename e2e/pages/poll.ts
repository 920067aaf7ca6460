import type { Page } from 'playwright-core';

/**
 * Waits until `expression` is true in the page, asking from here every 25 ms. Playwright's own
 * waitForFunction polls a string predicate inside the page with eval, which the app's CSP refuses
 * (script-src 'self'); an evaluate from here goes through the debugger protocol instead.
 */
export async function pollPage(page: Page, expression: string, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await page.evaluate<boolean>(`Boolean(${expression})`))) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${String(timeoutMs / 1000)} s`);
    await page.waitForTimeout(25);
  }
}
