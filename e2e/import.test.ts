import { join } from 'node:path';
import { extractWithRowErrors, windows1252Extract } from './extracts.js';
import { expect, test, type App } from './fixture.js';
import { HomePage } from './pages/home-page.js';
import { ImportPage } from './pages/import-page.js';

async function signedInOnImport(app: App): Promise<ImportPage> {
  await app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
  await app.page.reload();
  const home = new HomePage(app.page);
  await home.waitForEmpty();
  await home.goTo('Import an extract');
  const page = new ImportPage(app.page);
  await page.waitForChoose();
  return page;
}

test('Import: a file with errors shows file, line and column, and nothing changes', async ({ app }) => {
  const page = await signedInOnImport(app);
  await app.check('import-choose');

  await page.checkFiles();
  expect(await page.errorSummary()).toEqual(['Select the extract’s CSV files']);
  await app.check('import-choose-error');

  await page.choose(extractWithRowErrors(join(app.dir, 'extract')));
  const release = await app.hold('import:preview');
  await page.checkFiles();
  await page.waitForProgress('Checking the extract');
  await app.check('import-checking');
  await release();

  await page.waitForReport();
  expect(await page.errorTableCaption()).toBe('2 problems');
  expect(await page.rowErrors()).toEqual([
    { file: 'cases.csv', line: '2', column: 'rosh_level', problem: 'not one of LOW, MEDIUM, HIGH, VERY_HIGH: EXTREME' },
    { file: 'cases.csv', line: '3', column: 'rosh_assessed_on', problem: 'not a date: 2025-13-05' },
  ]);
  await app.check('import-report-row-errors');

  await page.importExtract();
  expect(await page.errorSummary()).toEqual(['Select the box to import without the rows that have errors, or choose other files']);
  await app.check('import-report-row-errors-unconfirmed');

  await page.goTo('Oversight queue');
  await new HomePage(app.page).waitForEmpty();
  expect(await app.api('caseload:summary', {})).toMatchObject({ ok: true, value: { casesInCaseload: 0, lastImport: null } });
});

test('Import: rows with errors are left out only when the user says so, and the rest is imported', async ({ app }) => {
  const page = await signedInOnImport(app);
  await page.choose(extractWithRowErrors(join(app.dir, 'extract')));
  await page.checkFiles();
  await page.waitForReport();

  await page.skipInvalidRows();
  const release = await app.hold('import:commit');
  await page.importExtract();
  await page.waitForProgress('Importing the extract');
  await app.check('import-committing');
  await release();

  expect(await page.waitForImported()).toBe('1 new case, 0 updated');
  await app.check('import-imported');
  const summary = await app.api('caseload:summary', {});
  expect(summary).toMatchObject({ ok: true, value: { casesInCaseload: 1, lastImport: { outcome: 'committed' } } });
});

test('Import: a Windows-1252 file shows its characters to confirm, then imports', async ({ app }) => {
  const page = await signedInOnImport(app);
  await page.choose(windows1252Extract(join(app.dir, 'extract')));
  await page.checkFiles();
  await page.waitForReport();
  expect(await page.encodingCharacters()).toEqual([
    ['ë', '2'],
    ['é', '2'],
  ]);
  await app.check('import-encoding-question');

  await page.answerEncoding(null);
  expect(await page.errorSummary()).toEqual(['Select yes if the characters look right']);
  await app.check('import-encoding-question-unanswered');

  await page.answerEncoding('yes');
  await page.waitForReport();
  await app.page.getByText('The extract has no problems.').waitFor();
  expect(await app.page.getByRole('cell', { name: 'WINDOWS-1252' }).count()).toBe(1);
  await app.check('import-report-clean');

  await page.importExtract();
  expect(await page.waitForImported()).toBe('2 new cases, 0 updated');
});
