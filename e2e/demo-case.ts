import type { App } from './fixture.js';
import { CasePage } from './pages/case-page.js';

/** Unwraps an API result, failing the test with the error when there is one. */
export async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected success, got: ${r.error.message}`);
  return r.value;
}

/** The user is known and the demo caseload loaded; answers a case with an overdue first-oversight flag. */
export async function demoCase(app: App): Promise<string> {
  await ok(app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' }));
  await ok(app.api('demo:load', { seed: 1 }));
  const queue = await ok(app.api('flags:queue', { rules: ['OVERSIGHT-NEW'], status: 'overdue', limit: 1 }));
  const crn = queue.rows[0]?.crn;
  if (!crn) throw new Error('the demo caseload has no overdue OVERSIGHT-NEW flag');
  return crn;
}

/** Opens the case through its address (`#case/X123456`), as a link from elsewhere would. */
export async function openCase(app: App, crn: string): Promise<CasePage> {
  const url = new URL(app.page.url());
  url.hash = `#case/${crn}`;
  await app.page.goto(url.href);
  await app.page.reload();
  const page = new CasePage(app.page);
  await page.waitForCase(crn);
  return page;
}
