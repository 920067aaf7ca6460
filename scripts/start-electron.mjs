// The parts of `npm start` that decide what to say, kept apart from start.mjs (which runs things)
// so they can be tested without starting anything.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable installed under node_modules/electron, or null, read the way
 * node_modules/electron/index.js reads it but without its side effect: requiring that file
 * downloads the binary when it is missing, with the download's output (a stack trace where there
 * is no network) going straight to the terminal.
 * @param {string} electronDir node_modules/electron
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
export function electronExecutable(electronDir, env) {
  let relative;
  try {
    relative = readFileSync(join(electronDir, 'path.txt'), 'utf8');
  } catch {
    relative = null;
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const file = override ? join(override, relative ?? 'electron') : relative ? join(electronDir, 'dist', relative) : null;
  return file && existsSync(file) ? file : null;
}

/**
 * Why Electron's download failed, in a few words, from what its install script printed (a stack
 * trace, which is never shown): the network error where one is named, else the error's first line.
 * @param {string} output
 * @returns {string}
 */
export function downloadFailure(output) {
  const network = /(getaddrinfo \w+ \S+|connect \w+ \S+|ETIMEDOUT|ECONNRESET|HTTPError[^\n]*|certificate[^\n]*)/.exec(output)?.[1];
  if (network) return `it could not be downloaded (${network.trim()})`;
  const error = /^\s*(?:\w*Error: )?([^\n]*(?:fetch failed|failed|refused|not found)[^\n]*)$/im.exec(output)?.[1];
  return error ? `it could not be downloaded (${error.trim()})` : 'it could not be downloaded';
}

/**
 * The one line `npm start` prints when it serves the preview instead of the Electron window.
 * @param {string} reason
 * @returns {string}
 */
export function previewInstead(reason) {
  const oneLine = reason.replace(/\s+/g, ' ').trim();
  return `Electron cannot start here (${oneLine}), so serving the browser preview instead.`;
}

/**
 * The exit code of `npm start` once the app it ran has stopped: 0 when the user stopped it (Ctrl+C
 * reaches the whole process group, so the child ends by SIGINT or exits with 130 as the shell
 * would say), else the child's own.
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 * @param {boolean} interrupted whether this process saw SIGINT or SIGTERM
 * @returns {number}
 */
export function exitCodeAfter(code, signal, interrupted) {
  if (interrupted && (signal === 'SIGINT' || signal === 'SIGTERM' || code === 130 || code === 143)) return 0;
  if (code !== null) return code;
  return signal ? 1 : 0;
}

/** How long Electron has to start before an exit counts as its having failed to start. */
export const START_GRACE_MS = 10_000;

/**
 * Why Electron failed to start, or null when it ran: it exited with an error (or was killed by
 * something other than the user) within START_GRACE_MS. Its error output is held back for that
 * long, so the reason is its last non-empty line, not the whole of it.
 * @param {{ code: number | null, signal: NodeJS.Signals | null, elapsedMs: number, interrupted: boolean, stderr: string }} ending
 * @returns {string | null}
 */
export function startFailure({ code, signal, elapsedMs, interrupted, stderr }) {
  if (interrupted || elapsedMs >= START_GRACE_MS || code === 0) return null;
  const said = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1);
  const ending = code !== null ? `exit code ${String(code)}` : `signal ${String(signal)}`;
  return `it stopped as it started, ${ending}${said ? `: ${said}` : ''}`;
}
