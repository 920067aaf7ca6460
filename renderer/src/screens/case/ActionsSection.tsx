import type { MouseEvent } from 'react';
import { shortDate, spokenDate } from '../../../../db/contract/dates.js';
import type { TrackedAction } from '../../../../db/contract/index.js';
import { reviewTypeLabels } from '../../../../db/contract/words/index.js';
import { TableHead } from '../../components/TableHead.js';
import { count } from '../../format.js';
import { useApp } from '../../store/index.js';

/**
 * The actions agreed in the case's reviews: the open ones first, each with the way to mark it
 * done or drop it; those done or dropped below, behind their count.
 */
export function ActionsSection({ crn, actions, inCaseload }: { crn: string; actions: readonly TrackedAction[]; inCaseload: boolean }) {
  const navigate = useApp((s) => s.navigate);
  const open = actions.filter((a) => a.status === 'open');
  const closed = actions.filter((a) => a.status !== 'open');
  const overdue = open.filter((a) => a.overdue).length;
  const go = (a: TrackedAction, mode: 'done' | 'drop') => (e: MouseEvent) => {
    e.preventDefault();
    navigate({ screen: 'review', crn, mode, reviewId: a.reviewId, number: a.number });
  };
  return (
    <section aria-labelledby="actions-heading">
      <h2 className="govuk-heading-m" id="actions-heading">
        Actions agreed in oversight
      </h2>
      {actions.length === 0 ? (
        <p className="govuk-body">No review of this case has agreed an action.</p>
      ) : (
        <p className="govuk-body" data-field="actions-summary">
          {open.length === 0 ? 'Every action is done or dropped.' : `${count(open.length, 'open action')}${overdue ? `, ${String(overdue)} overdue` : ''}.`}
        </p>
      )}
      {open.length > 0 && (
        <div className="spo-scroll-x" tabIndex={0} role="region" aria-label="Open actions">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Open actions, the earliest due first</caption>
            <TableHead headings={['Action', 'Owner', 'Due', 'Agreed in', ...(inCaseload ? ['Record'] : [])]} />
            <tbody className="govuk-table__body">
              {open.map((a) => (
                <tr key={`${String(a.reviewId)}-${String(a.number)}`} className="govuk-table__row">
                  <td className="govuk-table__cell spo-pre">{a.text}</td>
                  <td className="govuk-table__cell">{a.owner}</td>
                  <td className="govuk-table__cell">
                    {shortDate(a.due)}
                    {a.overdue && (
                      <>
                        {' '}
                        <strong className="govuk-tag govuk-tag--red">Overdue</strong>
                      </>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {reviewTypeLabels[a.reviewType]} review, {shortDate(a.reviewDate)}
                  </td>
                  {inCaseload && (
                    <td className="govuk-table__cell">
                      <ul className="govuk-list spo-actions-links">
                        <li>
                          <a className="govuk-link" href={`#case/${crn}`} onClick={go(a, 'done')}>
                            Mark as done<span className="govuk-visually-hidden">: {a.text}</span>
                          </a>
                        </li>
                        <li>
                          <a className="govuk-link" href={`#case/${crn}`} onClick={go(a, 'drop')}>
                            Drop<span className="govuk-visually-hidden">: {a.text}</span>
                          </a>
                        </li>
                      </ul>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {closed.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Show {count(closed.length, 'action')} done or dropped</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list govuk-list--spaced">
              {closed.map((a) => (
                <li key={`${String(a.reviewId)}-${String(a.number)}`}>
                  <strong>{a.text}</strong> (owner {a.owner}, due {spokenDate(a.due)}): {a.status === 'done' ? 'done' : 'dropped'} on{' '}
                  {spokenDate(a.closed?.date ?? a.due)}
                  {a.closed?.note ? `. ${a.status === 'done' ? 'How' : 'Why'}: ${a.closed.note}` : ''}
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
    </section>
  );
}
