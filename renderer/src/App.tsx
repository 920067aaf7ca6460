import type { ComponentType } from 'react';
import { Layout } from './components/Layout.js';
import { AuditScreen } from './screens/audit/AuditScreen.js';
import { CaseScreen } from './screens/case/CaseScreen.js';
import { ExportScreen } from './screens/export/ExportScreen.js';
import { VerifyScreen } from './screens/export/VerifyScreen.js';
import { FirstRun } from './screens/FirstRun.js';
import { Home } from './screens/Home.js';
import { ImportScreen } from './screens/import/ImportScreen.js';
import { ReviewScreen } from './screens/review/ReviewScreen.js';
import { SettingsScreen } from './screens/settings/SettingsScreen.js';
import { SampleItemScreen } from './screens/sample/SampleItemScreen.js';
import { SampleScreen } from './screens/sample/SampleScreen.js';
import { SamplesScreen } from './screens/sample/SamplesScreen.js';
import { Starting } from './screens/Starting.js';
import { TrendsScreen } from './screens/trends/TrendsScreen.js';
import { TeamScreen } from './screens/team/TeamScreen.js';
import { useApp, type Route } from './store/index.js';

const screens: { [S in Route['screen']]: ComponentType } = {
  starting: Starting,
  'first-run': FirstRun,
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
  if (route.screen === 'review') return `review:${route.crn}:${route.mode}:${route.mode === 'record' ? '' : String(route.reviewId)}`;
  if (route.screen === 'sample') return `sample:${String(route.id)}`;
  if (route.screen === 'sample-item') return `sample:${String(route.id)}:${String(route.position)}`;
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
