import { lazy, Suspense, type ComponentType } from 'react';
import { Layout } from './components/Layout.js';
import { CaseScreen } from './screens/case/CaseScreen.js';
import { ChangeUser, FirstRun } from './screens/FirstRun.js';
import { Home } from './screens/Home.js';
import { ImportScreen } from './screens/import/ImportScreen.js';
import { ReviewScreen } from './screens/review/ReviewScreen.js';
import { Starting } from './screens/Starting.js';
import { useApp, type Route } from './store/index.js';

// The morning journey (queue, case, review) is in the first bundle; the other screens load when
// first opened, so the queue paints sooner (Chart.js alone is a fifth of the code).
const TrendsScreen = lazy(() => import('./screens/trends/TrendsScreen.js').then((m) => ({ default: m.TrendsScreen })));
const TeamScreen = lazy(() => import('./screens/team/TeamScreen.js').then((m) => ({ default: m.TeamScreen })));
const SettingsScreen = lazy(() => import('./screens/settings/SettingsScreen.js').then((m) => ({ default: m.SettingsScreen })));
const AuditScreen = lazy(() => import('./screens/audit/AuditScreen.js').then((m) => ({ default: m.AuditScreen })));
const ExportScreen = lazy(() => import('./screens/export/ExportScreen.js').then((m) => ({ default: m.ExportScreen })));
const VerifyScreen = lazy(() => import('./screens/export/VerifyScreen.js').then((m) => ({ default: m.VerifyScreen })));
const SamplesScreen = lazy(() => import('./screens/sample/SamplesScreen.js').then((m) => ({ default: m.SamplesScreen })));
const SampleScreen = lazy(() => import('./screens/sample/SampleScreen.js').then((m) => ({ default: m.SampleScreen })));
const SampleItemScreen = lazy(() => import('./screens/sample/SampleItemScreen.js').then((m) => ({ default: m.SampleItemScreen })));

const screens: { [S in Route['screen']]: ComponentType } = {
  starting: Starting,
  'first-run': FirstRun,
  profile: ChangeUser,
  home: Home,
  import: ImportScreen,
  export: ExportScreen,
  verify: VerifyScreen,
  audit: AuditScreen,
  trends: TrendsScreen,
  samples: SamplesScreen,
  sample: SampleScreen,
  'sample-item': SampleItemScreen,
  team: TeamScreen,
  settings: SettingsScreen,
  case: CaseScreen,
  review: ReviewScreen,
};

/** Screens remount when the route changes (a new case is a new screen), so no state leaks across. */
function routeKey(route: Route): string {
  if (route.screen === 'case') return `case:${route.crn}`;
  if (route.screen === 'review') {
    const action = route.mode === 'done' || route.mode === 'drop' ? `:${String(route.number)}` : '';
    return `review:${route.crn}:${route.mode}:${route.mode === 'record' ? '' : String(route.reviewId)}${action}`;
  }
  if (route.screen === 'sample') return `sample:${String(route.id)}`;
  if (route.screen === 'sample-item') return `sample:${String(route.id)}:${String(route.position)}`;
  return route.screen;
}

export function App() {
  const route = useApp((s) => s.route);
  const Screen = screens[route.screen];
  return (
    <Layout>
      <Suspense fallback={<p className="govuk-body">Opening…</p>}>
        <Screen key={routeKey(route)} />
      </Suspense>
    </Layout>
  );
}
