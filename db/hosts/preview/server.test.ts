import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostCaller } from '../../service/host-call.js';
import { createService } from '../../service/index.js';
import { importExtract, ok, review } from '../../reviews/testing/fixture.js';
import { memoryDb, minimalExtract } from '../../testing/extract.js';
import { isExportName, isUploadName, startPreviewServer, type PreviewServer } from './server.js';

const running: PreviewServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(options: { maxUploadBytes?: number; withReview?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'spo-preview-test-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>SPO Oversight</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  const uploadDir = join(dir, 'uploads');
  mkdirSync(uploadDir);
  const { withReview, ...serverOptions } = options;
  const db = memoryDb();
  const service = createService({ db, osUser: 'spo-test', now: () => new Date('2026-11-20T10:00:00Z'), dataDir: dir });
  // An export needs a review to hold: the engine refuses one that would match nothing.
  if (withReview) {
    await importExtract(db);
    await ok(service.call('reviews:record', review()));
  }
  const server = await startPreviewServer({ call: hostCaller(service), rendererDir, uploadDir, ...serverOptions });
  running.push(server);
  const api = (op: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/api/${op}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { server, api, uploadDir };
}

/** fetch() tidies paths and Host headers; a raw request sends them as an attacker would. */
function raw(server: PreviewServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the preview host', () => {
  it('listens on 127.0.0.1 only and prints an address with a fresh one-time code, never the token, in the fragment', async () => {
    const a = await start();
    const b = await start();
    expect(a.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.server.url).toMatch(new RegExp(`^${a.server.origin}/#code=[0-9a-f]{64}$`));
    expect(a.server.url).not.toContain(a.server.token);
    expect(a.server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(a.server.token).not.toBe(b.server.token);
    expect(a.server.url).not.toBe(b.server.url);
  });

  it('exchanges the start-up code for the session token once, and refuses it the second time', async () => {
    const { server } = await start();
    const code = new URL(server.url).hash.replace('#code=', '');
    const exchange = (body: unknown) => fetch(`${server.origin}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const first = await exchange({ code });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, value: { token: server.token } });
    const again = await exchange({ code });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/opened already/) as unknown } });
    for (const wrong of [{ code: '0'.repeat(64) }, { code: '' }, {}, { code: 7 }]) expect((await exchange(wrong)).status).toBe(401);
  });

  it('gives a token holder, and only a token holder, another one-time code for a second window', async () => {
    const { server, api } = await start();
    const minted = (await (await api('session-code', {})).json()) as { ok: true; value: { code: string } };
    expect(minted.value.code).toMatch(/^[0-9a-f]{64}$/);
    const exchange = () => fetch(`${server.origin}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: minted.value.code }) });
    expect((await exchange()).status).toBe(200);
    expect((await exchange()).status).toBe(401);
    expect((await api('session-code', {}, { authorization: '' })).status).toBe(401);
  });

  it('answers an operation with the same Result the IPC answers', async () => {
    const { api } = await start();
    const res = await api('caseload:summary', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { casesInCaseload: 0, casesLeft: 0, staff: 0, teams: 0, lastImport: null } });
  });

  it('validates input with the same errors', async () => {
    const { api } = await start();
    expect(await (await api('import:preview', { paths: [] })).json()).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'paths: name a folder or at least one CSV file',
        field: 'paths',
        fields: [{ field: 'paths', message: 'Select the extract’s CSV files' }],
      },
    });
    const bad = await api('caseload:summary', '{not json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a call without the token, or with a wrong one (401)', async () => {
    const { api } = await start();
    for (const authorization of ['', 'Bearer ', `Bearer ${'0'.repeat(64)}`, 'Basic x']) {
      const res = await api('caseload:summary', {}, { authorization });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses another Host or Origin (403), so a rebinding web page cannot reach it', async () => {
    const { server, api } = await start();
    expect((await api('caseload:summary', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const rebound = await raw(server, '/', { host: 'evil.example' });
    expect(rebound.status).toBe(403);
    expect((await raw(server, '/', { host: `localhost:${new URL(server.origin).port}` })).status).toBe(403);
  });

  it('answers 404 for an operation the contract does not have', async () => {
    const { api } = await start();
    for (const op of ['sql:run', '__proto__', 'toString']) {
      const res = await api(op, {});
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });

  it('streams progress and then the Result when asked for NDJSON', async () => {
    const { api, uploadDir } = await start();
    const dir = join(uploadDir, 'extract');
    mkdirSync(dir);
    for (const [name, body] of Object.entries(minimalExtract())) writeFileSync(join(dir, name), body);
    const res = await api('import:commit', { paths: [dir] }, { accept: 'application/x-ndjson' });
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { progress?: unknown; result?: { ok: boolean; value: { committed: boolean } } });
    expect(lines.at(-1)?.result).toMatchObject({ ok: true, value: { committed: true } });
    expect(lines.slice(0, -1).every((l) => l.progress)).toBe(true);
  });

  it('serves the renderer with the Content Security Policy, and nothing outside it', async () => {
    const { server } = await start();
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('SPO Oversight');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '//etc/passwd']) {
      const res = await raw(server, path);
      expect([400, 403]).toContain(res.status);
      expect(res.body).not.toContain('outside the renderer');
    }
  });
});

describe('uploading an extract from the browser', () => {
  const upload = (server: PreviewServer, name: string, body: string, batch?: string) =>
    fetch(`${server.origin}/api/upload?${new URLSearchParams({ name, ...(batch ? { batch } : {}) }).toString()}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/octet-stream' },
      body,
    });

  it('writes the chosen files into one folder the import ops can read', async () => {
    const { server, api } = await start();
    let batch: string | undefined;
    let path = '';
    for (const [name, body] of Object.entries(minimalExtract())) {
      const r = (await (await upload(server, name, String(body), batch)).json()) as { ok: true; value: { batch: string; path: string } };
      ({ batch, path } = r.value);
    }
    expect(readdirSync(path).sort()).toEqual(['cases.csv', 'contacts.csv', 'needs.csv', 'registrations.csv', 'staff.csv']);
    const report = (await (await api('import:preview', { paths: [path] })).json()) as { ok: true; value: { cases: { new: number } } };
    expect(report.value.cases.new).toBe(2);
  });

  it('refuses names with folders or traversal, other file types, and unknown uploads', async () => {
    const { server } = await start();
    for (const name of ['../cases.csv', '..\\cases.csv', 'a/b.csv', 'cases.exe', '.csv', '']) {
      expect((await upload(server, name, 'x')).status, name).toBe(400);
    }
    expect((await upload(server, 'cases.csv', 'x', '0123456789abcdef')).status).toBe(404);
    expect(isUploadName('contacts-01 (2).csv')).toBe(true);
  });

  it('refuses a file over the upload limit and keeps none of it', async () => {
    const { server, uploadDir } = await start({ maxUploadBytes: 10 });
    const res = await upload(server, 'cases.csv', 'x'.repeat(1000));
    expect(res.status).toBe(413);
    const batches = readdirSync(uploadDir);
    expect(batches.flatMap((b) => readdirSync(join(uploadDir, b)))).toEqual([]);
  });

  it('needs the token like every other call', async () => {
    const { server } = await start();
    const res = await fetch(`${server.origin}/api/upload?name=cases.csv`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(401);
  });

  it('makes room for an export, lets log:export write it there, and serves it once as a download', async () => {
    const { server, api } = await start({ withReview: true });
    const post = (path: string) => fetch(`${server.origin}/api/${path}`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` } });
    expect((await post('export-target?format=exe')).status).toBe(400);
    const target = (await (await post('export-target?format=json')).json()) as { ok: true; value: { id: string; path: string } };
    expect(target.value.path).toMatch(/oversight-log-2\d{3}-\d\d-\d\d\.json$/);
    expect((await post(`download?id=${target.value.id}`)).status).toBe(404);
    const exported = (await (await api('log:export', { format: 'json', out: target.value.path })).json()) as { ok: boolean };
    expect(exported.ok).toBe(true);
    const res = await post(`download?id=${target.value.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="oversight-log-.*\.json"$/);
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(target.value.path))).toBe(true);
    expect((await post('download?id=0123456789abcdef')).status).toBe(404);
    expect((await fetch(`${server.origin}/api/download?id=${target.value.id}`, { method: 'POST' })).status).toBe(401);
  });

  it('takes a file to verify, by a safe export name only, and log:verify reads it', async () => {
    const { server, api } = await start();
    const send = (name: string, body: string) =>
      fetch(`${server.origin}/api/verify-upload?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/octet-stream' },
        body,
      });
    for (const name of ['../log.csv', 'log.exe', 'a/log.pdf', '']) expect((await send(name, 'x')).status, name).toBe(400);
    expect(isExportName('oversight-log-2026-11-20 (1).pdf')).toBe(true);
    const uploaded = (await (await send('log.csv', 'not an export')).json()) as { ok: true; value: { path: string } };
    const verified = (await (await api('log:verify', { path: uploaded.value.path })).json()) as { ok: true; value: { intact: boolean; reason?: string } };
    expect(verified.value.intact).toBe(false);
    expect(verified.value.reason).toBeTruthy();
  });
});
