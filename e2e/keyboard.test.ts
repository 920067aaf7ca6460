import type { Page } from 'playwright-core';
import { expect, test } from './fixture.js';

/**
 * Moves the focus back with Shift+Tab until the focused element's text is `name`. Each screen's
 * h1 takes the focus when it opens, so the menu and the skip link are behind it.
 */
async function tabBackTo(page: Page, name: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Shift+Tab');
    const text = await page.evaluate<string>('document.activeElement ? document.activeElement.textContent.trim() : ""');
    if (text === name) return;
  }
  throw new Error(`${name} was not reached in ${String(limit)} presses of Shift+Tab`);
}

/** Whether the focused element shows the GOV.UK focus state: a yellow outline or background. */
function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    const yellow = (c) => c.replace(/\\s/g, '') === 'rgb(255,221,0)';
    return (s.outlineStyle !== 'none' && s.outlineWidth !== '0px') || yellow(s.backgroundColor) || s.boxShadow !== 'none';
  })()`);
}

const menu = [
  ['Team', 'Team'],
  ['Trends', 'Trends'],
  ['Export the log', 'Export the oversight log'],
  ['Audit log', 'Audit log'],
  ['QA samples', 'Quality assurance samples'],
  ['Settings', 'Policy settings'],
  ['Import an extract', 'Import an extract'],
  ['Oversight queue', 'Oversight queue'],
] as const;

test('Keyboard: every screen in the menu is reached with Shift+Tab and Enter alone, with the focus always visible', async ({ app }) => {
  await app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
  expect((await app.api('demo:load', { seed: 1 })).ok).toBe(true);
  await app.page.reload();
  await app.page.getByRole('heading', { level: 1, name: 'Oversight queue' }).waitFor();
  const unseen: string[] = [];
  for (const [link, heading] of menu) {
    await tabBackTo(app.page, link);
    if (!(await focusVisible(app.page))) unseen.push(link);
    await app.page.keyboard.press('Enter');
    const h1 = app.page.getByRole('heading', { level: 1, name: heading });
    await h1.waitFor();
    // The new screen's heading takes the focus, so the next Tab starts from the new content.
    expect(await app.page.evaluate<string>('document.activeElement ? document.activeElement.tagName : ""')).toBe('H1');
  }
  expect(unseen).toEqual([]);

  // The skip link is the first stop on the page and takes a keyboard user past the menu.
  await tabBackTo(app.page, 'Skip to main content');
  expect(await focusVisible(app.page)).toBe(true);
  await app.check('keyboard-skip-link');
});
