import { spawn } from 'node:child_process';

/**
 * The environment the browser starts with: this process's, less every SPO_OVERSIGHT_* variable
 * (the database key may be one), so the browser and whatever it starts never hold them.
 */
export function browserEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toUpperCase().startsWith('SPO_OVERSIGHT_')));
}

/** Opens the address in the default browser, if there is one; the printed URL is the fallback. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): void {
  const [command, args] =
    platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true, env: browserEnvironment(env) });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher (a server, a container): the URL on stdout is enough.
  }
}
