// The renderer's composition root: connect to the host, make the store, render.
import 'govuk-frontend/dist/govuk/govuk-frontend.min.css';
import '@ministryofjustice/frontend/moj/moj-frontend.min.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MenuCommand } from '../../db/contract/index.js';
import { App } from './App.js';
import { connect } from './client.js';
import { applyDeepLink } from './deep-link.js';
import { createAppStore, StoreContext } from './store/index.js';

const client = connect(window);
const store = createAppStore(client);
const menu: Record<MenuCommand, () => void> = {
  'import-extract': () => void store.getState().openImport(),
  'export-log': () => {
    store.getState().navigate({ screen: 'export' });
  },
};
client.onMenuCommand((command) => {
  menu[command]();
});
// Beside start-up, not in it: the first screen does not wait for the database's check.
void store.getState().watchCheck();
void store
  .getState()
  .start()
  .then(() => {
    applyDeepLink(store, window);
  });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
