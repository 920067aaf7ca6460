// The one module that talks to a host: the Electron preload's bridge, or the preview host over
// HTTP. Everything else in the renderer calls the service through the Client it returns.
import {
  bridgeName,
  type DesktopBridge,
  type ExportFormat,
  type InputOf,
  type MenuCommand,
  type Operation,
  type OpError,
  type Progress,
  type Result,
  type ResultOf,
} from '../../db/contract/index.js';

export interface Client {
  /** desktop: the Electron window; browser: the preview host. The import screen differs. */
  readonly host: 'desktop' | 'browser';
  call<O extends Operation>(op: O, input: InputOf<O>, onProgress?: (p: Progress) => void): Promise<Result<ResultOf<O>>>;
  /** Desktop only: the native folder dialog; `null` when the user cancels. */
  chooseExtractFolder: () => Promise<Result<{ paths: string[] } | null>>;
  /**
   * Browser only: the chosen files, uploaded to the preview host. `paths` holds the id it keeps
   * them under, which the import ops take in place of a path: over HTTP no call names a file.
   */
  uploadExtract: (files: readonly File[]) => Promise<Result<{ paths: string[] }>>;
  /**
   * What `log:export` takes as `out`: the file picked in the native save dialog (desktop; `null`
   * when cancelled), or the id of a place the preview host made for the export (browser).
   */
  chooseExportTarget: (format: ExportFormat) => Promise<Result<{ path: string } | null>>;
  /** Browser: downloads the export written to `target`; desktop: nothing to do, the file is where the user chose. */
  deliverExport: (target: string) => Promise<Result<null>>;
  /**
   * What `log:verify` takes as `path`: the file picked in the native open dialog (desktop), or
   * the id of the file the user picked, uploaded (browser).
   */
  chooseFileToVerify: (file?: File) => Promise<Result<{ path: string } | null>>;
  /** Commands from the application menu (desktop); returns the unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

const failure = (code: OpError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

export function desktopClient(bridge: DesktopBridge): Client {
  return {
    host: 'desktop',
    call: (op, input, onProgress) => bridge.operations[op](input, onProgress),
    chooseExtractFolder: () => bridge.chooseExtractFolder(),
    uploadExtract: () => Promise.resolve(failure('invalid-input', 'the desktop app reads the extract folder directly')),
    chooseExportTarget: (format) => bridge.chooseExportFile(format),
    deliverExport: () => Promise.resolve({ ok: true, value: null }),
    chooseFileToVerify: () => bridge.chooseFileToVerify(),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Saves a blob as a download under `name`: the browser's own save flow. */
export type SaveBlob = (blob: Blob, name: string) => void;

const saveWithAnchor: SaveBlob = (blob, name) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download by now; the URL is only needed until then.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
};

function isResult(x: unknown): x is Result<unknown> {
  return typeof x === 'object' && x !== null && 'ok' in x && typeof x.ok === 'boolean';
}

/** The preview host: POST /api/<op> with the launch's token; progress streams as NDJSON lines. */
export function browserClient(token: string | Promise<string>, fetchFn: Fetch = (url, init) => fetch(url, init), saveBlob: SaveBlob = saveWithAnchor): Client {
  // The token may still be on its way (the start-up code's exchange): every call waits for it.
  const auth = async () => ({ authorization: `Bearer ${await token}` });
  const unreachable = (e: unknown) => failure('io', `The preview host did not answer (${e instanceof Error ? e.message : String(e)}). Is it still running?`);

  async function readResult(res: Response): Promise<Result<unknown>> {
    const body: unknown = await res.json().catch(() => null);
    return isResult(body) ? body : failure('internal', `The preview host answered ${String(res.status)} without a result`);
  }

  async function readStream(res: Response, onProgress: (p: Progress) => void): Promise<Result<unknown>> {
    if (!res.body || !(res.headers.get('content-type') ?? '').includes('ndjson')) return readResult(res);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    let result: Result<unknown> | null = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffered += value;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        const message = JSON.parse(line) as { progress?: Progress; result?: unknown };
        if (message.progress) onProgress(message.progress);
        if (isResult(message.result)) result = message.result;
      }
      if (done) break;
    }
    return result ?? failure('internal', 'The preview host ended the answer without a result');
  }

  return {
    host: 'browser',
    call: async (op, input, onProgress) => {
      try {
        const res = await fetchFn(`/api/${op}`, {
          method: 'POST',
          headers: { ...(await auth()), 'content-type': 'application/json', accept: onProgress ? 'application/x-ndjson' : 'application/json' },
          body: JSON.stringify(input),
        });
        // The host answers the service's own Result, which the contract types.
        return (await (onProgress ? readStream(res, onProgress) : readResult(res))) as Result<ResultOf<typeof op>>;
      } catch (e) {
        return unreachable(e);
      }
    },
    chooseExtractFolder: () => Promise.resolve(failure('invalid-input', 'the browser preview uploads files instead')),
    uploadExtract: async (files) => {
      let id: string | undefined;
      try {
        for (const file of files) {
          const query = new URLSearchParams({ name: file.name, ...(id ? { id } : {}) });
          const res = await fetchFn(`/api/upload?${query.toString()}`, {
            method: 'POST',
            headers: { ...(await auth()), 'content-type': 'application/octet-stream' },
            body: file,
          });
          const result = (await readResult(res)) as Result<{ id: string }>;
          if (!result.ok) return result;
          ({ id } = result.value);
        }
      } catch (e) {
        return unreachable(e);
      }
      return id ? { ok: true, value: { paths: [id] } } : failure('invalid-input', 'Choose at least one CSV file');
    },
    chooseExportTarget: async (format) => {
      try {
        const res = await fetchFn(`/api/export-target?format=${format}`, { method: 'POST', headers: await auth() });
        const result = (await readResult(res)) as Result<{ id: string }>;
        return result.ok ? { ok: true, value: { path: result.value.id } } : result;
      } catch (e) {
        return unreachable(e);
      }
    },
    deliverExport: async (target) => {
      try {
        // Once: the host deletes its copy as it sends it.
        const res = await fetchFn(`/api/download?id=${encodeURIComponent(target)}`, { method: 'POST', headers: await auth() });
        if (!res.ok) return (await readResult(res)) as Result<never>;
        const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'oversight-log';
        saveBlob(await res.blob(), name);
        return { ok: true, value: null };
      } catch (e) {
        return unreachable(e);
      }
    },
    chooseFileToVerify: async (file) => {
      if (!file) return { ok: true, value: null };
      try {
        const res = await fetchFn(`/api/verify-upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { ...(await auth()), 'content-type': 'application/octet-stream' },
          body: file,
        });
        const result = (await readResult(res)) as Result<{ id: string }>;
        return result.ok ? { ok: true, value: { path: result.value.id } } : result;
      } catch (e) {
        return unreachable(e);
      }
    },
    onMenuCommand: () => () => undefined,
  };
}

/**
 * The preview's session token. The printed address carries a one-time start-up code in its
 * fragment (never sent to a server, never logged): it is taken out of the address bar at once and
 * exchanged, once, for the token, which is kept for this tab only (a reload finds it there).
 */
export interface TokenWindow {
  location: { hash: string; pathname: string; search: string };
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState'>;
}

const TOKEN_KEY = 'spo-preview-token';

export async function previewToken(win: TokenWindow, fetchFn: Fetch = (url, init) => fetch(url, init)): Promise<string> {
  const code = /(?:^#|&)code=([0-9a-f]{64})(?:&|$)/.exec(win.location.hash)?.[1];
  if (code) {
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    try {
      const res = await fetchFn('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      const body: unknown = await res.json().catch(() => null);
      if (isResult(body) && body.ok && typeof body.value === 'object' && body.value !== null && 'token' in body.value && typeof body.value.token === 'string') {
        win.sessionStorage.setItem(TOKEN_KEY, body.value.token);
        return body.value.token;
      }
    } catch {
      // The host did not answer: the tab's own token, if it has one, is all there is.
    }
  }
  // A spent code (a reload of the first address) falls back to this tab's token; with none, the
  // host refuses every call and the page says to open the address the preview printed.
  return win.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Picks the host the page is running in. */
export function connect(win: TokenWindow & { [bridgeName]?: DesktopBridge }): Client {
  const bridge = win[bridgeName];
  if (bridge) return desktopClient(bridge);
  return browserClient(previewToken(win));
}
