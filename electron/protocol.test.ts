import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, loadAsset, resolveAssetPath } from '../db/hosts/renderer-assets.js';
import { registerAppProtocol } from './protocol.js';

const root = join(tmpdir(), 'spo-renderer-root');

describe('the app:// path resolver', () => {
  it('serves index.html for the root and files under the renderer folder', () => {
    expect(resolveAssetPath('/', root)).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAssetPath('/assets/index-abc.js', root)).toEqual({ ok: true, file: join(root, 'assets', 'index-abc.js') });
    expect(resolveAssetPath('/assets/a%20b.css', root)).toEqual({ ok: true, file: join(root, 'assets', 'a b.css') });
  });

  it.each([
    ['dot-dot segments', '/../secret.txt'],
    ['dot-dot deeper in', '/assets/../../secret.txt'],
    ['encoded dot-dot', '/%2e%2e/secret.txt'],
    ['mixed-encoded dot-dot', '/.%2E/secret.txt'],
    ['a lone dot', '/./index.html'],
  ])('refuses traversal: %s', (_name, path) => {
    expect(resolveAssetPath(path, root)).toMatchObject({ ok: false, status: 403 });
  });

  it.each([
    ['an encoded slash', '/..%2f..%2fsecret.txt'],
    ['an encoded backslash', '/..%5c..%5csecret.txt'],
    ['a backslash', '/..\\secret.txt'],
    ['an encoded NUL', '/index.html%00.png'],
    ['malformed encoding', '/%E0%A4%A'],
    ['a relative path', 'index.html'],
  ])('refuses %s', (_name, path) => {
    expect(resolveAssetPath(path, root)).toMatchObject({ ok: false, status: 400 });
  });

  it.each([
    ['a second leading slash', '//etc/passwd'],
    ['a Windows drive', '/C:/Windows/win.ini'],
    ['an encoded drive', '/C%3A/Windows/win.ini'],
  ])('refuses an absolute path: %s', (_name, path) => {
    expect(resolveAssetPath(path, root)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('loading a renderer file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spo-protocol-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'export {}');
  writeFileSync(join(dir, 'secret.txt'), 'not for the page');
  symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'link.txt'));

  it('answers with its content type and the Content Security Policy', async () => {
    const page = await loadAsset('/', renderer);
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.headers['Content-Security-Policy']).toContain("default-src 'none'");
    expect(page.headers['X-Content-Type-Options']).toBe('nosniff');
    expect((await loadAsset('/assets/app.js', renderer)).headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses a symbolic link that leads out of the folder', async () => {
    const linked = await loadAsset('/assets/link.txt', renderer);
    expect(linked.status).toBe(403);
    expect(String(linked.body)).not.toContain('not for the page');
  });

  it('answers 404 for a file that is not there, and never a file outside', async () => {
    expect((await loadAsset('/missing.js', renderer)).status).toBe(404);
    expect((await loadAsset('/../secret.txt', renderer)).status).toBe(403);
  });
});

describe('the app:// protocol handler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spo-protocol-handler-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  let handler: ((request: Request) => Promise<Response>) | undefined;
  registerAppProtocol({ handle: (_scheme, h) => (handler = h as (request: Request) => Promise<Response>) }, dir);
  const get = (url: string) => {
    if (!handler) throw new Error('no handler registered');
    return handler(new Request(url));
  };

  it('serves the renderer from app://renderer/ with the Content Security Policy', async () => {
    const res = await get('app://renderer/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await res.text()).toContain('<title>app</title>');
  });

  it('refuses any other host, and traversal however it is spelt', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(403);
    expect((await get('app://renderer/..%2f..%2fetc%2fpasswd')).status).toBe(400);
    expect((await get('app://renderer/%2e%2e/%2e%2e/etc/passwd')).status).not.toBe(200);
  });
});
