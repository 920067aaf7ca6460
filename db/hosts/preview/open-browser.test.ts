import { describe, expect, it } from 'vitest';
import { browserEnvironment } from './open-browser.js';

describe('the browser the preview opens', () => {
  it('starts without any SPO_OVERSIGHT_ variable, the database key among them, and with everything else', () => {
    const env = { PATH: '/usr/bin', HOME: '/home/spo', DISPLAY: ':0', SPO_OVERSIGHT_DB_KEY: 'secret', SPO_OVERSIGHT_DB: '/data/spo.sqlite', spo_oversight_audit_key: 'x' };
    expect(browserEnvironment(env)).toEqual({ PATH: '/usr/bin', HOME: '/home/spo', DISPLAY: ':0' });
  });
});
