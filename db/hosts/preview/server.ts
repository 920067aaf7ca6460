import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assetHeaders, loadAsset } from '../renderer-assets.js';
import { exportFormats, type ErrorCode, type Result } from '../../contract/index.js';
import { londonToday } from '../../contract/dates.js';
import { isOperation, type HostCall } from '../../service/host-call.js';

export interface PreviewOptions {
  call: HostCall;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Where uploaded extracts go, one folder per upload; the caller removes it at exit. */
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
 * The preview host: the built renderer and the contract over HTTP, for a browser on this computer.
 * Bound to 127.0.0.1 only; every API call needs the session token (401 otherwise), which only
 * the one-time start-up code in the printed address gets, once; a Host or
 * Origin other than this server's own is refused (403), so a web page cannot reach it through DNS
 * rebinding. POST /api/<op> answers exactly the Result the Electron IPC answers.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const expected = Buffer.from(`Bearer ${token}`);
  const batches = new Set<string>();
  /** Exports this host made room for, by id: the page downloads them once the export is written. */
  const exportsById = new Map<string, { path: string; name: string; format: (typeof exportFormats)[number] }>();
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

  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = url.searchParams.get('name') ?? '';
    if (!isUploadName(name)) throw new HttpError(400, fail('invalid-input', `${name || 'the file'} is not a CSV file name the import accepts`, 'name'));
    let batch = url.searchParams.get('batch');
    if (batch === null) {
      batch = randomBytes(8).toString('hex');
      await mkdir(join(options.uploadDir, batch), { recursive: true });
      batches.add(batch);
    } else if (!batches.has(batch)) {
      throw new HttpError(404, fail('not-found', 'no such upload', 'batch'));
    }
    const file = join(options.uploadDir, batch, name);
    await receive(req, file, name);
    send(res, 200, { ok: true, value: { batch, path: join(options.uploadDir, batch) } });
  }

  /** Where log:export may write for this page: a fresh file in the host's own folder. */
  async function exportTarget(res: ServerResponse, url: URL): Promise<void> {
    const format = exportFormats.find((f) => f === url.searchParams.get('format'));
    if (!format) throw new HttpError(400, fail('invalid-input', 'format must be csv, pdf or json', 'format'));
    const id = randomBytes(8).toString('hex');
    const dir = join(options.uploadDir, `export-${id}`);
    await mkdir(dir, { recursive: true });
    const name = `oversight-log-${londonToday(new Date())}.${format}`;
    const path = join(dir, name);
    exportsById.set(id, { path, name, format });
    send(res, 200, { ok: true, value: { id, path } });
  }

  /** The written export, as a download; only ids this host handed out. */
  async function download(res: ServerResponse, url: URL): Promise<void> {
    const target = exportsById.get(url.searchParams.get('id') ?? '');
    if (!target) throw new HttpError(404, fail('not-found', 'no such export', 'id'));
    const size = await stat(target.path).then(
      (st) => st.size,
      () => {
        throw new HttpError(404, fail('not-found', 'the export has not been written', 'id'));
      },
    );
    res.writeHead(200, {
      ...assetHeaders,
      'Content-Type': contentTypes[target.format],
      'Content-Length': String(size),
      'Content-Disposition': `attachment; filename="${target.name}"`,
    });
    await pipeline(createReadStream(target.path), res);
  }

  /** A file to verify, saved to its own folder; answers its path for log:verify. */
  async function verifyUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = url.searchParams.get('name') ?? '';
    if (!isExportName(name)) throw new HttpError(400, fail('invalid-input', `${name || 'the file'} is not a .csv, .pdf or .json file`, 'name'));
    const dir = join(options.uploadDir, `verify-${randomBytes(8).toString('hex')}`);
    await mkdir(dir, { recursive: true });
    const file = join(dir, name);
    await receive(req, file, name);
    send(res, 200, { ok: true, value: { path: file } });
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
      await pipeline(req, limit, createWriteStream(file));
    } catch (e) {
      await rm(file, { force: true });
      throw e instanceof HttpError ? e : new HttpError(500, fail('io', `${name} could not be saved`));
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
    const input = await readJson(req);
    if ((req.headers.accept ?? '').includes('application/x-ndjson')) {
      // Progress as it happens, then the Result: one JSON document per line.
      res.writeHead(200, { ...assetHeaders, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
      const result = await options.call(name, input, (progress) => res.write(`${JSON.stringify({ progress })}\n`));
      res.end(`${JSON.stringify({ result })}\n`);
      return;
    }
    send(res, 200, await options.call(name, input));
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
