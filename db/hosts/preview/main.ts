// `npm run preview -- --db FILE [--port N] [--no-open]`: the app in a browser on this computer,
// for machines where Electron cannot run and for the end-to-end tests. Bundled to dist/preview.mjs.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../../errors.js';
import { workerCheck } from '../../backup/background-check.js';
import { heldUntil, HOLD_CHECK_ENV } from '../../backup/held-check.js';
import { hostCaller } from '../../service/host-call.js';
import { openService } from '../../service/open.js';
import { previewArgs, usage } from './args.js';
import { openBrowser } from './open-browser.js';
import { startPreviewServer } from './server.js';
import { createRunDir, previewTempRoot } from './temp-dir.js';

const args = previewArgs(process.argv.slice(2), process.env);
if ('problem' in args) {
  process.stderr.write(`spo-oversight preview: ${args.problem}\n${usage}\n`);
  process.exit(2);
}

// The database is fixed here, for the run: no call over HTTP names a file, let alone another database.
// Its check runs in a worker (dist/check-worker.mjs), so the first screen is painted while it runs.
const check = workerCheck(new URL('./check-worker.mjs', import.meta.url));
const held = process.env[HOLD_CHECK_ENV];
const service = (() => {
  try {
    return openService(args.db, { startupCheck: held ? heldUntil(held, check) : check, trendWorker: new URL('./sweep-worker.mjs', import.meta.url) });
  } catch (e) {
    // A database this app cannot open (from a newer version, not encrypted, damaged): one line, no trace.
    if (!(e instanceof DomainError)) throw e;
    process.stderr.write(`spo-oversight preview: ${args.db}: ${e.message}\n`);
    process.exit(2);
  }
})();
// Sweeps the folders of runs that crashed, then makes this run's own (0700).
let uploadDir: string;
try {
  uploadDir = createRunDir(previewTempRoot());
} catch (e) {
  service.close();
  process.stderr.write(`spo-oversight preview: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
const preview = await startPreviewServer({
  call: hostCaller(service),
  rendererDir: fileURLToPath(new URL('./renderer/', import.meta.url)),
  uploadDir,
  port: args.port,
});

process.stdout.write(`${preview.url}\n`);
process.stderr.write(`SPO Oversight preview of ${args.db}, on 127.0.0.1 only. Press Ctrl+C to stop.\n`);
if (args.open) openBrowser(preview.url);

async function stop(): Promise<void> {
  await preview.close();
  service.close();
  rmSync(uploadDir, { recursive: true, force: true });
  process.exit(0);
}
// `npm start` passes its own Ctrl+C on as well as the terminal's, so a second signal must not cut
// the first one's close short.
let stopping: Promise<void> | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping ??= stop();
  });
}
