import type { Session } from 'electron';

/** Where the renderer is served from (protocol.ts); the only origin the app trusts. */
export const appOrigin = 'app://renderer';

/** Sites the app may open in the user's browser: guidance and the inspectorate's reports. */
export const externalAllowList: readonly string[] = ['https://www.gov.uk', 'https://www.justiceinspectorates.gov.uk'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAllowedExternal(url: string): boolean {
  const u = parse(url);
  // Exact origins, https only, no credentials: "https://www.gov.uk.evil.example" and
  // "https://www.gov.uk@evil.example" must not pass.
  return !!u && u.protocol === 'https:' && u.username === '' && u.password === '' && externalAllowList.includes(u.origin);
}

export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return !!u && u.protocol === 'app:' && u.host === 'renderer' && u.username === '' && u.password === '';
}

export type Decision = 'allow' | 'deny' | 'open-external';

/** A navigation of the window: it stays on the app; an allow-listed link opens in the browser. */
export function decideNavigation(url: string): Decision {
  if (isAppUrl(url)) return 'allow';
  return isAllowedExternal(url) ? 'open-external' : 'deny';
}

/** window.open and target=_blank: never a new window; an allow-listed link opens in the browser. */
export function decideWindowOpen(url: string): Exclude<Decision, 'allow'> {
  return isAllowedExternal(url) ? 'open-external' : 'deny';
}

interface PreventableUrlEvent {
  url: string;
  preventDefault(): void;
}

/** The parts of a WebContents the guards attach to (a real one, or a fake in the tests). */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (e: PreventableUrlEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export type OpenExternal = (url: string) => Promise<void>;

/** Guards every web contents the app creates: navigation, redirects, new windows, webviews. */
export function guardContents(contents: GuardedContents, openExternal: OpenExternal): void {
  const guard = (e: PreventableUrlEvent) => {
    const decision = decideNavigation(e.url);
    if (decision === 'allow') return;
    e.preventDefault();
    if (decision === 'open-external') void openExternal(e.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (e) => {
    e.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-external') void openExternal(url);
    return { action: 'deny' };
  });
}

export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** The app needs no camera, microphone, notifications, geolocation, USB or HID: deny them all. */
export function denyPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
