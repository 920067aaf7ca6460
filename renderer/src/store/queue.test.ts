import { describe, expect, it } from 'vitest';
import type { CaseloadTeams, FlagsQueue, InputOf, Operation, Profile, QueueRow, Result, ResultOf } from '../../../db/contract/index.js';
import type { Client } from '../client.js';
import { createAppStore } from './index.js';
import { columnSort, inNoOversightView, initialFilters, keepNear, noOversightView, MAX_PAGES, openingTeam, PAGE_SIZE, pagesFor, queueInput, rowAt } from './queue.js';

const profile: Profile = { osUser: 'spo', name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01', updatedAt: '2026-11-20T10:00:00Z' };
const teams: CaseloadTeams['teams'] = [
  { code: 'N99T01', name: 'North', practitioners: [{ staffCode: 'P1', name: 'Pat One' }] },
  { code: 'N99T02', name: 'South', practitioners: [{ staffCode: 'P2', name: 'Kim Two' }] },
];

function row(i: number): QueueRow {
  return {
    crn: `X${String(i).padStart(6, '0')}`,
    name: `Person ${String(i)}`,
    staffCode: 'P1',
    staffName: 'Pat One',
    teamCode: 'N99T01',
    rosh: 'HIGH',
    mappaLevel: null,
    rule: 'OVERSIGHT-NEW',
    status: 'overdue',
    dueDate: '2026-10-02',
    daysOverdue: 52,
    reason: 'no oversight',
    flags: [{ rule: 'OVERSIGHT-NEW', status: 'overdue', dueDate: '2026-10-02', daysOverdue: 52, reason: 'no oversight' }],
  };
}

/** A queue of `total` rows answering pages from the offset; `held` calls wait until released. */
function fakeClient(total = 1000, ownTeams = teams) {
  const calls: InputOf<'flags:queue'>[] = [];
  const held: (() => void)[] = [];
  let holding = false;
  const answer = (input: InputOf<'flags:queue'>): FlagsQueue => {
    const offset = input.offset ?? 0;
    const rows = Array.from({ length: Math.max(0, Math.min(input.limit ?? 100, total - offset)) }, (_, i) => row(offset + i));
    return { asOf: '2026-11-23', group: input.group ?? 'case', total, rows, tabs: { overdue: total, dueSoon: 3 }, summary: [{ rule: 'OVERSIGHT-NEW', overdue: total, dueSoon: 3 }] };
  };
  const client: Client = {
    host: 'browser',
    call: async <O extends Operation>(op: O, input: InputOf<O>): Promise<Result<ResultOf<O>>> => {
      if (op === 'profile:get') return { ok: true, value: profile as ResultOf<O> };
      if (op === 'caseload:teams') return { ok: true, value: { teams: ownTeams } satisfies CaseloadTeams as ResultOf<O> };
      if (op !== 'flags:queue') return { ok: false, error: { code: 'internal', message: `no answer for ${op}` } };
      const q = input as InputOf<'flags:queue'>;
      calls.push(q);
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      return { ok: true, value: answer(q) as ResultOf<O> };
    },
    // The queue never uses the host's files and dialogs.
    chooseExtractFolder: () => Promise.resolve({ ok: true, value: null }),
    uploadExtract: () => Promise.resolve({ ok: true, value: { paths: [] } }),
    chooseExportTarget: () => Promise.resolve({ ok: true, value: null }),
    deliverExport: () => Promise.resolve({ ok: true, value: null }),
    chooseFileToVerify: () => Promise.resolve({ ok: true, value: null }),
    onMenuCommand: () => () => undefined,
  };
  return {
    client,
    calls,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const r of held.splice(0)) r();
    },
  };
}

async function openedStore(total = 1000, ownTeams = teams) {
  const fake = fakeClient(total, ownTeams);
  const store = createAppStore(fake.client);
  await store.getState().start();
  await store.getState().openQueue();
  return { store, ...fake };
}

describe('opening the queue', () => {
  it('opens on the user’s own team, overdue, risk first, with the first page and the per-rule counts', async () => {
    const { store, calls } = await openedStore();
    expect(calls).toEqual([{ status: 'overdue', group: 'case', sort: 'risk', direction: 'asc', offset: 0, limit: PAGE_SIZE, team: 'N99T01' }]);
    const q = store.getState().queue;
    expect(q).toMatchObject({ total: 1000, asOf: '2026-11-23', teamNotice: null, selected: 0, summary: [{ rule: 'OVERSIGHT-NEW', overdue: 1000 }] });
    expect(rowAt(q, 99)?.crn).toBe('X000099');
    expect(rowAt(q, 100)).toBeUndefined();
  });

  it('shows all teams, saying why, when the user’s team is not in the caseload', async () => {
    const { store, calls } = await openedStore(10, teams.slice(1));
    expect(calls.at(-1)).not.toHaveProperty('team');
    expect(store.getState().queue.filters.team).toBeUndefined();
    expect(store.getState().queue.teamNotice).toBe('Your team, N99T01, is not in this caseload, so the queue shows all teams.');
    expect(openingTeam(teams, undefined)).toEqual({ team: undefined, notice: null });
  });
});

describe('paging', () => {
  it('fetches only the pages a scroll reaches, once each, and keeps only the pages near the user', async () => {
    const { store, calls } = await openedStore(100_000);
    await store.getState().loadQueueRows(50, 250);
    expect(calls.map((c) => c.offset)).toEqual([0, 100, 200]);
    await store.getState().loadQueueRows(150, 160);
    expect(calls).toHaveLength(3);
    for (let page = 3; page < 40; page++) await store.getState().loadQueueRows(page * PAGE_SIZE, page * PAGE_SIZE);
    const held = Object.keys(store.getState().queue.pages).map(Number);
    expect(held).toHaveLength(MAX_PAGES);
    expect(Math.min(...held)).toBe(40 - MAX_PAGES);
  });

  it('asks for nothing past the end of the list', async () => {
    const { store, calls } = await openedStore(150);
    await store.getState().loadQueueRows(120, 5000);
    expect(calls.map((c) => c.offset)).toEqual([0, 100]);
  });

  it('works out which pages hold a range of rows, and which to keep', () => {
    expect(pagesFor(0, 99)).toEqual([0]);
    expect(pagesFor(99, 100)).toEqual([0, 1]);
    expect(pagesFor(-5, 250)).toEqual([0, 1, 2]);
    expect(Object.keys(keepNear({ 0: 'a', 5: 'b', 9: 'c', 10: 'd' }, 9, 2))).toEqual(['9', '10']);
  });
});

describe('filters and sorting', () => {
  it('starts again from the top with every filter in the engine’s call, the search trimmed', async () => {
    const { store, calls } = await openedStore();
    store.getState().moveQueueSelection(5);
    await store.getState().setQueueFilters({
      rules: ['ROSH-MISSING', 'ROSH-STALE'],
      roshLevels: ['VERY_HIGH'],
      mappaLevels: ['M1'],
      staffCodes: ['P1'],
      search: '  x0001 ',
      status: 'due-soon',
      group: 'flag',
    });
    expect(calls.at(-1)).toEqual({
      status: 'due-soon',
      group: 'flag',
      sort: 'risk',
      direction: 'asc',
      offset: 0,
      limit: PAGE_SIZE,
      team: 'N99T01',
      staffCodes: ['P1'],
      rules: ['ROSH-MISSING', 'ROSH-STALE'],
      roshLevels: ['VERY_HIGH'],
      mappaLevels: ['M1'],
      search: 'x0001',
    });
    expect(store.getState().queue.selected).toBe(0);
    expect(queueInput({ ...initialFilters, search: '   ' }, 2)).toEqual({ status: 'overdue', group: 'case', sort: 'risk', direction: 'asc', offset: 200, limit: PAGE_SIZE });
  });

  it('knows the no-oversight view by its rules on any team, and not once another filter is added', () => {
    const view = { ...initialFilters, rules: [...noOversightView.rules].reverse() };
    expect(inNoOversightView(view)).toBe(true);
    expect(inNoOversightView({ ...view, team: 'N99T02' })).toBe(true);
    expect(inNoOversightView({ ...view, roshLevels: ['LOW'] })).toBe(false);
    expect(inNoOversightView({ ...view, status: 'due-soon' })).toBe(false);
    expect(inNoOversightView({ ...view, rules: ['OVERSIGHT-NEW'] })).toBe(false);
  });

  it('drops a page that answers after the filters changed', async () => {
    const { store, hold, release } = await openedStore(1000);
    hold();
    const stale = store.getState().loadQueueRows(300, 300);
    const fresh = store.getState().setQueueFilters({ rules: ['ROSH-STALE'] });
    release();
    await Promise.all([stale, fresh]);
    expect(Object.keys(store.getState().queue.pages)).toEqual(['0']);
  });

  it('drops practitioners outside a newly chosen team, and keeps those in it', async () => {
    const { store } = await openedStore();
    await store.getState().setQueueFilters({ staffCodes: ['P1', 'P2'] });
    await store.getState().setQueueFilters({ team: 'N99T01' });
    expect(store.getState().queue.filters.staffCodes).toEqual(['P1']);
    await store.getState().setQueueFilters({ team: 'N99T02' });
    expect(store.getState().queue.filters.staffCodes).toEqual([]);
  });

  it('sorts a new column its natural way and reverses it when chosen again', async () => {
    const { store, calls } = await openedStore();
    await store.getState().sortQueueBy('name');
    expect(calls.at(-1)).toMatchObject({ sort: 'name', direction: 'asc' });
    await store.getState().sortQueueBy('name');
    expect(calls.at(-1)).toMatchObject({ sort: 'name', direction: 'desc' });
    await store.getState().sortQueueBy('daysOverdue');
    expect(calls.at(-1)).toMatchObject({ sort: 'daysOverdue', direction: 'desc' });
  });

  it('tells assistive technology how each column is sorted, days until due running the other way', () => {
    const byDays = { ...initialFilters, sort: 'daysOverdue', direction: 'desc' } as const;
    expect(columnSort(initialFilters, 'daysOverdue')).toBe('none');
    expect(columnSort(byDays, 'daysOverdue')).toBe('descending');
    expect(columnSort(byDays, 'crn')).toBe('none');
    expect(columnSort({ ...byDays, status: 'due-soon' }, 'daysOverdue')).toBe('ascending');
    expect(columnSort({ ...initialFilters, sort: 'name', direction: 'asc' }, 'name')).toBe('ascending');
  });
});

describe('the selection', () => {
  it('moves within the list and no further', async () => {
    const { store } = await openedStore(3);
    store.getState().moveQueueSelection(-1);
    expect(store.getState().queue.selected).toBe(0);
    store.getState().moveQueueSelection(1);
    store.getState().moveQueueSelection(5);
    expect(store.getState().queue.selected).toBe(2);
    store.getState().selectQueueRow(1);
    expect(store.getState().queue.selected).toBe(1);
  });
});
