import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useImperativeHandle, useRef, type MouseEvent, type Ref } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { QueueRow, QueueSort } from '../../../../db/contract/index.js';
import { count } from '../../format.js';
import { useApp } from '../../store/index.js';
import { columnSort, queueBusy, rowAt, type QueueFilters } from '../../store/queue.js';
import { shortDate, spokenDate } from '../../../../db/contract/dates.js';
import { mappaLevelLabels, roshLabels, ruleTitles } from '../../../../db/contract/words/index.js';
import { roshTags } from './labels.js';

/** Fixed, so 100,000 rows cost no measuring and the scroll height is exact. */
export const QUEUE_ROW_HEIGHT = 40;

export interface QueueTableHandle {
  /** Moves keyboard focus to a row's link, as soon as that row is on screen and loaded. */
  focusRow(index: number): void;
  /** Whether focus is in the list (a row or the scrolling region). */
  hasFocus(): boolean;
}

interface Column {
  label: string;
  sort?: QueueSort;
  numeric?: boolean;
  className: string;
}

function columns(filters: QueueFilters): Column[] {
  const byCase = filters.group === 'case';
  // The due date and days of a case are its most overdue (or soonest due) flag's.
  const days = filters.status === 'due-soon' ? 'Days until due' : 'Days overdue';
  return [
    { label: 'CRN', sort: 'crn', className: 'spo-col-crn' },
    { label: 'Name', sort: 'name', className: 'spo-col-name' },
    { label: 'Practitioner', sort: 'practitioner', className: 'spo-col-practitioner' },
    // With one team chosen every row would repeat it: its width goes to the flags instead.
    ...(filters.team ? [] : [{ label: 'Team', sort: 'team', className: 'spo-col-team' } satisfies Column]),
    { label: 'RoSH', sort: 'rosh', className: 'spo-col-rosh' },
    { label: 'MAPPA', sort: 'mappa', className: 'spo-col-mappa' },
    { label: byCase ? 'Flags' : 'Flag', sort: 'rule', className: 'spo-col-rule' },
    { label: 'Due date', sort: 'dueDate', className: 'spo-col-due' },
    { label: days, sort: 'daysOverdue', numeric: true, className: 'spo-col-days' },
  ];
}

/**
 * The flagged cases: a table whose rows are virtualised inside a scrolling region and fetched a
 * page at a time as they come into view. aria-rowcount and aria-rowindex tell assistive
 * technology where each rendered row sits in the whole list.
 */
export function QueueTable({ ref }: { ref: Ref<QueueTableHandle> }) {
  const { queue, navigate, loadQueueRows, selectQueueRow, sortQueueBy } = useApp(
    useShallow((s) => ({ queue: s.queue, navigate: s.navigate, loadQueueRows: s.loadQueueRows, selectQueueRow: s.selectQueueRow, sortQueueBy: s.sortQueueBy })),
  );
  const { filters, total, selected, query } = queue;
  const scroller = useRef<HTMLDivElement>(null);
  /** The row whose link should take focus once it is rendered. */
  const wantFocus = useRef<number | null>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => QUEUE_ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total) void loadQueueRows(first, last);
  }, [first, last, total, query, loadQueueRows]);

  // A new query starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [query]);

  useEffect(() => {
    if (total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, total, virtualizer]);

  const focusLink = (index: number): boolean => {
    const link = scroller.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${String(index)}"] a`);
    link?.focus({ preventScroll: true });
    return !!link;
  };

  // Runs after every render: the row may only now have been scrolled to or loaded.
  useEffect(() => {
    if (wantFocus.current !== null && focusLink(wantFocus.current)) wantFocus.current = null;
  });

  useImperativeHandle(ref, () => ({
    focusRow: (index) => {
      wantFocus.current = focusLink(index) ? null : index;
      if (wantFocus.current !== null) scroller.current?.focus({ preventScroll: true });
    },
    hasFocus: () => !!scroller.current?.contains(document.activeElement),
  }));

  const open = useCallback(
    (crn: string) => {
      navigate({ screen: 'case', crn });
    },
    [navigate],
  );
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const cols = columns(filters);
  return (
    <div ref={scroller} id="queue-list" className="spo-queue" tabIndex={0} role="region" aria-labelledby="queue-caption" aria-busy={queueBusy(queue)}>
      <table className="govuk-table spo-queue__table" aria-rowcount={(total ?? 0) + 1}>
        {/* The tabs above already show the count: the caption names the table for assistive technology only. */}
        <caption id="queue-caption" className="govuk-visually-hidden">
          {total === null ? 'Flagged cases' : `${count(total, filters.group === 'case' ? 'case' : 'flag')} ${filters.status === 'overdue' ? 'overdue' : 'due soon'}`}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row" aria-rowindex={1}>
            {cols.map((c) => (
              <th
                key={c.label}
                scope="col"
                className={`govuk-table__header ${c.className}${c.numeric ? ' govuk-table__header--numeric' : ''}`}
                {...(c.sort ? { 'aria-sort': columnSort(filters, c.sort) } : {})}
              >
                {c.sort ? (
                  <button type="button" onClick={() => void sortQueueBy(c.sort ?? 'daysOverdue')}>
                    {c.label}
                    <SortArrow state={columnSort(filters, c.sort)} />
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={cols.length} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => (
            <Row key={item.key} index={item.index} row={rowAt(queue, item.index)} selected={item.index === selected} status={filters.status} showTeam={!filters.team} columns={cols.length} open={open} select={selectQueueRow} />
          ))}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={cols.length} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function SortArrow({ state }: { state: 'ascending' | 'descending' | 'none' }) {
  const arrow = state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '▲▼';
  return (
    <span className={`spo-sort-arrow${state === 'none' ? ' spo-sort-arrow--none' : ''}`} aria-hidden="true">
      {arrow}
    </span>
  );
}

/** The row's earliest due date and its days: for a case, its most overdue (or soonest due) flag. */
function soonest(row: QueueRow, status: QueueFilters['status']): { dueDate: string; days: string } {
  const first = row.flags.reduce((a, f) => (f.dueDate < a.dueDate ? f : a), row.flags[0] ?? row);
  if (status === 'due-soon') return { dueDate: first.dueDate, days: first.daysUntilDue === 0 ? 'today' : String(first.daysUntilDue ?? '') };
  return { dueDate: first.dueDate, days: String(first.daysOverdue ?? '') };
}

interface RowProps {
  index: number;
  row: QueueRow | undefined;
  selected: boolean;
  status: QueueFilters['status'];
  showTeam: boolean;
  columns: number;
  open: (crn: string) => void;
  select: (index: number) => void;
}

/**
 * One row, memoised: a scroll frame re-renders the table, but only rows that came into view (or
 * changed selection) do any work. Only the selected row's link is in the tab order (a roving
 * tabindex): Tab leaves the list in one step.
 */
const Row = memo(function Row({ index, row, selected, status, showTeam, columns, open, select }: RowProps) {
  const className = `govuk-table__row spo-queue__row${selected ? ' spo-queue__row--selected' : ''}`;
  if (!row) {
    return (
      <tr className={className} aria-rowindex={index + 2} aria-selected={selected} data-index={index}>
        <td className="govuk-table__cell" colSpan={columns}>
          Loading…
        </td>
      </tr>
    );
  }
  const onClick = (e: MouseEvent) => {
    e.preventDefault();
    open(row.crn);
  };
  const { dueDate, days } = soonest(row, status);
  const [worst, ...others] = row.flags;
  return (
    <tr className={className} aria-rowindex={index + 2} aria-selected={selected} data-index={index} onClick={onClick}>
      <td className="govuk-table__cell">
        <a
          className="govuk-link spo-queue__link"
          href={`#case/${row.crn}`}
          tabIndex={selected ? 0 : -1}
          onFocus={() => {
            select(index);
          }}
        >
          {row.crn}
        </a>
      </td>
      <td className="govuk-table__cell" title={row.name}>
        {row.name}
      </td>
      <td className="govuk-table__cell" title={`${row.staffName ?? 'Not in the staff file'} (${row.staffCode})`}>
        {row.staffName ?? row.staffCode}
      </td>
      {showTeam && <td className="govuk-table__cell">{row.teamCode ?? '–'}</td>}
      <td className="govuk-table__cell">
        <strong className={`govuk-tag ${roshTags[row.rosh]} spo-rosh`}>{roshLabels[row.rosh]}</strong>
      </td>
      <td className="govuk-table__cell">{row.mappaLevel ? mappaLevelLabels[row.mappaLevel] : '–'}</td>
      <td className="govuk-table__cell spo-queue__flags" title={row.flags.map((f) => `${ruleTitles[f.rule]} (${f.rule}): ${f.reason}${f.recorded ? `; recorded in review on ${spokenDate(f.recorded.reviewDate)}` : ''}`).join('\n')}>
        <span className="spo-queue__flag">
          {ruleTitles[(worst ?? row).rule]}
          {(worst ?? row).recorded && <span className="spo-queue__recorded"> (recorded in review)</span>}
        </span>
        <span className="spo-queue__more">{others.length === 0 ? row.rule : `and ${others.map((f) => ruleTitles[f.rule]).join(', ')}`}</span>
      </td>
      <td className="govuk-table__cell">{shortDate(dueDate)}</td>
      <td className="govuk-table__cell govuk-table__cell--numeric">{days}</td>
    </tr>
  );
});
