import type { ComponentType } from 'react';
import { Layout } from './components/Layout.js';
import { CaseScreen } from './screens/case/CaseScreen.js';
import { FirstRun } from './screens/FirstRun.js';
import { Home } from './screens/Home.js';
import { ImportScreen } from './screens/import/ImportScreen.js';
import { ReviewScreen } from './screens/review/ReviewScreen.js';
import { Starting } from './screens/Starting.js';
import { useApp, type Route } from './store/index.js';

const screens: { [S in Route['screen']]: ComponentType } = {
  starting: Starting,
  'first-run': FirstRun,
  home: Home,
  import: ImportScreen,
  case: CaseScreen,
  review: ReviewScreen,
};

/** Screens remount when the route changes (a new case is a new screen), so no state leaks across. */
function routeKey(route: Route): string {
  if (route.screen === 'case') return `case:${route.crn}`;
  if (route.screen === 'review') return `review:${route.crn}:${route.mode}:${route.mode === 'record' ? '' : String(route.reviewId)}`;
  return route.screen;
}

export function App() {
  const route = useApp((s) => s.route);
  const Screen = screens[route.screen];
  return (
    <Layout>
      <Screen key={routeKey(route)} />
    </Layout>
  );
}
