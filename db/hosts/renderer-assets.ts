import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/*
 * How the built renderer is served, the same by both hosts that serve it: the desktop shell
 * (electron/protocol.ts, app://renderer/) and the browser preview (db/hosts/preview/server.ts).
 */

/**
 * The page's Content Security Policy: scripts, styles, images, fonts and calls only from the app
 * itself; nothing inline, nothing remote, no frames, no plugins. Served as a header by the app://
 * protocol and, unchanged, by the preview host, so the browser preview is as strict as the window.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export type AssetPath = { ok: true; file: string } | { ok: false; status: 400 | 403; reason: string };

/**
 * Maps a request path (as sent, still percent-encoded) to a file under `root`, or refuses it.
 * Pure: the tests drive it with every traversal we know of; the caller still checks the real path
 * (symbolic links) before reading.
 */
export function resolveAssetPath(rawPath: string, root: string): AssetPath {
  // Encoded separators would let "..%2f" survive the URL parser's own clean-up of "..".
  if (/%2f|%5c|%00/i.test(rawPath) || rawPath.includes('\\') || rawPath.includes('\0')) {
    return { ok: false, status: 400, reason: 'encoded separator or NUL in the path' };
  }
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (!path.startsWith('/')) return { ok: false, status: 400, reason: 'not an absolute URL path' };
  const rest = path === '/' ? 'index.html' : path.slice(1);
  const segments = rest.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: 'path traversal' };
  if (rest.startsWith('/') || /^[a-zA-Z]:/.test(rest) || isAbsolute(rest)) return { ok: false, status: 403, reason: 'absolute path' };
  const base = resolve(root);
  const file = resolve(base, ...segments);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { ok: false, status: 403, reason: 'outside the renderer folder' };
  }
  return { ok: true, file };
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers on everything the renderer is served with, by either host. */
export const assetHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export interface AssetResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Reads one renderer file for a request path; 403/404 for anything else. The same for both hosts. */
export async function loadAsset(rawPath: string, root: string): Promise<AssetResponse> {
  const refuse = (status: number, body: string): AssetResponse => ({ status, headers: { ...assetHeaders, 'Content-Type': 'text/plain; charset=utf-8' }, body });
  const resolved = resolveAssetPath(rawPath, root);
  if (!resolved.ok) return refuse(resolved.status, resolved.reason);
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(resolved.file)]);
    // A symbolic link inside the folder must not lead out of it.
    const inside = relative(realRoot, realFile);
    if (inside.startsWith('..') || isAbsolute(inside)) return refuse(403, 'outside the renderer folder');
    const body = await readFile(realFile);
    const type = contentTypes[extname(realFile).toLowerCase()] ?? 'application/octet-stream';
    return { status: 200, headers: { ...assetHeaders, 'Content-Type': type }, body };
  } catch {
    return refuse(404, 'not found');
  }
}

