import type { CaseDetail, TimelineEvent } from '../../../../db/contract/index.js';
import { count } from '../../format.js';
import { Day } from './format.js';
import { TableHead } from '../../components/TableHead.js';

const kindLabels: Record<TimelineEvent['kind'], string> = {
  registration: 'Registered',
  deregistration: 'Deregistered',
  contact: 'Contact',
  review: 'Oversight review',
};

function what(e: TimelineEvent): string {
  const meaning = e.meaning ? (e.kind === 'review' ? e.meaning.charAt(0).toUpperCase() + e.meaning.slice(1) : e.meaning) : null;
  if (e.kind === 'review') return meaning ?? e.code;
  // A code with no description held (a local or everyday contact type) is shown as written.
  return meaning ? `${e.code}: ${meaning}` : e.code;
}

/** Registrations, contacts and reviews, newest first. */
export function EvidenceTimeline({ detail }: { detail: CaseDetail }) {
  const more = detail.contactsTotal - detail.contactsShown;
  return (
    <section aria-labelledby="timeline-heading">
      <h2 className="govuk-heading-m" id="timeline-heading">
        Evidence timeline
      </h2>
      <p className="govuk-body">
        Newest first: registrations, reviews recorded in this app and{' '}
        {more > 0 ? `the latest ${count(detail.contactsShown, 'contact')} of ${count(detail.contactsTotal, 'contact')}` : `all ${count(detail.contactsTotal, 'contact')}`}.
      </p>
      {detail.timeline.length === 0 ? (
        <p className="govuk-body">Nothing recorded yet.</p>
      ) : (
        <table className="govuk-table spo-table--small spo-timeline">
          <caption className="govuk-visually-hidden">Evidence timeline, newest first</caption>
          <TableHead headings={['Date', 'Event', 'What', 'Detail']} />
          <tbody className="govuk-table__body">
            {detail.timeline.map((e, i) => (
              <tr className={`govuk-table__row${e.countsAsEvidence === false ? ' spo-timeline__withdrawn' : ''}`} key={`${e.kind}-${e.code}-${e.date}-${String(i)}`}>
                <td className="govuk-table__cell spo-nowrap">
                  <Day iso={e.date} />
                </td>
                <td className="govuk-table__cell">{kindLabels[e.kind]}</td>
                <td className="govuk-table__cell">{what(e)}</td>
                <td className="govuk-table__cell">
                  {e.countsAsEvidence === false ? <strong className="govuk-tag govuk-tag--grey">Withdrawn: not evidence</strong> : (e.detail ?? '')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
