// `npm run preview -- --db FILE [--port N] [--no-open]`: the app in a browser on this computer,
// for machines where Electron cannot run and for the end-to-end tests. Bundled to dist/preview.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostCaller } from '../../service/host-call.js';
import { openService } from '../../service/open.js';
import { previewArgs, usage } from './args.js';
import { openBrowser } from './open-browser.js';
import { startPreviewServer } from './server.js';

const args = previewArgs(process.argv.slice(2), process.env);
if ('problem' in args) {
  process.stderr.write(`spo-oversight preview: ${args.problem}\n${usage}\n`);
  process.exit(2);
}

const service = openService(args.db);
const uploadDir = mkdtempSync(join(tmpdir(), 'spo-preview-uploads-'));
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
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
