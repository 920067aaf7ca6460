import { Layout } from './layout.js';

export interface RowErrorRow {
  file: string;
  line: string;
  column: string;
  problem: string;
}

export class ImportPage extends Layout {
  async waitForChoose(): Promise<void> {
    await this.waitForHeading('Import an extract');
  }

  async choose(files: readonly string[]): Promise<void> {
    await this.page.getByLabel('Upload the extract’s CSV files').setInputFiles([...files]);
  }

  async checkFiles(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check the files' }).click();
  }

  async waitForReport(): Promise<void> {
    await this.waitForHeading('Check the extract');
  }

  async waitForProgress(label: 'Checking the extract' | 'Importing the extract'): Promise<void> {
    await this.page.getByLabel(label).waitFor();
  }

  /** The row-error table, as the user reads it. */
  async rowErrors(): Promise<RowErrorRow[]> {
    const table = this.page.getByRole('region', { name: /problem/ }).getByRole('table');
    await table.waitFor();
    const rows = await table.locator('tbody tr:not([aria-hidden])').all();
    return Promise.all(
      rows.map(async (row) => {
        const [file = '', line = '', column = '', problem = ''] = await row.getByRole('cell').allTextContents();
        return { file, line, column, problem };
      }),
    );
  }

  async errorTableCaption(): Promise<string> {
    return (await this.page.locator('#row-errors-caption').textContent()) ?? '';
  }

  /** The characters shown for the encoding question: [character, line]. */
  async encodingCharacters(): Promise<[string, string][]> {
    const rows = await this.page.locator('table.spo-characters tbody tr').all();
    return Promise.all(rows.map(async (r) => (await r.getByRole('cell').allTextContents()) as [string, string]));
  }

  async answerEncoding(answer: 'yes' | 'no' | null): Promise<void> {
    if (answer === 'yes') await this.page.getByLabel('Yes, read the file as Windows-1252').check();
    if (answer === 'no') await this.page.getByLabel(/No, I will save it/).check();
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }

  async skipInvalidRows(): Promise<void> {
    await this.page.getByLabel(/Import without the \d+ rows? that have errors/).check();
  }

  async importExtract(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import the extract' }).click();
  }

  async waitForImported(): Promise<string> {
    await this.waitForHeading('Extract imported');
    return (await this.page.locator('.govuk-panel__body').textContent()) ?? '';
  }
}
