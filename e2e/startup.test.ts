import { expect, test } from './fixture.js';
import { Layout } from './pages/layout.js';

test('Start-up: when the host cannot say who is using the app, the page says what went wrong', async ({ app }) => {
  await app.page.route(`${app.preview.origin}/api/profile:get`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'io', message: 'The database file could not be read' } }) }),
  );
  await app.page.reload();
  const layout = new Layout(app.page);
  await layout.waitForHeading('SPO Oversight could not start');
  expect(await app.page.getByRole('alert').textContent()).toContain('The database file could not be read');
  await app.check('startup-error');
});
