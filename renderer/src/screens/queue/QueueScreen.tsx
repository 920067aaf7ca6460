import { useCallback, useRef, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ProblemSummary } from '../../components/ErrorSummary.js';
import { useApp } from '../../store/index.js';
import type { QueueSort } from '../../../../db/contract/index.js';
import { inNoOversightView, noChoices, noOversightView, queueBusy, rowAt, type QueueStatus } from '../../store/queue.js';
import { count } from '../../format.js';
import { QueueFilters } from './QueueFilters.js';
import { QueueTable, type QueueTableHandle } from './QueueTable.js';
import { useQueueKeys } from './useQueueKeys.js';

const tabs: readonly [QueueStatus, string][] = [
  ['overdue', 'Overdue'],
  ['due-soon', 'Due soon'],
];

/** How the queue is sorted, in words; the default is risk first (db/contract/flags.ts, queueSorts). */
const sortWords: Record<QueueSort, string> = {
  risk: 'Sorted by risk, then how overdue: very high RoSH, then high, then MAPPA level 1, then unknown RoSH; safety checks first.',
  daysOverdue: 'Sorted by how overdue',
  dueDate: 'Sorted by due date',
  crn: 'Sorted by CRN',
  name: 'Sorted by name',
  practitioner: 'Sorted by practitioner',
  team: 'Sorted by team',
  rosh: 'Sorted by RoSH level',
  mappa: 'Sorted by MAPPA level',
  rule: 'Sorted by rule',
};

/** The oversight queue: the flagged cases under the filters, risk first, keyboard-first. Home opens it (openQueue). */
export function QueueScreen() {
  const { queue, openQueue, setQueueFilters, moveQueueSelection, navigate } = useApp(
    useShallow((s) => ({ queue: s.queue, openQueue: s.openQueue, setQueueFilters: s.setQueueFilters, moveQueueSelection: s.moveQueueSelection, navigate: s.navigate })),
  );
  const { filters } = queue;
  const riskFirst = filters.sort === 'risk' && filters.direction === 'asc';
  const byCase = filters.group === 'case';
  const inView = inNoOversightView(filters);
  const search = useRef<HTMLInputElement>(null);
  const table = useRef<QueueTableHandle>(null);

  const selectedCrn = rowAt(queue, queue.selected)?.crn;
  const open = useCallback(() => {
    if (selectedCrn) navigate({ screen: 'case', crn: selectedCrn });
  }, [selectedCrn, navigate]);
  useQueueKeys({ search, table, move: moveQueueSelection, open });

  const counts: Record<QueueStatus, number> = { overdue: queue.tabs.overdue, 'due-soon': queue.tabs.dueSoon };
  const unit = byCase ? 'case' : 'flag';
  const chooseTab = (status: QueueStatus) => (e: MouseEvent) => {
    e.preventDefault();
    if (status !== filters.status) void setQueueFilters({ status });
  };

  return (
    <div className="spo-queue-page">
      {queue.teamNotice && (
        <div className="govuk-inset-text" role="status">
          {queue.teamNotice}
        </div>
      )}
      <div className="moj-filter-layout">
        <div className="moj-filter-layout__filter">
          <div className="moj-filter spo-queue-filter">
            <div className="moj-filter__header">
              <div className="moj-filter__header-title">
                <h2 className="govuk-heading-m">Filter</h2>
              </div>
            </div>
            <div className="moj-filter__content">
              <QueueFilters searchRef={search} onLeaveSearch={() => table.current?.focusRow(queue.selected)} />
            </div>
          </div>
        </div>
        <div className="moj-filter-layout__content">
          <div className="spo-queue-bar">
            <nav className="moj-sub-navigation spo-queue-bar__tabs" aria-label="Overdue or due soon">
              <ul className="moj-sub-navigation__list">
                {tabs.map(([status, label]) => (
                  <li key={status} className="moj-sub-navigation__item">
                    <a className="moj-sub-navigation__link" href={`#queue-${status}`} onClick={chooseTab(status)} {...(filters.status === status ? { 'aria-current': 'page' } : {})}>
                      {label} ({count(counts[status], unit)})
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <button
              type="button"
              className="govuk-button govuk-button--secondary spo-queue-bar__view"
              aria-pressed={inView}
              onClick={() => void setQueueFilters({ ...noChoices, rules: inView ? [] : [...noOversightView.rules], status: 'overdue' })}
            >
              {noOversightView.label}
            </button>
          </div>
          {queue.error ? (
            <>
              <ProblemSummary title="The queue could not be read" message={queue.error.message} />
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void openQueue()}>
                Try again
              </button>
            </>
          ) : queue.total === null || queue.teams === null || (queue.total === 0 && queueBusy(queue)) ? (
            <p className="govuk-body" role="status">
              Loading the queue…
            </p>
          ) : queue.total === 0 ? (
            <div role="status">
              <h2 className="govuk-heading-m">No flagged cases match</h2>
              <p className="govuk-body">
                Nothing is {filters.status === 'overdue' ? 'overdue' : 'due soon'} under these filters. Change or clear the filters to see more.
              </p>
            </div>
          ) : (
            <>
              <p className="govuk-body-s spo-queue-order" role="status">
                {riskFirst ? sortWords.risk : `${sortWords[filters.sort]}${filters.direction === 'desc' ? ', the other way round' : ''}.`}{' '}
                {!riskFirst && (
                  <button type="button" className="govuk-link spo-link-button" onClick={() => void setQueueFilters({ sort: 'risk', direction: 'asc' })}>
                    Sort by risk again
                  </button>
                )}{' '}
                {byCase ? 'Each case once, its flags worst first.' : 'Each flag on its own row.'}{' '}
                <button type="button" className="govuk-link spo-link-button" onClick={() => void setQueueFilters({ group: byCase ? 'flag' : 'case' })}>
                  {byCase ? 'List each flag on its own row' : 'List each case once'}
                </button>
              </p>
              <QueueTable ref={table} />
            </>
          )}
          <p className="govuk-body-s spo-queue-keys" id="queue-keys">
            <span className="govuk-!-font-weight-bold">Keys:</span> <kbd>/</kbd> search, <kbd>j</kbd> or <kbd>↓</kbd> next case, <kbd>k</kbd> or <kbd>↑</kbd> previous case,{' '}
            <kbd>Enter</kbd> open the selected case.
          </p>
        </div>
      </div>
    </div>
  );
}
