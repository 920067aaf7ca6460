import { useCallback, useRef, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ProblemSummary } from '../../components/ErrorSummary.js';
import { useApp } from '../../store/index.js';
import { queueBusy, rowAt, type QueueState, type QueueStatus } from '../../store/queue.js';
import { QueueFilters } from './QueueFilters.js';
import { QueueTable, type QueueTableHandle } from './QueueTable.js';
import { RuleSummary } from './RuleSummary.js';
import { useQueueKeys } from './useQueueKeys.js';

const tabs: readonly [QueueStatus, string][] = [
  ['overdue', 'Overdue'],
  ['due-soon', 'Due soon'],
];

/** The tabs' counts: every rule, or the one chosen. */
function tabCounts(queue: QueueState): Record<QueueStatus, number> {
  const rules = queue.summary.filter((r) => !queue.filters.rule || r.rule === queue.filters.rule);
  return { overdue: rules.reduce((n, r) => n + r.overdue, 0), 'due-soon': rules.reduce((n, r) => n + r.dueSoon, 0) };
}

/** The oversight queue: the flagged cases under the filters, most overdue first, keyboard-first. Home opens it (openQueue). */
export function QueueScreen() {
  const { queue, openQueue, setQueueFilters, moveQueueSelection, navigate } = useApp(
    useShallow((s) => ({ queue: s.queue, openQueue: s.openQueue, setQueueFilters: s.setQueueFilters, moveQueueSelection: s.moveQueueSelection, navigate: s.navigate })),
  );
  const search = useRef<HTMLInputElement>(null);
  const table = useRef<QueueTableHandle>(null);

  const selectedCrn = rowAt(queue, queue.selected)?.crn;
  const open = useCallback(() => {
    if (selectedCrn) navigate({ screen: 'case', crn: selectedCrn });
  }, [selectedCrn, navigate]);
  useQueueKeys({ search, table, move: moveQueueSelection, open });

  const counts = tabCounts(queue);
  const chooseTab = (status: QueueStatus) => (e: MouseEvent) => {
    e.preventDefault();
    if (status !== queue.filters.status) void setQueueFilters({ status });
  };

  return (
    <div className="spo-queue-page">
      {queue.teamNotice && (
        <div className="govuk-inset-text" role="status">
          {queue.teamNotice}
        </div>
      )}
      <p className="govuk-body spo-queue-keys" id="queue-keys">
        <span className="govuk-!-font-weight-bold">Keys:</span> <kbd>/</kbd> search, <kbd>j</kbd> or <kbd>↓</kbd> next case, <kbd>k</kbd> or <kbd>↑</kbd> previous case,{' '}
        <kbd>Enter</kbd> open the selected case.
      </p>
      <div className="moj-filter-layout">
        <div className="moj-filter-layout__filter">
          <div className="moj-filter spo-queue-filter">
            <div className="moj-filter__header">
              <div className="moj-filter__header-title">
                <h2 className="govuk-heading-m">Filter</h2>
              </div>
            </div>
            <div className="moj-filter__content">
              <div className="moj-filter__options">
                <QueueFilters searchRef={search} onLeaveSearch={() => table.current?.focusRow(queue.selected)} />
                <RuleSummary />
              </div>
            </div>
          </div>
        </div>
        <div className="moj-filter-layout__content">
          <nav className="moj-sub-navigation" aria-label="Overdue or due soon">
            <ul className="moj-sub-navigation__list">
              {tabs.map(([status, label]) => (
                <li key={status} className="moj-sub-navigation__item">
                  <a
                    className="moj-sub-navigation__link"
                    href={`#queue-${status}`}
                    onClick={chooseTab(status)}
                    {...(queue.filters.status === status ? { 'aria-current': 'page' } : {})}
                  >
                    {label} ({counts[status].toLocaleString('en-GB')})
                  </a>
                </li>
              ))}
            </ul>
          </nav>
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
                Nothing is {queue.filters.status === 'overdue' ? 'overdue' : 'due soon'} under these filters. Change or clear the filters to see more.
              </p>
            </div>
          ) : (
            <QueueTable ref={table} />
          )}
        </div>
      </div>
    </div>
  );
}
