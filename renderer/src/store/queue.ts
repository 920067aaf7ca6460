import type { CaseloadTeams, CaseRuleId, EffectiveRosh, FlagsQueue, InputOf, MappaLevel, OpError, QueueGrouping, QueueRow, QueueSort } from '../../../db/contract/index.js';
import type { Slice } from './types.js';

/** Rows fetched per `flags:queue` call: a few screens' worth, so scrolling rarely waits. */
export const PAGE_SIZE = 100;
/** Pages kept in memory; the ones furthest from where the user is are dropped (never the whole caseload). */
export const MAX_PAGES = 12;

export type QueueStatus = 'overdue' | 'due-soon';
export type SortDirection = 'asc' | 'desc';

export interface QueueFilters {
  status: QueueStatus;
  team?: string | undefined;
  /** Several values match any of them; empty is no filter. */
  staffCodes: readonly string[];
  rules: readonly CaseRuleId[];
  roshLevels: readonly EffectiveRosh[];
  mappaLevels: readonly MappaLevel[];
  search?: string | undefined;
  /** A case once with its flags (the default), or one row per flag. */
  group: QueueGrouping;
  sort: QueueSort;
  direction: SortDirection;
}

/** The filters a screen can set by value, one list at a time. */
export type QueueListFilter = 'staffCodes' | 'rules' | 'roshLevels' | 'mappaLevels';

/**
 * The one-click view the queue exists for: high-risk and MAPPA level 1 cases whose SPO oversight
 * or MAPPA level 1 review is overdue. These three rules apply only to such cases
 * (oversight-rules.md), so they alone pick them out.
 */
export const noOversightView = {
  label: 'High risk or MAPPA 1 with no oversight in time',
  rules: ['OVERSIGHT-NEW', 'OVERSIGHT-OVERDUE', 'MAPPA-L1-REVIEW'] as const satisfies readonly CaseRuleId[],
};

/** Whether the filters are exactly the no-oversight view (on whatever team). */
export function inNoOversightView(f: QueueFilters): boolean {
  const rules = new Set<CaseRuleId>(noOversightView.rules);
  return (
    f.status === 'overdue' &&
    f.rules.length === rules.size &&
    f.rules.every((r) => rules.has(r)) &&
    f.staffCodes.length === 0 &&
    f.roshLevels.length === 0 &&
    f.mappaLevels.length === 0 &&
    !f.search?.trim()
  );
}

export interface QueueState {
  filters: QueueFilters;
  /** Bumped by every change of filters or sort: answers for an older query are dropped. */
  query: number;
  /** Rows matching the filters; null until the first page answers. */
  total: number | null;
  asOf: string | null;
  summary: FlagsQueue['summary'];
  /** Rows on each tab under the other filters. */
  tabs: FlagsQueue['tabs'];
  /**
   * Loaded rows by page number (row index ÷ PAGE_SIZE), for the query `pagesQuery`. Until a new
   * query's first page arrives the old rows stay on screen (marked busy), so a filter change
   * never blanks the list.
   */
  pages: Readonly<Record<number, readonly QueueRow[]>>;
  pagesQuery: number;
  loading: readonly number[];
  error: OpError | null;
  /** The staff file's teams and practitioners, for the filters; null until read. */
  teams: CaseloadTeams['teams'] | null;
  /** Set when the queue could not open on the user's own team. */
  teamNotice: string | null;
  /** The selected row's index. */
  selected: number;
  /** Filters another screen asked the queue to open with (the team screen's "show in the queue"). */
  preset: Partial<QueueFilters> | null;
}

export interface QueueSlice {
  queue: QueueState;
  /** Reads the teams, picks the user's own team when the caseload has it, and loads the first page. */
  openQueue: () => Promise<void>;
  /** Opens the queue (home) with these filters instead of the user's own team. */
  showInQueue: (preset: Partial<QueueFilters>) => void;
  /** Changes filters or sort; the list starts again from the top. */
  setQueueFilters: (patch: Partial<QueueFilters>) => Promise<void>;
  /** Sorts by a column: the same column again reverses the order. */
  sortQueueBy: (sort: QueueSort) => Promise<void>;
  /** Makes sure the rows from `start` to `end` (inclusive) are loaded or on their way. */
  loadQueueRows: (start: number, end: number) => Promise<void>;
  selectQueueRow: (index: number) => void;
  /** Moves the selection by `delta` rows, within the list; answers the row now selected. */
  moveQueueSelection: (delta: number) => number;
}

/** Most overdue first for days overdue; A to Z or earliest first for the rest. */
export const defaultDirection = (sort: QueueSort): SortDirection => (sort === 'daysOverdue' ? 'desc' : 'asc');

export const initialFilters: QueueFilters = { status: 'overdue', staffCodes: [], rules: [], roshLevels: [], mappaLevels: [], group: 'case', sort: 'risk', direction: 'asc' };

/** The filters with nothing chosen but the team: what "Clear filters" leaves. */
export const noChoices = { staffCodes: [], rules: [], roshLevels: [], mappaLevels: [], search: undefined } as const satisfies Partial<QueueFilters>;

const initial: QueueState = {
  filters: initialFilters,
  query: 0,
  total: null,
  asOf: null,
  summary: [],
  tabs: { overdue: 0, dueSoon: 0 },
  pages: {},
  pagesQuery: 0,
  loading: [],
  error: null,
  teams: null,
  teamNotice: null,
  selected: 0,
  preset: null,
};

/** The `flags:queue` input for one page under these filters. */
export function queueInput(filters: QueueFilters, page: number): InputOf<'flags:queue'> {
  const { status, team, staffCodes, rules, roshLevels, mappaLevels, search, group, sort, direction } = filters;
  const trimmed = search?.trim();
  return {
    status,
    group,
    sort,
    direction,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(team ? { team } : {}),
    ...(staffCodes.length ? { staffCodes: [...staffCodes] } : {}),
    ...(rules.length ? { rules: [...rules] } : {}),
    ...(roshLevels.length ? { roshLevels: [...roshLevels] } : {}),
    ...(mappaLevels.length ? { mappaLevels: [...mappaLevels] } : {}),
    ...(trimmed ? { search: trimmed } : {}),
  };
}

/** The page numbers holding rows `start` to `end`. */
export function pagesFor(start: number, end: number): number[] {
  const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
  const last = Math.floor(Math.max(0, end) / PAGE_SIZE);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Keeps the `max` pages nearest to `around`, so a long scroll never piles the whole queue up in memory. */
export function keepNear<T>(pages: Readonly<Record<number, T>>, around: number, max: number): Record<number, T> {
  const kept = Object.keys(pages)
    .map(Number)
    .sort((a, b) => Math.abs(a - around) - Math.abs(b - around) || a - b)
    .slice(0, max);
  return Object.fromEntries(kept.map((p) => [p, pages[p]])) as Record<number, T>;
}

/** Whether the rows on screen are still those of an earlier query. */
export const queueBusy = (queue: QueueState): boolean => queue.pagesQuery !== queue.query;

export function rowAt(queue: QueueState, index: number): QueueRow | undefined {
  return queue.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

/**
 * How a column header is sorted, for aria-sort. On the due-soon tab the days column counts days
 * until due, which runs the other way from days overdue.
 */
export function columnSort(filters: QueueFilters, column: QueueSort): 'ascending' | 'descending' | 'none' {
  if (filters.sort !== column) return 'none';
  const flip = column === 'daysOverdue' && filters.status === 'due-soon';
  return (filters.direction === 'asc') !== flip ? 'ascending' : 'descending';
}

/** The team the queue opens on: the user's own when the staff file has it. */
export function openingTeam(teams: CaseloadTeams['teams'], own: string | undefined): { team: string | undefined; notice: string | null } {
  if (!own) return { team: undefined, notice: null };
  if (teams.some((t) => t.code === own)) return { team: own, notice: null };
  return { team: undefined, notice: `Your team, ${own}, is not in this caseload, so the queue shows all teams.` };
}

export const queueSlice: Slice<QueueSlice> = (client) => (set, get) => {
  const patch = (p: Partial<QueueState> | ((q: QueueState) => Partial<QueueState>)) => {
    set((s) => ({ queue: { ...s.queue, ...(typeof p === 'function' ? p(s.queue) : p) } }));
  };

  const loadPage = async (page: number) => {
    const { filters, query, loading, pages, pagesQuery } = get().queue;
    if (loading.includes(page) || (pagesQuery === query && pages[page])) return;
    patch((q) => ({ loading: [...q.loading, page] }));
    const result = await client.call('flags:queue', queueInput(filters, page));
    if (get().queue.query !== query) return; // the filters changed while this page was on its way
    if (!result.ok) {
      patch((q) => ({ loading: q.loading.filter((p) => p !== page), error: result.error }));
      return;
    }
    const { total, asOf, summary, tabs, rows } = result.value;
    patch((q) => ({
      total,
      asOf,
      summary,
      tabs,
      error: null,
      loading: q.loading.filter((p) => p !== page),
      pages: keepNear({ ...(q.pagesQuery === query ? q.pages : {}), [page]: rows }, page, MAX_PAGES),
      pagesQuery: query,
    }));
  };

  const restart = async (filters: QueueFilters) => {
    patch((q) => ({ filters, query: q.query + 1, loading: [], error: null, selected: 0 }));
    await loadPage(0);
  };

  return {
    queue: initial,
    openQueue: async () => {
      const { preset } = get().queue;
      if (preset) {
        patch({ preset: null, teams: null, teamNotice: null });
        const [teams] = await Promise.all([client.call('caseload:teams', {}), restart({ ...initialFilters, ...preset })]);
        patch(teams.ok ? { teams: teams.value.teams } : { error: teams.error });
        return;
      }
      // The user's own team is asked for alongside the team list rather than after it: one round
      // trip less before the first row. The screen waits for both (QueueScreen), so an absent
      // team never flashes an empty queue.
      const own = get().profile?.teamCode;
      patch({ teams: null, teamNotice: null });
      const [teams] = await Promise.all([client.call('caseload:teams', {}), restart({ ...initialFilters, team: own })]);
      if (!teams.ok) {
        patch({ error: teams.error });
        return;
      }
      const { team, notice } = openingTeam(teams.value.teams, own);
      patch({ teams: teams.value.teams, teamNotice: notice });
      if (team !== own) await restart({ ...initialFilters, team });
    },
    showInQueue: (preset) => {
      patch({ preset });
      get().navigate({ screen: 'home' });
    },
    setQueueFilters: async (p) => {
      const filters = { ...get().queue.filters, ...p };
      // A practitioner belongs to one team: choosing another team drops a practitioner outside it.
      if ('team' in p) {
        const team = get().queue.teams?.find((t) => t.code === filters.team);
        if (filters.team) filters.staffCodes = filters.staffCodes.filter((code) => team?.practitioners.some((x) => x.staffCode === code));
      }
      await restart(filters);
    },
    sortQueueBy: async (sort) => {
      const { filters } = get().queue;
      const direction = filters.sort === sort ? (filters.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
      await restart({ ...filters, sort, direction });
    },
    loadQueueRows: async (start, end) => {
      const { total } = get().queue;
      const last = total === null ? end : Math.min(end, total - 1);
      if (last < start) return;
      await Promise.all(pagesFor(start, last).map(loadPage));
    },
    selectQueueRow: (index) => {
      patch({ selected: index });
    },
    moveQueueSelection: (delta) => {
      const { total, selected } = get().queue;
      const next = Math.max(0, Math.min((total ?? 1) - 1, selected + delta));
      patch({ selected: next });
      return next;
    },
  };
};
