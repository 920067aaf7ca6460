import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { appScheme } from './protocol.js';
import { appOrigin } from './security.js';

// main.ts imports Electron and so cannot run here; its wiring is read from the source instead,
// with the TypeScript parser, so these checks see calls rather than text that merely looks like them.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const mainSource = readFileSync(here('./main.ts'), 'utf8');
const main = ts.createSourceFile('main.ts', mainSource, ts.ScriptTarget.Latest, true);

function nodes(root: ts.Node = main): ts.Node[] {
  const all: ts.Node[] = [];
  const visit = (n: ts.Node) => {
    all.push(n);
    n.forEachChild(visit);
  };
  visit(root);
  return all;
}

const calls = (root?: ts.Node) => nodes(root).filter(ts.isCallExpression);
/** The callee as written, e.g. "app.on", "win.loadURL", "guardContents". */
const callee = (c: ts.CallExpression) => c.expression.getText(main);
const callsTo = (name: RegExp, root?: ts.Node) => calls(root).filter((c) => name.test(callee(c)));
const isTopLevel = (n: ts.Node) => ts.isSourceFile(n.parent.parent) || ts.isSourceFile(n.parent);

describe('the main process wiring (main.ts)', () => {
  it('loads the window only from app://renderer, never a file:// page or a remote one', () => {
    expect(appOrigin).toBe('app://renderer');
    expect(appScheme.privileges.secure).toBe(true);
    const loads = callsTo(/\.(loadURL|loadFile)$/);
    expect(loads.map(callee)).toEqual(['win.loadURL']);
    expect(loads[0]?.arguments[0]?.getText(main)).toBe('`${appOrigin}/index.html`');
    expect(mainSource).not.toMatch(/file:|https?:\/\//);
  });

  it('registers app:// as a standard, secure scheme and turns the sandbox on for every renderer, before ready', () => {
    const [register] = callsTo(/^protocol\.registerSchemesAsPrivileged$/);
    expect(register?.arguments[0]?.getText(main)).toBe('[appScheme]');
    const [sandbox] = callsTo(/^app\.enableSandbox$/);
    expect(register && isTopLevel(register)).toBe(true);
    expect(sandbox && isTopLevel(sandbox)).toBe(true);
  });

  it('creates every window with the hardened options from window-options.ts', () => {
    const windows = nodes().filter(ts.isNewExpression).filter((n) => n.expression.getText(main) === 'BrowserWindow');
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) {
      const [options] = w.arguments ?? [];
      expect(options && ts.isCallExpression(options) && callee(options)).toBe('windowOptions');
    }
  });

  it('guards every web contents the app creates (navigation, new windows, webviews)', () => {
    const created = callsTo(/^app\.on$/).find((c) => c.arguments[0]?.getText(main) === "'web-contents-created'");
    expect(created).toBeDefined();
    const handler = created?.arguments[1];
    expect(handler && callsTo(/^guardContents$/, handler).length).toBe(1);
  });

  it('hands shell.openExternal only to the guard, which checks the allow-list first', () => {
    const uses = nodes().filter((n) => ts.isPropertyAccessExpression(n) && n.getText(main) === 'shell.openExternal');
    expect(uses).toHaveLength(1);
    let n: ts.Node | undefined = uses[0];
    while (n && !(ts.isCallExpression(n) && callee(n) === 'guardContents')) n = n.parent;
    expect(n).toBeDefined();
  });

  it('denies every permission request in the one session the window uses', () => {
    expect(callsTo(/^denyPermissions$/).map((c) => c.arguments[0]?.getText(main))).toEqual(['session.defaultSession']);
    expect(mainSource).not.toMatch(/fromPartition|partition:/);
  });

  it('registers IPC only through registerIpc, whose every handler checks the sender first', () => {
    expect(callsTo(/^ipcMain\.(handle|handleOnce|on|once|addListener)$/)).toEqual([]);
    const [register] = callsTo(/^registerIpc$/);
    expect(register?.arguments[0]?.getText(main)).toBe('ipcMain');
    expect(register?.arguments[1]?.getText(main)).toMatch(/isTrusted: \(event\) => isTrustedSender\(event, appContents\)/);
  });
});

/** The app's own code that could configure a renderer: the shell, the renderer and its page. */
function appSources(): { file: string; text: string }[] {
  const root = here('../');
  const list = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(dir, e.name)) : [join(dir, e.name)]));
  return [...list('electron'), ...list('renderer/src'), 'renderer/index.html']
    .filter((f) => /\.(ts|tsx|html)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
}

describe('the app source', () => {
  it.each([
    ['Node integration', /nodeIntegration\w*:\s*true/],
    ['context isolation off', /contextIsolation:\s*false/],
    ['the sandbox off', /sandbox:\s*false|no-sandbox/],
    ['web security off', /webSecurity:\s*false|disable-?web-?security/i],
    ['insecure content', /allowRunningInsecureContent:\s*true/],
    ['experimental features', /experimentalFeatures:\s*true/],
    ['Blink features', /enableBlinkFeatures|enable-blink-features/],
    ['the webview tag', /webviewTag:\s*true|<webview/i],
    ['webview popups', /allowpopups/i],
    ['a command-line switch', /appendSwitch|appendArgument/],
  ])('turns on no %s anywhere in electron/ or renderer/', (_what, risky) => {
    const sources = appSources();
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter((s) => risky.test(s.text)).map((s) => s.file)).toEqual([]);
  });
});
