import type { Slice } from './types.js';

/**
 * Where the user is. `home` is the oversight queue once there is a caseload (the caseload summary
 * and the two ways to get data before that); `case` is one person's case; `review` records,
 * amends or withdraws an oversight review of that case.
 */
export type Route =
  | { screen: 'starting' }
  | { screen: 'first-run' }
  /** Changing who is using the app, after the first run. */
  | { screen: 'profile' }
  | { screen: 'home' }
  | { screen: 'import' }
  | { screen: 'export' }
  | { screen: 'verify' }
  | { screen: 'audit' }
  | { screen: 'trends' }
  | { screen: 'samples' }
  | { screen: 'sample'; id: number }
  | { screen: 'sample-item'; id: number; position: number }
  | { screen: 'team' }
  | { screen: 'settings' }
  | { screen: 'case'; crn: string }
  | { screen: 'review'; crn: string; mode: 'record' }
  | { screen: 'review'; crn: string; mode: 'amend' | 'withdraw'; reviewId: number }
  /** Marks one action agreed in a review done, or drops it. */
  | { screen: 'review'; crn: string; mode: 'done' | 'drop'; reviewId: number; number: number };

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
