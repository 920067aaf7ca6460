import type { Locator, Page } from 'playwright-core';
import { expect, test } from './fixture.js';
import { Layout } from './pages/layout.js';

/** How far the page scrolls sideways: 0 when everything reflows into the window (WCAG 1.4.10). */
function sidewaysOverflow(page: Page): Promise<number> {
  // A string, not a function: the e2e code is type-checked without the DOM's types.
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** Each screen in the menu, and what shows once its data has arrived: measured only then. */
const screens: { link: string; heading: RegExp; ready: (page: Page) => Locator }[] = [
  { link: 'Oversight queue', heading: /Oversight queue/, ready: (p) => p.locator('#queue-list[aria-busy="false"] tbody tr[data-index]').first() },
  { link: 'Team', heading: /Team/, ready: (p) => p.getByRole('region', { name: 'Practitioners' }) },
  { link: 'Import an extract', heading: /Import an extract/, ready: (p) => p.getByRole('button', { name: 'Check the files' }) },
  { link: 'Trends', heading: /Trends/, ready: (p) => p.getByRole('img', { name: /^Oversight coverage/ }) },
  { link: 'Export the log', heading: /Export the oversight log/, ready: (p) => p.getByRole('button', { name: 'Export the log' }) },
  { link: 'Audit log', heading: /Audit log/, ready: (p) => p.getByRole('region', { name: 'Audit log entries' }) },
  { link: 'QA samples', heading: /Quality assurance samples/, ready: (p) => p.getByText('No sample has been drawn yet.') },
  { link: 'Settings', heading: /Policy settings/, ready: (p) => p.getByRole('region', { name: 'Policy settings table' }) },
];

test('Reflow: at 400% zoom (320 CSS pixels wide) no screen scrolls sideways, and the menu and every screen still work', async ({ app }) => {
  await app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
  expect((await app.api('demo:load', { seed: 1 })).ok).toBe(true);
  await app.page.setViewportSize({ width: 320, height: 640 });
  await app.page.reload();
  const layout = new Layout(app.page);
  const overflow: Record<string, number> = {};
  for (const s of screens) {
    await app.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: s.link, exact: true }).click();
    await app.page.getByRole('heading', { level: 1, name: s.heading }).waitFor();
    await s.ready(app.page).waitFor({ timeout: 60_000 });
    overflow[s.link] = await sidewaysOverflow(app.page);
  }
  const queue = await app.api('flags:queue', { status: 'overdue', limit: 1 });
  const crn = queue.ok ? queue.value.rows[0]?.crn : undefined;
  if (!crn) throw new Error('no flagged case in the demo caseload');
  await app.page.evaluate(`window.location.hash = ${JSON.stringify(`case/${crn}`)}`);
  await app.page.reload();
  await app.page.getByText(`Case ${crn}`).first().waitFor();
  await app.page.getByRole('heading', { name: 'Evidence timeline' }).waitFor();
  overflow.case = await sidewaysOverflow(app.page);
  await app.check('case-zoom-400');
  await app.page.getByRole('button', { name: 'Record an oversight review' }).or(app.page.getByRole('link', { name: 'Record an oversight review' })).first().click();
  await layout.waitForHeading('Record an oversight review');
  await app.page.getByLabel('Decision', { exact: true }).waitFor();
  overflow.review = await sidewaysOverflow(app.page);
  await app.check('review-zoom-400');
  expect(overflow).toEqual(Object.fromEntries(Object.keys(overflow).map((k) => [k, 0])));
});
