import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); nothing is ever downloaded for the tests. */
export const chromiumPath = '/usr/bin/chromium';

const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh profile in `userDataDir`; every request that is not for the preview host is refused. */
export async function launchBrowser(userDataDir: string, allowedOrigin: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  await context.route('**/*', (route) => (route.request().url().startsWith(`${allowedOrigin}/`) ? route.fallback() : route.abort('blockedbyclient')));
  return context;
}
