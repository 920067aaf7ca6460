// `npm start`, the README's main job: make sure there is a synthetic demo caseload, then show it.
// The desktop app (and the browser preview where Electron cannot start) comes with issue 6; until
// then the oversight picture is printed in the terminal.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const db = process.env.SPO_OVERSIGHT_DB ?? 'data/demo.sqlite';
const cli = (args) => spawnSync(process.execPath, ['bin/spo-oversight.mjs', ...args, '--db', db], { stdio: 'inherit' });

if (!existsSync(db)) {
  console.error(`No database at ${db} yet: generating and importing a synthetic PDU caseload…`);
  const demo = cli(['demo']);
  if (demo.status !== 0) process.exit(demo.status ?? 1);
} else {
  console.error(`Using ${db} (delete it to start again with a fresh demo caseload).`);
}
process.exit(0);
