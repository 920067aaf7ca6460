import type { Download } from 'playwright-core';
import { fillDate } from './date-input.js';
import { Layout } from './layout.js';

export class ExportPage extends Layout {
  async waitForIt(): Promise<void> {
    await this.waitForHeading('Export the oversight log');
  }

  /** Fills the fields given; `from` and `to` are dates as typed ('31 2 2026') or ISO. */
  async fill(fields: { purpose?: string; recipient?: string; from?: string; to?: string; team?: string }): Promise<void> {
    const labels = { purpose: 'Why is the log being disclosed?', recipient: 'Who is it for?', team: 'Team code' } as const;
    const dates = { from: 'Start date', to: 'End date' } as const;
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'from' || key === 'to') await fillDate(this.page, dates[key], value);
      else await this.page.getByLabel(labels[key as keyof typeof labels]).fill(value);
    }
  }

  async chooseFormat(format: 'CSV' | 'PDF' | 'JSON'): Promise<void> {
    await this.page.getByRole('radio', { name: format }).check();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export the log' }).click();
  }

  /** Exports, and answers the browser's download once it has finished. */
  async exportAndDownload(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.submit()]);
    await this.page.getByText('Oversight log exported').waitFor();
    return download;
  }

  async digestShown(): Promise<string> {
    return (await this.page.getByTestId('export-digest').textContent()) ?? '';
  }
}

export class VerifyPage extends Layout {
  async waitForIt(): Promise<void> {
    await this.waitForHeading('Verify an exported file');
  }

  async verify(file?: string): Promise<void> {
    if (file) await this.page.getByLabel('Exported file').setInputFiles(file);
    await this.page.getByRole('button', { name: 'Verify the file' }).click();
  }

  async verdict(): Promise<string> {
    const verdict = this.page.getByRole('heading', { level: 2, name: /^(Signed by|Not intact|Not signed|Signature does not match)/ });
    await verdict.waitFor();
    return (await verdict.textContent()) ?? '';
  }
}
