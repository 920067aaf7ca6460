/**
 * The oversight queue in Chromium (issue 6, item 5), for bench/main.ts: Debian's Chromium drives
 * the built renderer through the preview host on a database that already holds an imported
 * extract. Targets: navigation → first queue row painted ≤ 1.0 s at national scale; a filter or
 * sort → the next paint ≤ 100 ms; scrolling the virtual list ≥ 58 fps median.
 *
 * Timing is taken inside the page: "painted" is the first task after the animation frame that
 * follows the DOM change (requestAnimationFrame, then a MessageChannel message), so it counts the
 * style, layout and paint of that frame and not only the React commit.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumPath, launchBrowser } from '../e2e/browser.js';
import { startPreviewHost } from '../e2e/preview-host.js';
import { percentile, round } from './stats.js';

export interface PaintFigures {
  p50: number;
  p95: number;
  max: number;
  runs: number;
}

export interface UiFigures {
  /** The machine's 1-minute load average when the measurement began: the figures are wall-clock times. */
  loadAverage: number;
  /** The team the queue opened on (the user's), and its overdue flags. */
  team: string;
  teamFlags: number;
  /** Overdue flags across all teams: the list that is scrolled. */
  allFlags: number;
  /** Navigation start → first queue row painted; the first load, then the median of the reloads. */
  firstRowColdMs: number;
  firstRowMs: number;
  firstRowRuns: number;
  /** Where the last reload's time went: the document's scripts ran by `domContentLoaded`, then each call to the host. */
  firstRowTimeline: { domContentLoadedMs: number; calls: { op: string; startMs: number; endMs: number }[]; rowInDomMs: number };
  filterToPaintMs: PaintFigures;
  sortToPaintMs: PaintFigures;
  /** The same, to the new rows in the DOM (before style, layout and paint): the host's answer plus React. */
  filterToDomMs: PaintFigures;
  sortToDomMs: PaintFigures;
  scroll: { medianFps: number; p5Fps: number; frames: number; longFrames: number; seconds: number; rowsPassed: number };
}

export type UiResult = UiFigures | { skipped: string };

/**
 * In-page probes, injected before the app's own scripts. Plain JavaScript in a string: the bench is
 * type-checked as Node code, without the DOM's types.
 */
export const probes = `
window.__spoBench = (() => {
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(0);
  });
  const rowSelector = '#queue-list[aria-busy="false"] tbody tr[data-index] a';
  const marks = {};
  const firstRow = new Promise((resolve) => {
    const seen = () => {
      if (!document.querySelector(rowSelector)) return false;
      marks.rowInDom = performance.now();
      afterPaint(resolve);
      return true;
    };
    const start = () => {
      if (seen()) return;
      const obs = new MutationObserver(() => { if (seen()) obs.disconnect(); });
      obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  });
  /** Runs an action that starts a new query; resolves with the ms from the action to the paint after the new rows are in. */
  const timeQuery = (action) => new Promise((resolve, reject) => {
    const list = document.querySelector('#queue-list');
    if (!list) { reject(new Error('no queue list')); return; }
    let wentBusy = false;
    const t0 = performance.now();
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error('the queue did not update within 10 s')); }, 10000);
    const obs = new MutationObserver(() => {
      const busy = list.getAttribute('aria-busy') === 'true';
      if (busy) wentBusy = true;
      else if (wentBusy) { obs.disconnect(); clearTimeout(timer); const dom = performance.now() - t0; afterPaint((t) => resolve([t - t0, dom])); }
    });
    obs.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
    action();
  });
  const select = (id, value) => () => {
    const el = document.getElementById(id);
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const tick = (id) => () => {
    document.getElementById(id).click();
  };
  const sort = (label) => () => {
    const th = [...document.querySelectorAll('#queue-list thead th')].find((h) => h.textContent.startsWith(label));
    th.querySelector('button').click();
  };
  /** Scrolls the list by a fixed step every frame for \`ms\`; answers the frame intervals. */
  const scroll = (ms, step) => new Promise((resolve) => {
    const list = document.querySelector('#queue-list');
    const times = [];
    const t0 = performance.now();
    const frame = (t) => {
      times.push(t);
      list.scrollTop += step;
      if (t - t0 < ms) requestAnimationFrame(frame); else resolve({ times, scrolled: list.scrollTop });
    };
    requestAnimationFrame(frame);
  });
  return { firstRow, marks, timeQuery, select, tick, sort, scroll };
})();
`;

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

function paintFigures(times: number[]): PaintFigures {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? NaN), runs: times.length };
}

async function firstRowMs(page: Page, url: string, reload: boolean): Promise<number> {
  if (reload) await page.reload();
  else await page.goto(url);
  return page.evaluate('window.__spoBench.firstRow');
}

/** Each action's [ms to the paint after the new rows, ms to the new rows in the DOM]. */
async function timeQueries(page: Page, actions: string[], rounds: number): Promise<{ paint: number[]; dom: number[] }> {
  const paint: number[] = [];
  const dom: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const action of actions) {
      const [p, d] = await page.evaluate<[number, number]>(`window.__spoBench.timeQuery(window.__spoBench.${action})`);
      paint.push(p);
      dom.push(d);
    }
  }
  return { paint, dom };
}

/** Rows are 44 px high (QueueTable); 88 px a frame is over 5,000 px a second, a brisk scroll. */
const SCROLL_STEP_PX = 88;

export async function measureUi(dbFile: string, opts: { reloads?: number; rounds?: number; scrollSeconds?: number } = {}): Promise<UiResult> {
  if (!existsSync(chromiumPath)) return { skipped: `${chromiumPath} is missing (apt-get install chromium)` };
  const reloads = opts.reloads ?? 5;
  const rounds = opts.rounds ?? 4;
  const scrollSeconds = opts.scrollSeconds ?? 4;
  const loadAverage = round(loadavg()[0] ?? NaN, 1);
  const preview = await startPreviewHost(dbFile, 180_000);
  const dir = mkdtempSync(join(tmpdir(), 'spo-bench-ui-'));
  const api = async <T>(op: string, input: unknown): Promise<T> => {
    const res = await fetch(`${preview.origin}/api/${op}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${preview.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!body.ok) throw new Error(`${op}: ${body.error.message}`);
    return body.value;
  };
  try {
    const { teams } = await api<{ teams: { code: string }[] }>('caseload:teams', {});
    const team = teams[0]?.code;
    if (!team) return { skipped: 'the database holds no teams' };
    await api('profile:set', { name: 'Bench User', staffCode: 'BENCH', teamCode: team });
    // Today's flags are refreshed on the first read after a new day or import: not the UI's time.
    const teamFlags = (await api<{ total: number }>('flags:queue', { team, status: 'overdue', limit: 1 })).total;
    const allFlags = (await api<{ total: number }>('flags:queue', { status: 'overdue', limit: 1 })).total;

    const context = await launchBrowser(join(dir, 'profile'), preview.origin);
    try {
      await context.addInitScript({ content: probes });
      const page = context.pages()[0] ?? (await context.newPage());
      const firstRowColdMs = await firstRowMs(page, preview.url, false);
      const warm: number[] = [];
      for (let i = 0; i < reloads; i++) warm.push(await firstRowMs(page, preview.url, true));
      const firstRowTimeline = await page.evaluate<UiFigures['firstRowTimeline']>(`({
        domContentLoadedMs: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),
        calls: performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'))
          .map((e) => ({ op: e.name.replace(/^.*\\/api\\//, ''), startMs: Math.round(e.startTime), endMs: Math.round(e.responseEnd) })),
        rowInDomMs: Math.round(window.__spoBench.marks.rowInDom),
      })`);

      // Each tick is a new query: on, a second value, off, off, then a rule on and off (a group's first box carries its id).
      const filters = [
        "tick('queue-rosh')",
        "tick('queue-rosh-HIGH')",
        "tick('queue-rosh')",
        "tick('queue-rosh-HIGH')",
        "tick('queue-rule')",
        "tick('queue-rule')",
      ];
      const filterTimes = await timeQueries(page, filters, rounds);
      const sorts = ["sort('Name')", "sort('CRN')", "sort('Due date')", "sort('Days overdue')"];
      const sortTimes = await timeQueries(page, sorts, rounds);

      // The longest list: every team's overdue flags, most overdue first.
      await page.evaluate(`window.__spoBench.timeQuery(window.__spoBench.select('queue-team', ''))`);
      const { times, scrolled } = await page.evaluate<{ times: number[]; scrolled: number }>(`window.__spoBench.scroll(${String(scrollSeconds * 1000)}, ${String(SCROLL_STEP_PX)})`);
      const intervals = times.slice(1).map((t, i) => t - (times[i] ?? t));
      const fps = intervals.map((dt) => 1000 / dt).sort((a, b) => a - b);
      return {
        loadAverage,
        team,
        teamFlags,
        allFlags,
        firstRowColdMs: round(firstRowColdMs),
        firstRowMs: round(median(warm)),
        firstRowRuns: warm.length,
        firstRowTimeline,
        filterToPaintMs: paintFigures(filterTimes.paint),
        sortToPaintMs: paintFigures(sortTimes.paint),
        filterToDomMs: paintFigures(filterTimes.dom),
        sortToDomMs: paintFigures(sortTimes.dom),
        scroll: {
          medianFps: round(1000 / median(intervals), 1),
          p5Fps: round(percentile(fps, 5), 1),
          frames: intervals.length,
          longFrames: intervals.filter((dt) => dt > 1000 / 30).length,
          seconds: scrollSeconds,
          rowsPassed: Math.round(scrolled / 44),
        },
      };
    } finally {
      await context.close();
    }
  } finally {
    await preview.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
