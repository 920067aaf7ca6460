import { join } from 'node:path';
import { chooseMenuCommand, installDesktopBridge } from './desktop-bridge.js';
import { extractWithRowErrors } from './extracts.js';
import { expect, test } from './fixture.js';
import { HomePage } from './pages/home-page.js';
import { ImportPage } from './pages/import-page.js';

test('Desktop: Import extract… in the menu opens the folder dialog and checks the chosen folder', async ({ app }) => {
  const folder = join(app.dir, 'extract');
  extractWithRowErrors(folder);
  await app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
  await installDesktopBridge(app.page, app.preview.token, folder, await app.uploadExtract(folder));
  await app.page.reload();
  const home = new HomePage(app.page);
  await home.waitForEmpty();

  await home.goTo('Import an extract');
  const page = new ImportPage(app.page);
  await page.waitForChoose();
  expect(await app.page.getByRole('button', { name: 'Choose the extract folder' }).count()).toBe(1);
  expect(await app.page.getByLabel('Upload the extract’s CSV files').count()).toBe(0);
  await app.check('import-choose-desktop');

  await home.goTo('Oversight queue');
  await home.waitForEmpty();
  await chooseMenuCommand(app.page, 'import-extract');
  await page.waitForReport();
  expect(await app.page.getByText(folder).count()).toBe(1);
  expect((await page.rowErrors()).map((e) => [e.file, e.line, e.column])).toEqual([
    ['cases.csv', '2', 'rosh_level'],
    ['cases.csv', '3', 'rosh_assessed_on'],
  ]);
  await app.check('import-report-desktop');
});
