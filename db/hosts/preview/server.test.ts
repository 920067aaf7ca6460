import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

/** Uploads an extract's files as the page does; answers the id the import ops take. */
async function uploadExtract(server: PreviewServer, files: Record<string, unknown>): Promise<string> {
  let id: string | undefined;
  for (const [name, body] of Object.entries(files)) {
    const query = new URLSearchParams({ name, ...(id ? { id } : {}) });
    const res = await fetch(`${server.origin}/api/upload?${query.toString()}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/octet-stream' },
      body: String(body),
    });
    ({ id } = ((await res.json()) as { ok: true; value: { id: string } }).value);
  }
  if (!id) throw new Error('no files to upload');
  return id;
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
    const { server, api } = await start();
    const id = await uploadExtract(server, minimalExtract());
    const res = await api('import:commit', { paths: [id] }, { accept: 'application/x-ndjson' });
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

describe('files from the browser: uploads in, downloads out, never a path', () => {
  const post = (server: PreviewServer, path: string, body?: string) =>
    fetch(`${server.origin}/api/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/octet-stream' },
      ...(body === undefined ? {} : { body }),
    });
  const upload = (server: PreviewServer, name: string, body: string, id?: string) => post(server, `upload?${new URLSearchParams({ name, ...(id ? { id } : {}) }).toString()}`, body);
  const verifyUpload = async (server: PreviewServer, name: string, body: string | Buffer) => {
    const res = await fetch(`${server.origin}/api/verify-upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/octet-stream' },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return ((await res.json()) as { ok: true; value: { id: string } }).value.id;
  };
  /** Every file the host holds, relative to its folder. */
  const held = (uploadDir: string) => readdirSync(uploadDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

  it('takes an extract as uploaded files under one id, which the import ops take in place of a path', async () => {
    const { server, api, uploadDir } = await start();
    const id = await uploadExtract(server, minimalExtract());
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(held(uploadDir).sort()).toEqual(['cases.csv', 'contacts.csv', 'needs.csv', 'registrations.csv', 'staff.csv']);
    const report = (await (await api('import:preview', { paths: [id] })).json()) as { ok: true; value: { cases: { new: number } } };
    expect(report.value.cases.new).toBe(2);
    expect(JSON.stringify(report)).not.toContain(uploadDir);
  });

  it('keeps uploads where only this user can read them', async () => {
    const { server, uploadDir } = await start();
    await uploadExtract(server, minimalExtract());
    const [dir = ''] = readdirSync(uploadDir);
    if (process.platform !== 'win32') {
      expect(statSync(join(uploadDir, dir)).mode & 0o777).toBe(0o700);
      expect(statSync(join(uploadDir, dir, 'cases.csv')).mode & 0o777).toBe(0o600);
    }
  });

  it('deletes the extract once it has been imported, and the id then names nothing', async () => {
    const { server, api, uploadDir } = await start();
    const id = await uploadExtract(server, minimalExtract());
    expect(await (await api('import:commit', { paths: [id] })).json()).toMatchObject({ ok: true, value: { committed: true } });
    expect(readdirSync(uploadDir)).toEqual([]);
    const again = await api('import:commit', { paths: [id] });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'paths', message: expect.stringMatching(/choose the file again/) as unknown } });
  });

  it('refuses a file path in every path field, with invalid-input naming the field, and touches nothing', async () => {
    const { api, uploadDir } = await start({ withReview: true });
    const outside = join(uploadDir, '..', 'secret.txt');
    const calls: [string, unknown, string][] = [
      ['import:preview', { paths: [uploadDir] }, 'paths'],
      ['import:commit', { paths: ['/etc'] }, 'paths'],
      ['log:export', { format: 'csv', out: join(uploadDir, '..', 'written.csv') }, 'out'],
      ['log:verify', { path: outside }, 'path'],
      ['audit:verify', { against: outside }, 'against'],
    ];
    for (const [op, input, field] of calls) {
      const res = await api(op, input);
      expect(res.status, op).toBe(400);
      expect(await res.json(), op).toEqual({
        ok: false,
        error: { code: 'invalid-input', field, message: `${field}: the preview takes no file paths; choose the file in the page, which uploads it` },
      });
    }
    expect(existsSync(join(uploadDir, '..', 'written.csv'))).toBe(false);
    expect(await (await api('audit:verify', {})).json()).toMatchObject({ ok: true, value: { intact: true } });
  });

  it('refuses an id of the wrong kind: an extract is not a file to verify, nor a place to export to', async () => {
    const { server, api } = await start({ withReview: true });
    const extract = await uploadExtract(server, minimalExtract());
    const file = await verifyUpload(server, 'log.csv', 'x');
    for (const [op, input] of [
      ['log:verify', { path: extract }],
      ['log:export', { format: 'csv', out: file }],
      ['import:preview', { paths: [file] }],
    ] as const) {
      expect(await (await api(op, input)).json(), op).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/not one this field takes/) as unknown } });
    }
  });

  it('refuses names with folders or traversal, other file types, unknown uploads and a name twice', async () => {
    const { server } = await start();
    for (const name of ['../cases.csv', '..\\cases.csv', 'a/b.csv', 'cases.exe', '.csv', '']) {
      expect((await upload(server, name, 'x')).status, name).toBe(400);
    }
    expect((await upload(server, 'cases.csv', 'x', '0123456789abcdef0123456789abcdef')).status).toBe(404);
    const first = (await (await upload(server, 'cases.csv', 'x')).json()) as { ok: true; value: { id: string } };
    expect((await upload(server, 'cases.csv', 'y', first.value.id)).status).toBe(409);
    expect(isUploadName('contacts-01 (2).csv')).toBe(true);
  });

  it('refuses a file over the upload limit and keeps none of it', async () => {
    const { server, uploadDir } = await start({ maxUploadBytes: 10 });
    const res = await upload(server, 'cases.csv', 'x'.repeat(1000));
    expect(res.status).toBe(413);
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it('needs the token like every other call', async () => {
    const { server } = await start();
    const res = await fetch(`${server.origin}/api/upload?name=cases.csv`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(401);
  });

  it('exports into a place of its own, names it by its file name only, and streams it once as a download, then deletes it', async () => {
    const { server, api, uploadDir } = await start({ withReview: true });
    expect((await post(server, 'export-target?format=exe')).status).toBe(400);
    const target = (await (await post(server, 'export-target?format=json')).json()) as { ok: true; value: { id: string } };
    expect(Object.keys(target.value)).toEqual(['id']);
    expect((await post(server, `download?id=${target.value.id}`)).status).toBe(404);
    const exported = (await (await api('log:export', { format: 'json', out: target.value.id })).json()) as { ok: true; value: { path: string; digest: string } };
    expect(exported.value.path).toMatch(/^oversight-log-2\d{3}-\d\d-\d\d\.json$/);
    expect(await (await api('log:export', { format: 'json', out: target.value.id })).json()).toMatchObject({ ok: false, error: { message: 'out: that export has been written already; export the log again' } });
    const res = await post(server, `download?id=${target.value.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="oversight-log-.*\.json"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.toString('utf8')).toContain(exported.value.digest);
    // Deleted once the last byte has gone, which may be just after the browser has it.
    await vi.waitFor(() => {
      expect(readdirSync(uploadDir)).toEqual([]);
    });
    expect((await post(server, `download?id=${target.value.id}`)).status).toBe(404);
    expect((await fetch(`${server.origin}/api/download?id=${target.value.id}`, { method: 'POST' })).status).toBe(401);
  });

  it('refuses to export to a place made for another format, and deletes the place when the export fails', async () => {
    const { server, api, uploadDir } = await start({ withReview: true });
    const pdf = (await (await post(server, 'export-target?format=pdf')).json()) as { ok: true; value: { id: string } };
    expect(await (await api('log:export', { format: 'csv', out: pdf.value.id })).json()).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'out', message: 'out: that place was made for a PDF export, not CSV' },
    });
    expect(await (await api('log:export', { format: 'pdf', out: pdf.value.id, team: 'N99Z99' })).json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it('verifies an uploaded file, once, by a safe export name only; the answer names the file, not where the host kept it', async () => {
    const { server, api, uploadDir } = await start({ withReview: true });
    for (const name of ['../log.csv', 'log.exe', 'a/log.pdf', '']) {
      const res = await fetch(`${server.origin}/api/verify-upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: 'x' });
      expect(res.status, name).toBe(400);
    }
    expect(isExportName('oversight-log-2026-11-20 (1).pdf')).toBe(true);
    const target = (await (await post(server, 'export-target?format=csv')).json()) as { ok: true; value: { id: string } };
    await api('log:export', { format: 'csv', out: target.value.id });
    const exported = Buffer.from(await (await post(server, `download?id=${target.value.id}`)).arrayBuffer());

    const intact = await verifyUpload(server, 'log.csv', exported);
    expect(existsSync(join(uploadDir, intact))).toBe(true);
    expect(await (await api('log:verify', { path: intact })).json()).toMatchObject({ ok: true, value: { intact: true } });
    expect(existsSync(join(uploadDir, intact))).toBe(false);
    expect((await api('log:verify', { path: intact })).status).toBe(400);

    const against = await verifyUpload(server, 'received.csv', exported);
    const chain = (await (await api('audit:verify', { against })).json()) as { ok: true; value: { intact: boolean; against: { path: string } } };
    expect(chain.value).toMatchObject({ intact: true, against: { path: 'received.csv' } });

    const broken = await verifyUpload(server, 'broken.csv', 'not an export');
    const refused = (await (await api('audit:verify', { against: broken })).json()) as { ok: false; error: { message: string } };
    expect(refused.error.message).toMatch(/^against: broken\.csv is not an intact export/);
    expect([against, broken].filter((id) => existsSync(join(uploadDir, id)))).toEqual([]);
  });

  it('deletes what it still holds when it closes', async () => {
    const { server, uploadDir } = await start();
    await uploadExtract(server, minimalExtract());
    await verifyUpload(server, 'log.csv', 'x');
    await post(server, 'export-target?format=csv');
    expect(readdirSync(uploadDir)).toHaveLength(3);
    await server.close();
    expect(readdirSync(uploadDir)).toEqual([]);
  });
});
