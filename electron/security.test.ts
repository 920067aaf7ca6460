import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../db/hosts/renderer-assets.js';
import { decideNavigation, decideWindowOpen, denyPermissions, guardContents, isAllowedExternal, type GuardedContents, type PermissionSession } from './security.js';

function directives(): Map<string, string[]> {
  return new Map(contentSecurityPolicy.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }));
}

describe('the Content Security Policy', () => {
  it('allows scripts, styles, images, fonts and calls only from the app itself', () => {
    const csp = directives();
    expect(csp.get('default-src')).toEqual(["'none'"]);
    for (const d of ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src']) expect(csp.get(d)).toEqual(["'self'"]);
  });

  it('allows nothing inline, nothing evaluated, no frames, no plugins and no form posts', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*|data:|blob:|http:|https:/);
    const csp = directives();
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });
});

describe('the external link allow-list', () => {
  it('lets GOV.UK guidance and the inspectorate open in the browser', () => {
    expect(isAllowedExternal('https://www.gov.uk/guidance/mappa-guidance')).toBe(true);
    expect(isAllowedExternal('https://www.justiceinspectorates.gov.uk/hmiprobation/')).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.gov.uk/'],
    ['a look-alike host', 'https://www.gov.uk.evil.example/'],
    ['credentials before the host', 'https://www.gov.uk@evil.example/'],
    ['credentials on an allowed host', 'https://user:pw@www.gov.uk/'],
    ['another port', 'https://www.gov.uk:8443/'],
    ['a subdomain not on the list', 'https://evil.gov.uk/'],
    ['a file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['not a URL', 'www.gov.uk'],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});

describe('the navigation guard', () => {
  it('keeps the window on the app', () => {
    expect(decideNavigation('app://renderer/index.html')).toBe('allow');
    expect(decideNavigation('app://renderer/index.html#import')).toBe('allow');
  });

  it('sends allow-listed links to the browser and refuses everything else', () => {
    expect(decideNavigation('https://www.gov.uk/')).toBe('open-external');
    expect(decideNavigation('https://evil.example/')).toBe('deny');
    expect(decideNavigation('app://elsewhere/index.html')).toBe('deny');
    expect(decideNavigation('file:///C:/Windows/win.ini')).toBe('deny');
    expect(decideNavigation('http://127.0.0.1:8080/')).toBe('deny');
  });

  it('never opens a new window, even for the app', () => {
    expect(decideWindowOpen('app://renderer/index.html')).toBe('deny');
    expect(decideWindowOpen('https://www.gov.uk/')).toBe('open-external');
    expect(decideWindowOpen('https://evil.example/')).toBe('deny');
  });
});

type Listener = (e: { url: string; preventDefault(): void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardedContents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  };
  const fire = (event: string, url: string) => {
    const e = { url, preventDefault: vi.fn() };
    listeners.get(event)?.(e);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('a guarded window', () => {
  it('stops navigation away from the app and opens only allow-listed links outside it', () => {
    const f = fakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    guardContents(f.contents, openExternal);
    expect(f.fire('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(f.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(f.fire('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(f.fire('will-redirect', 'https://www.gov.uk/')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://www.gov.uk/']]);
  });

  it('denies every new window and attaches no webview', () => {
    const f = fakeContents();
    const openExternal = vi.fn(() => Promise.resolve());
    guardContents(f.contents, openExternal);
    expect(f.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(f.open('https://www.justiceinspectorates.gov.uk/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.justiceinspectorates.gov.uk/']]);
    expect(f.fire('will-attach-webview', 'about:blank')).toBe(true);
  });
});

describe('webviews', () => {
  it('are refused before they attach, even one that asks for the app itself', () => {
    const f = fakeContents();
    guardContents(f.contents, vi.fn(() => Promise.resolve()));
    expect(f.fire('will-attach-webview', 'app://renderer/index.html')).toBe(true);
    expect(f.fire('will-attach-webview', 'https://www.gov.uk/')).toBe(true);
  });
});

describe('permission requests', () => {
  it('are all denied: camera, notifications, geolocation, devices', () => {
    const answers: boolean[] = [];
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h) => {
        for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read']) h?.(undefined as never, p as never, (granted) => answers.push(granted), undefined as never);
      },
      setPermissionCheckHandler: (h) => {
        check = () => h?.(null, 'media', '', undefined as never) ?? true;
      },
      setDevicePermissionHandler: (h) => {
        device = () => h?.(undefined as never) ?? true;
      },
    } satisfies PermissionSession;
    denyPermissions(session);
    expect(answers).toEqual([false, false, false, false]);
    expect(check?.()).toBe(false);
    expect(device?.()).toBe(false);
  });
});
