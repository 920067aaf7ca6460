import type { Slice } from './types.js';

/**
 * Where the user is. The queue, case and review screens join this union as they arrive, e.g.
 * `{ screen: 'queue'; team: string }` (opening on the user's own team), `{ screen: 'case'; crn: string }`.
 */
export type Route = { screen: 'starting' } | { screen: 'first-run' } | { screen: 'home' } | { screen: 'import' };

export interface NavigationSlice {
  route: Route;
  navigate: (route: Route) => void;
}

export const navigationSlice: Slice<NavigationSlice> = () => (set) => ({
  route: { screen: 'starting' },
  navigate: (route) => {
    set({ route });
  },
});
