import { useShallow } from 'zustand/react/shallow';
import type { CaseRuleId } from '../../../../db/contract/index.js';
import { useApp } from '../../store/index.js';
import type { QueueStatus } from '../../store/queue.js';
import { ruleTitles } from '../../../../db/contract/words/index.js';
import { TableHead } from '../../components/TableHead.js';

/**
 * Flags per rule under the other filters, overdue and due soon. Each count filters the queue to
 * that rule and tab; the one in force is pressed, and pressing it again shows every rule.
 */
export function RuleSummary() {
  const { summary, filters, setQueueFilters } = useApp(useShallow((s) => ({ summary: s.queue.summary, filters: s.queue.filters, setQueueFilters: s.setQueueFilters })));
  const shown = summary.filter((s) => s.overdue > 0 || s.dueSoon > 0 || s.rule === filters.rule);
  const choose = (rule: CaseRuleId, status: QueueStatus) => {
    const same = filters.rule === rule && filters.status === status;
    void setQueueFilters(same ? { rule: undefined } : { rule, status });
  };
  const count = (rule: CaseRuleId, status: QueueStatus, n: number) => {
    const pressed = filters.rule === rule && filters.status === status;
    return (
      <button type="button" className="spo-link-button" aria-pressed={pressed} onClick={() => { choose(rule, status); }}>
        {n.toLocaleString('en-GB')}
        <span className="govuk-visually-hidden">
          {' '}
          {status === 'overdue' ? 'overdue' : 'due soon'}: {ruleTitles[rule]}
        </span>
      </button>
    );
  };
  return (
    <>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Flags by rule</h3>
      <p id="rule-summary-hint" className="govuk-hint govuk-!-margin-bottom-2">
        Select a count to list those flags; select it again for every rule.
      </p>
      <table className="govuk-table spo-rule-summary" aria-describedby="rule-summary-hint">
        <caption className="govuk-visually-hidden">Flags by rule</caption>
        <TableHead headings={['Rule', { text: 'Overdue', numeric: true }, { text: 'Due soon', numeric: true }]} />
        <tbody className="govuk-table__body">
          {shown.length === 0 && (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={3}>
                No flags under these filters.
              </td>
            </tr>
          )}
          {shown.map((s) => (
            <tr key={s.rule} className={`govuk-table__row${filters.rule === s.rule ? ' spo-rule-summary__current' : ''}`}>
              <th scope="row" className="govuk-table__header spo-rule-summary__rule">
                {ruleTitles[s.rule]} <span className="spo-rule-code">{s.rule}</span>
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{count(s.rule, 'overdue', s.overdue)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{count(s.rule, 'due-soon', s.dueSoon)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
