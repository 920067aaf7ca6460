import { describe, expect, it } from 'vitest';
import { signing } from './signing.js';

describe('code signing in the release pipeline', () => {
  it('signs on Windows with the certificate the secrets name', () => {
    const s = signing({ WINDOWS_CERTIFICATE_FILE: 'C:\\cert.pfx', WINDOWS_CERTIFICATE_PASSWORD: 'pw' }, 'win32');
    expect(s.windows).toEqual({ certificateFile: 'C:\\cert.pfx', certificatePassword: 'pw' });
    expect(s.notes).toEqual([]);
  });

  it('says in one line that it skipped signing when the secrets are absent', () => {
    expect(signing({}, 'win32')).toEqual({ windows: null, mac: null, notes: [expect.stringMatching(/^Signing skipped: WINDOWS_CERTIFICATE_FILE/) as string] });
    expect(signing({ WINDOWS_CERTIFICATE_FILE: 'C:\\cert.pfx' }, 'win32').windows).toBeNull();
    expect(signing({}, 'darwin').notes).toEqual([expect.stringMatching(/^Signing skipped: APPLE_SIGNING_IDENTITY/) as string]);
  });

  it('signs and notarises on macOS only with every secret notarisation needs', () => {
    const all = { APPLE_SIGNING_IDENTITY: 'Developer ID Application: X', APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' };
    expect(signing(all, 'darwin').mac).toEqual({ osxSign: { identity: 'Developer ID Application: X' }, osxNotarize: { appleId: 'a@b.c', appleIdPassword: 'p', teamId: 'T' } });
    const partial = signing({ APPLE_SIGNING_IDENTITY: 'Developer ID Application: X' }, 'darwin');
    expect(partial.mac?.osxNotarize).toBeUndefined();
    expect(partial.notes).toEqual([expect.stringMatching(/^Notarisation skipped/) as string]);
  });

  it('has nothing to sign on Linux (the .deb is not signed) and says nothing', () => {
    expect(signing({}, 'linux')).toEqual({ windows: null, mac: null, notes: [] });
  });
});
