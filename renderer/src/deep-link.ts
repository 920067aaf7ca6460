import type { AppStore } from './store/index.js';

export interface LinkWindow {
  location: { hash: string; pathname: string; search: string };
  history: Pick<History, 'replaceState'>;
}

/** `#case/X123456` → the CRN; anything else → null. */
export function caseFromHash(hash: string): string | null {
  const m = /^#case\/([A-Za-z][0-9]{6})$/.exec(hash);
  return m?.[1] ? m[1].toUpperCase() : null;
}

/**
 * Opens the case a `#case/X123456` address names, once, after start-up has said who the user is
 * (first run always comes first). The fragment is then taken out of the address, so a reload
 * opens the queue as usual.
 */
export function applyDeepLink(store: AppStore, win: LinkWindow): void {
  const crn = caseFromHash(win.location.hash);
  if (!crn) return;
  win.history.replaceState(null, '', win.location.pathname + win.location.search);
  const state = store.getState();
  if (state.profile && state.route.screen === 'home') state.openCase(crn);
}
