import { describe, expect, it } from 'vitest';
import type { DesktopBridge, OperationBridge } from '../../db/contract/index.js';
import { browserClient, connect, desktopClient, previewToken, type TokenWindow } from './client.js';

const token = 'a'.repeat(64);

function fakeWindow(hash: string): TokenWindow & { stored: Map<string, string>; replaced: string[] } {
  const stored = new Map<string, string>();
  const replaced: string[] = [];
  return {
    stored,
    replaced,
    location: { hash, pathname: '/', search: '' },
    sessionStorage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v) },
    history: { replaceState: (_d, _t, url) => void replaced.push(String(url)) },
  };
}

function recordingFetch(answers: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(answers(url, init));
  };
  return { calls, fetchFn };
}

describe('the preview token', () => {
  const code = 'c'.repeat(64);

  it('comes from exchanging the one-time code in the fragment, which leaves the address bar first; the token is kept for the tab', async () => {
    const win = fakeWindow(`#code=${code}`);
    const { calls, fetchFn } = recordingFetch(() => Response.json({ ok: true, value: { token } }));
    expect(await previewToken(win, fetchFn)).toBe(token);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/api/session');
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual({ code });
    expect(win.replaced).toEqual(['/']);
    expect(win.stored.get('spo-preview-token')).toBe(token);
  });

  it('survives a reload from the tab’s storage, even when the spent code is refused', async () => {
    const win = fakeWindow(`#code=${code}`);
    win.stored.set('spo-preview-token', token);
    const refused = recordingFetch(() => Response.json({ ok: false, error: { code: 'forbidden', message: 'opened already' } }, { status: 401 }));
    expect(await previewToken(win, refused.fetchFn)).toBe(token);
    const none = recordingFetch(() => Response.json({}));
    const reloaded = fakeWindow('');
    reloaded.stored.set('spo-preview-token', token);
    expect(await previewToken(reloaded, none.fetchFn)).toBe(token);
    expect(none.calls).toEqual([]);
  });

  it('is empty with no code and nothing stored, and a token put in the fragment is never taken', async () => {
    const { calls, fetchFn } = recordingFetch(() => Response.json({ ok: true, value: { token } }));
    expect(await previewToken(fakeWindow(`#token=${token}`), fetchFn)).toBe('');
    expect(await previewToken(fakeWindow('#code=short'), fetchFn)).toBe('');
    expect(calls).toEqual([]);
  });

  it('waits for the exchange before the first call, and sends the token it got', async () => {
    const { calls, fetchFn } = recordingFetch((url) => (url === '/api/session' ? Response.json({ ok: true, value: { token } }) : Response.json({ ok: true, value: 1 })));
    const client = browserClient(previewToken(fakeWindow(`#code=${code}`), fetchFn), fetchFn);
    await client.call('caseload:summary', {});
    expect(calls.map((c) => c.url)).toEqual(['/api/session', '/api/caseload:summary']);
    expect(calls[1]?.init.headers).toMatchObject({ authorization: `Bearer ${token}` });
  });
});

describe('the browser client', () => {
  it('posts the input to /api/<op> with the token and answers the host’s Result', async () => {
    const { calls, fetchFn } = recordingFetch(() => Response.json({ ok: true, value: { casesInCaseload: 3 } }));
    const result = await browserClient(token, fetchFn).call('caseload:summary', {});
    expect(result).toEqual({ ok: true, value: { casesInCaseload: 3 } });
    expect(calls[0]?.url).toBe('/api/caseload:summary');
    expect(calls[0]?.init.headers).toMatchObject({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  });

  it('hears progress line by line, then the Result', async () => {
    const lines = [{ progress: { phase: 'reading cases.csv', done: 1, total: 2 } }, { progress: { phase: 'committing', done: 2, total: 2 } }, { result: { ok: true, value: 'done' } }];
    const body = lines.map((l) => JSON.stringify(l)).join('\n');
    // Split mid-line, as a network would.
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        const bytes = new TextEncoder().encode(`${body}\n`);
        c.enqueue(bytes.slice(0, 20));
        c.enqueue(bytes.slice(20));
        c.close();
      },
    });
    const { fetchFn } = recordingFetch(() => new Response(stream, { headers: { 'content-type': 'application/x-ndjson' } }));
    const phases: string[] = [];
    const result = await browserClient(token, fetchFn).call('import:commit', { paths: ['/x'] }, (p) => phases.push(p.phase));
    expect(phases).toEqual(['reading cases.csv', 'committing']);
    expect(result).toEqual({ ok: true, value: 'done' });
  });

  it('turns an unreachable host into a Result the screen can show', async () => {
    const client = browserClient(token, () => Promise.reject(new Error('connection refused')));
    expect(await client.call('caseload:summary', {})).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringContaining('connection refused') as string } });
  });

  it('uploads the chosen files under one id, which the import takes in place of a path', async () => {
    const { calls, fetchFn } = recordingFetch(() => Response.json({ ok: true, value: { id: 'b1' } }));
    const files = [new File(['a'], 'cases.csv'), new File(['b'], 'contacts.csv')];
    expect(await browserClient(token, fetchFn).uploadExtract(files)).toEqual({ ok: true, value: { paths: ['b1'] } });
    expect(calls.map((c) => c.url)).toEqual(['/api/upload?name=cases.csv', '/api/upload?name=contacts.csv&id=b1']);
  });

  it('uploads the file to verify and answers its id for log:verify', async () => {
    const { calls, fetchFn } = recordingFetch(() => Response.json({ ok: true, value: { id: 'v1' } }));
    const client = browserClient(token, fetchFn);
    expect(await client.chooseFileToVerify(new File(['x'], 'log (1).csv'))).toEqual({ ok: true, value: { path: 'v1' } });
    expect(await client.chooseFileToVerify()).toEqual({ ok: true, value: null });
    expect(calls.map((c) => c.url)).toEqual(['/api/verify-upload?name=log%20(1).csv']);
  });
});

describe('exports in the browser', () => {
  it('asks the host where to write, then downloads that file under the name the host gives', async () => {
    const { calls, fetchFn } = recordingFetch((url) =>
      url.startsWith('/api/export-target')
        ? Response.json({ ok: true, value: { id: 'e1' } })
        : new Response('%PDF-1.7', { headers: { 'content-disposition': 'attachment; filename="oversight-log-2026-11-20.pdf"' } }),
    );
    const saved: { name: string; text: string }[] = [];
    const client = browserClient(token, fetchFn, (blob, name) => {
      void blob.text().then((text) => saved.push({ name, text }));
    });
    expect(await client.chooseExportTarget('pdf')).toEqual({ ok: true, value: { path: 'e1' } });
    expect(await client.deliverExport('e1')).toEqual({ ok: true, value: null });
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).toEqual([{ name: 'oversight-log-2026-11-20.pdf', text: '%PDF-1.7' }]);
    expect(calls.map((c) => c.url)).toEqual(['/api/export-target?format=pdf', '/api/download?id=e1']);
  });

  it("answers the host's refusal of an export it does not hold, and saves nothing", async () => {
    const { fetchFn } = recordingFetch(() => Response.json({ ok: false, error: { code: 'not-found', message: 'no such export: export the log again' } }, { status: 404 }));
    const saved: string[] = [];
    const client = browserClient(token, fetchFn, (_blob, name) => saved.push(name));
    expect(await client.deliverExport('e1')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(saved).toEqual([]);
  });
});

describe('connecting', () => {
  it('uses the Electron bridge when the preload has exposed it, the preview host otherwise', async () => {
    const operations = { 'caseload:summary': () => Promise.resolve({ ok: true, value: 'from the bridge' }) } as unknown as OperationBridge;
    const bridge: DesktopBridge = {
      operations,
      chooseExtractFolder: () => Promise.resolve({ ok: true, value: null }),
      chooseExportFile: () => Promise.resolve({ ok: true, value: null }),
      chooseFileToVerify: () => Promise.resolve({ ok: true, value: null }),
      onMenuCommand: () => () => undefined,
    };
    const desktop = connect({ ...fakeWindow(''), spoOversight: bridge });
    expect(desktop.host).toBe('desktop');
    expect(await desktop.call('caseload:summary', {})).toEqual({ ok: true, value: 'from the bridge' });
    expect(connect(fakeWindow('')).host).toBe('browser');
    expect(desktopClient(bridge).host).toBe('desktop');
  });
});
