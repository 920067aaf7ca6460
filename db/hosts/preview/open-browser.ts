import { spawn } from 'node:child_process';

/** Opens the address in the default browser, if there is one; the printed URL is the fallback. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher (a server, a container): the URL on stdout is enough.
  }
}
