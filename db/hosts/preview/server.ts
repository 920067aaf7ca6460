import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assetHeaders, loadAsset } from '../renderer-assets.js';
import { expectedExtension, exportFormats, inputs, mapPaths, type ErrorCode, type ExportFormat, type PathValue, type Result } from '../../contract/index.js';
import { londonToday } from '../../contract/dates.js';
import { isOperation, type HostCall } from '../../service/host-call.js';

export interface PreviewOptions {
  call: HostCall;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /**
   * This run's private folder (temp-dir.ts) for uploads and exports on their way to the browser,
   * one folder each; each is removed once used, and the caller removes the whole at exit.
   */
  uploadDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Random per launch unless a test gives one. */
  token?: string;
  /** Per uploaded file; above the import's own 200 MB limit so the import can say why. */
  maxUploadBytes?: number;
}

export interface PreviewServer {
  origin: string;
  /** The session token; the page gets it by exchanging the start-up code, never from the URL. */
  token: string;
  /**
   * The address to open: a one-time start-up code rides in the fragment (which browsers never send
   * to a server). The page exchanges it once for the session token (POST /api/session); the code
   * is then spent, so the address in a launcher's argument list or the shell history opens nothing.
   */
  url: string;
  close(): Promise<void>;
}

const maxJsonBytes = 1024 * 1024;
const fail = (code: ErrorCode, message: string, field?: string): Result<never> => ({ ok: false, error: { code, message, ...(field ? { field } : {}) } });

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly result: Result<never>,
  ) {
    super(result.ok ? '' : result.error.message);
  }
}

function send(res: ServerResponse, status: number, result: Result<unknown>): void {
  res.writeHead(status, { ...assetHeaders, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(result));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new HttpError(415, fail('invalid-input', 'send the input as application/json'));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxJsonBytes) throw new HttpError(413, fail('invalid-input', 'the input is over 1 MB'));
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, fail('invalid-input', 'the input is not JSON'));
  }
}

/** A file name as the browser gives it: no folders, no traversal, a .csv the import will read. */
export function isUploadName(name: string): boolean {
  return /^[\w][\w ().,-]{0,200}\.csv$/i.test(name) && !name.includes('..');
}

/** An exported log someone wants verified: a .csv, .pdf or .json, named as safely as an upload. */
export function isExportName(name: string): boolean {
  return /^[\w][\w ().,-]{0,200}\.(csv|pdf|json)$/i.test(name) && !name.includes('..');
}

const contentTypes = { csv: 'text/csv; charset=utf-8', pdf: 'application/pdf', json: 'application/json; charset=utf-8' } as const;

/**
 * A file or folder the host holds for the page, by id: the page names it by that id in a path
 * field, never by a path, so nothing it sends can point the service at another file.
 */
type Held =
  /** An extract's CSV files, for import:preview and import:commit. */
  | { kind: 'extract'; dir: string; path: string; name: string }
  /** An exported file to verify, for log:verify or audit:verify's against; read once. */
  | { kind: 'file'; dir: string; path: string; name: string }
  /** Where log:export writes, then downloaded once. */
  | { kind: 'export'; dir: string; path: string; name: string; format: ExportFormat; written: boolean };

/** What each kind of path field takes: a read of the extract, a read of one file, a write. */
const kindFor = (p: PathValue): Held['kind'] => (p.spec.access === 'write' ? 'export' : p.spec.kind === 'folder-or-files' ? 'extract' : 'file');
const heldId = /^[0-9a-f]{32}$/;

/**
 * The preview host: the built renderer and the contract over HTTP, for a browser on this computer.
 * Bound to 127.0.0.1 only; every API call needs the session token (401 otherwise), which only
 * the one-time start-up code in the printed address gets, once; a Host or
 * Origin other than this server's own is refused (403), so a web page cannot reach it through DNS
 * rebinding. POST /api/<op> answers exactly the Result the Electron IPC answers, except that no
 * call names a file on this computer: files come up as uploads and go down as downloads, and a
 * path field carries the id of one (the database is the one named at start, and no call names another).
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const expected = Buffer.from(`Bearer ${token}`);
  const held = new Map<string, Held>();
  const maxUpload = options.maxUploadBytes ?? 256 * 1024 * 1024;
  let origin = '';

  const authorised = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  /** Start-up codes not yet exchanged: the launch's own, and any an authorised caller asked for. */
  const codes = new Set<string>();
  const newCode = () => {
    const code = randomBytes(32).toString('hex');
    codes.add(code);
    return code;
  };
  const startCode = newCode();

  /** A fresh private folder for one upload or export, and its id. */
  async function makeRoom(): Promise<{ id: string; dir: string }> {
    const id = randomBytes(16).toString('hex');
    const dir = join(options.uploadDir, id);
    await mkdir(dir, { mode: 0o700 });
    return { id, dir };
  }

  /** Forgets a held file and deletes it: used, downloaded, or no longer wanted. */
  async function release(id: string): Promise<void> {
    const h = held.get(id);
    held.delete(id);
    if (h) await rm(h.dir, { recursive: true, force: true });
  }

  /** Exchanges a start-up code, once, for the session token. */
  async function session(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, fail('invalid-input', 'use POST'));
    const body = await readJson(req);
    const code = typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string' ? body.code : '';
    if (!codes.delete(code)) {
      throw new HttpError(401, fail('forbidden', 'This address has been opened already, or was never valid. Start the preview again for a new one.'));
    }
    send(res, 200, { ok: true, value: { token } });
  }

  /** One of an extract's CSV files; the first starts an upload, the rest name its id. */
  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = url.searchParams.get('name') ?? '';
    if (!isUploadName(name)) throw new HttpError(400, fail('invalid-input', `${name || 'the file'} is not a CSV file name the import accepts`, 'name'));
    let id = url.searchParams.get('id');
    let extract = id === null ? undefined : held.get(id);
    if (id === null) {
      const room = await makeRoom();
      id = room.id;
      extract = { kind: 'extract', dir: room.dir, path: room.dir, name: 'the uploaded extract' };
      held.set(id, extract);
    } else if (extract?.kind !== 'extract') {
      throw new HttpError(404, fail('not-found', 'no such upload: choose the files again', 'id'));
    }
    try {
      await receive(req, join(extract.dir, name), name);
    } catch (e) {
      // A file refused spoils the extract: the page starts again with a fresh choice.
      await release(id);
      throw e;
    }
    send(res, 200, { ok: true, value: { id } });
  }

  /** Room for log:export to write one file of `format`; the page names it by id as `out`. */
  async function exportTarget(res: ServerResponse, url: URL): Promise<void> {
    const format = exportFormats.find((f) => f === url.searchParams.get('format'));
    if (!format) throw new HttpError(400, fail('invalid-input', 'format must be csv, pdf or json', 'format'));
    const { id, dir } = await makeRoom();
    const name = `oversight-log-${londonToday(new Date())}.${format}`;
    held.set(id, { kind: 'export', dir, path: join(dir, name), name, format, written: false });
    send(res, 200, { ok: true, value: { id } });
  }

  /** The written export, as a download, once: its file is deleted as soon as it has been sent. */
  async function download(res: ServerResponse, url: URL): Promise<void> {
    const id = url.searchParams.get('id') ?? '';
    const target = held.get(id);
    if (target?.kind !== 'export') throw new HttpError(404, fail('not-found', 'no such export: export the log again', 'id'));
    if (!target.written) throw new HttpError(404, fail('not-found', 'the export has not been written', 'id'));
    const { size } = await stat(target.path);
    res.writeHead(200, {
      ...assetHeaders,
      'Content-Type': contentTypes[target.format],
      'Content-Length': String(size),
      'Content-Disposition': `attachment; filename="${target.name}"`,
    });
    try {
      await pipeline(createReadStream(target.path), res);
    } finally {
      await release(id);
    }
  }

  /** A file to verify, held under an id for log:verify's path or audit:verify's against. */
  async function verifyUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = url.searchParams.get('name') ?? '';
    if (!isExportName(name)) throw new HttpError(400, fail('invalid-input', `${name || 'the file'} is not a .csv, .pdf or .json file`, 'name'));
    const { id, dir } = await makeRoom();
    const path = join(dir, name);
    held.set(id, { kind: 'file', dir, path, name });
    try {
      await receive(req, path, name);
    } catch (e) {
      await release(id);
      throw e;
    }
    send(res, 200, { ok: true, value: { id } });
  }

  async function receive(req: IncomingMessage, file: string, name: string): Promise<void> {
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(size > maxUpload ? new HttpError(413, fail('invalid-input', `${name} is over the ${String(maxUpload / 1024 / 1024)} MB upload limit`, 'name')) : null, chunk);
      },
    });
    try {
      // wx: a name sent twice in one upload is refused rather than silently replaced.
      await pipeline(req, limit, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    } catch (e) {
      await rm(file, { force: true });
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new HttpError(409, fail('conflict', `${name} is in this upload already`, 'name'));
      throw e instanceof HttpError ? e : new HttpError(500, fail('io', `${name} could not be saved`));
    }
  }

  /**
   * The input with each path field's id replaced by the file it names. A path, or an id of the
   * wrong kind, is refused: over HTTP a file is uploaded, never named.
   */
  function resolvePaths(op: keyof typeof inputs, input: unknown): { input: unknown; used: [string, Held][] } {
    const schema = inputs[op];
    const parsed = schema.safeParse(input);
    const used: [string, Held][] = [];
    const refused: HttpError[] = [];
    const mapped = mapPaths(schema, input, (p) => {
      const h = held.get(p.value);
      const problem = refusal(p, h, parsed.success ? expectedExtension(p.spec, parsed.data) : undefined);
      if (h && problem === null) {
        used.push([p.value, h]);
        return h.path;
      }
      refused.push(new HttpError(400, fail('invalid-input', `${p.field}: ${problem ?? ''}`, p.field)));
      return p.value;
    });
    if (refused[0]) throw refused[0];
    return { input: mapped, used };
  }

  /** Why a path field's value cannot be used, in words for the page; null when it names a held file that fits. */
  function refusal(p: PathValue, h: Held | undefined, ext: string | undefined): string | null {
    if (!heldId.test(p.value)) return 'the preview takes no file paths; choose the file in the page, which uploads it';
    if (!h) return 'that upload has been used already, or the preview was restarted; choose the file again';
    if (h.kind !== kindFor(p)) return 'that upload is not one this field takes';
    if (h.kind === 'export' && h.written) return 'that export has been written already; export the log again';
    if (h.kind === 'export' && ext !== undefined && h.format !== ext) return `that place was made for a ${h.format.toUpperCase()} export, not ${ext.toUpperCase()}`;
    return null;
  }

  /** What the page may see of an answer: the host's own folders read as the names the user knows. */
  function scrub<T>(value: T, used: readonly [string, Held][]): T {
    const replacements: [string, string][] = [...used.map(([, h]): [string, string] => [h.path, h.name]), [options.uploadDir, 'the preview’s uploads']];
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return replacements.reduce((s, [from, to]) => s.split(from).join(to), v);
      if (Array.isArray(v)) return v.map(walk);
      if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return walk(value) as T;
  }

  /** After a call: a file read is done with; an export is kept for its download; an imported extract is done with. */
  async function settle(op: string, ok: boolean, used: readonly [string, Held][]): Promise<void> {
    for (const [id, h] of used) {
      if (h.kind === 'file') await release(id);
      else if (h.kind === 'export') {
        if (ok) h.written = true;
        else await release(id);
      } else if (op === 'import:commit' && ok) await release(id);
    }
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/api/session') return session(req, res);
    if (!authorised(req)) throw new HttpError(401, fail('forbidden', 'missing or wrong token: open the address the preview printed'));
    if (req.method !== 'POST') throw new HttpError(405, fail('invalid-input', 'use POST'));
    const name = url.pathname.slice('/api/'.length);
    // Another one-time code, for a second window or a test's browser: only for a token holder.
    if (name === 'session-code') {
      send(res, 200, { ok: true, value: { code: newCode() } });
      return;
    }
    if (name === 'upload') return upload(req, res, url);
    if (name === 'export-target') return exportTarget(res, url);
    if (name === 'download') return download(res, url);
    if (name === 'verify-upload') return verifyUpload(req, res, url);
    if (!isOperation(name)) throw new HttpError(404, fail('not-found', `unknown operation: ${name}`));
    const { input, used } = resolvePaths(name, await readJson(req));
    if ((req.headers.accept ?? '').includes('application/x-ndjson')) {
      // Progress as it happens, then the Result: one JSON document per line.
      res.writeHead(200, { ...assetHeaders, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
      const result = await options.call(name, input, (progress) => res.write(`${JSON.stringify({ progress: scrub(progress, used) })}\n`));
      await settle(name, result.ok, used);
      res.end(`${JSON.stringify({ result: scrub(result, used) })}\n`);
      return;
    }
    const result = await options.call(name, input);
    await settle(name, result.ok, used);
    send(res, 200, scrub(result, used));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== new URL(origin).host) throw new HttpError(403, fail('forbidden', 'wrong Host: the preview answers only its own address'));
    if (req.headers.origin !== undefined && req.headers.origin !== origin) throw new HttpError(403, fail('forbidden', 'wrong Origin'));
    const raw = req.url ?? '/';
    const path = raw.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) return api(req, res, new URL(raw, origin));
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, fail('invalid-input', 'use GET'));
    const asset = await loadAsset(path, options.rendererDir);
    res.writeHead(asset.status, asset.headers);
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) send(res, e.status, e.result);
      else {
        console.error('[spo-oversight preview]', e);
        send(res, 500, fail('internal', 'the preview host failed; the details are in its log'));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    origin,
    token,
    url: `${origin}/#code=${startCode}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      });
      await Promise.all([...held.keys()].map(release));
    },
  };
}
