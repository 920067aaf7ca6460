import { Layout } from './layout.js';

export class FirstRunPage extends Layout {
  async waitForIt(): Promise<void> {
    await this.waitForHeading('Who is using SPO Oversight?');
  }

  async fill(who: { name: string; staffCode: string; teamCode: string }): Promise<void> {
    await this.page.getByLabel('Full name').fill(who.name);
    await this.page.getByLabel('Staff code').fill(who.staffCode);
    await this.page.getByLabel('Team code').fill(who.teamCode);
  }

  async continue(): Promise<void> {
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }
}
