import type { ComponentType } from 'react';
import { Layout } from './components/Layout.js';
import { FirstRun } from './screens/FirstRun.js';
import { Home } from './screens/Home.js';
import { ImportScreen } from './screens/import/ImportScreen.js';
import { Starting } from './screens/Starting.js';
import { useApp, type Route } from './store/index.js';

/** One screen per route; the queue, case and review screens join here with their routes. */
const screens: { [S in Route['screen']]: ComponentType } = {
  starting: Starting,
  'first-run': FirstRun,
  home: Home,
  import: ImportScreen,
};

export function App() {
  const screen = useApp((s) => s.route.screen);
  const Screen = screens[screen];
  return (
    <Layout>
      <Screen key={screen} />
    </Layout>
  );
}
