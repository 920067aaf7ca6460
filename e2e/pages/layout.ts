import type { Locator, Page } from 'playwright-core';

/** What every screen shares: the classification banner, the service navigation, the h1. */
export class Layout {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async waitForHeading(name: string): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }

  /** The one line shown while the database's start-up check runs. */
  checkingLine(): Locator {
    return this.page.getByRole('status').getByText('Checking the database…');
  }

  classification(): Locator {
    return this.page.getByRole('note', { name: 'Security classification' });
  }

  async goTo(link: 'Oversight queue' | 'Import an extract' | 'Export the log' | 'Audit log' | 'Trends' | 'QA samples'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: link }).click();
  }

  /** The texts of the error summary's links, once it shows. */
  async errorSummary(): Promise<string[]> {
    const summary = this.page.locator('.govuk-error-summary');
    await summary.waitFor();
    return summary.getByRole('link').allTextContents();
  }
}
