import { Layout } from './layout.js';

export class TrendsPage extends Layout {
  async waitForCharts(): Promise<void> {
    await this.waitForHeading('Trends');
    await this.page.getByRole('img', { name: /^Oversight coverage of high-risk and MAPPA level 1 cases:/ }).waitFor({ timeout: 60_000 });
  }

  async chooseTeam(label: string): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/trends:weekly'));
    await this.page.getByLabel('Team').selectOption({ label });
    await answered;
  }

  /** Opens "The numbers behind this chart" under the chart and answers the table's rows. */
  async numbers(chart: string, caption: string): Promise<string[][]> {
    const section = this.page.getByRole('region', { name: chart, exact: true });
    const summary = section.getByText('The numbers behind this chart');
    if ((await summary.getAttribute('aria-expanded')) !== 'true' && !(await section.locator('details[open]').count())) await summary.click();
    const region = section.getByRole('region', { name: caption });
    await region.waitFor();
    const rows = await region.locator('tbody tr').all();
    return Promise.all(rows.map((r) => r.locator('th, td').allTextContents()));
  }
}
