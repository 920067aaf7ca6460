import { useState } from 'react';
import type { CaseDetail, TimelineEvent } from '../../../../db/contract/index.js';
import { evidenceKindLabels, type EvidenceKind } from '../../../../db/contract/words/index.js';
import { count } from '../../format.js';
import { CodeWords } from '../../components/CodeWords.js';
import { Day } from './format.js';
import { TableHead } from '../../components/TableHead.js';

/** The kinds an SPO filters by; everyday contacts are kept apart, behind their count. */
const filterKinds = ['oversight', 'checks', 'referrals', 'registrations'] as const satisfies readonly EvidenceKind[];
type FilterKind = (typeof filterKinds)[number];

function eventLabel(e: TimelineEvent): string {
  if (e.kind === 'review') return 'Oversight review in this app';
  if (e.kind === 'registration') return 'Registered';
  if (e.kind === 'deregistration') return 'Deregistered';
  return { oversight: 'Oversight contact', checks: 'Check', referrals: 'Referral', registrations: 'Contact', other: 'Contact' }[e.evidenceKind];
}

function What({ e }: { e: TimelineEvent }) {
  if (e.kind === 'review') {
    const words = e.meaning ? `${e.meaning.charAt(0).toUpperCase()}${e.meaning.slice(1)}` : e.code;
    return (
      <>
        {words}
        {e.countsAsEvidence === false ? (
          <>
            {' '}
            <strong className="govuk-tag govuk-tag--grey">Withdrawn: not evidence</strong>
          </>
        ) : (
          e.detail && <span className="spo-timeline__detail">{e.detail}</span>
        )}
      </>
    );
  }
  if (e.kind === 'contact') {
    // The contact ID is only for finding the contact in nDelius, so it sits small under the words.
    return (
      <>
        <CodeWords kind="contact" code={e.code} />
        {e.evidenceKind !== 'other' && e.detail && <span className="spo-timeline__detail">nDelius {e.detail}</span>}
      </>
    );
  }
  return (
    <>
      <CodeWords kind="register" code={e.code} />
      {e.detail && <span className="spo-timeline__detail">{e.detail}</span>}
    </>
  );
}

function EventTable({ events, caption, variant }: { events: readonly TimelineEvent[]; caption: string; variant: 'evidence' | 'everyday' }) {
  return (
    <table className={`govuk-table spo-table--small spo-timeline spo-timeline--${variant}`}>
      <caption className="govuk-visually-hidden">{caption}</caption>
      <TableHead headings={['Date', 'Event', 'What']} />
      <tbody className="govuk-table__body">
        {events.map((e, i) => (
          <tr
            className={`govuk-table__row${e.countsAsEvidence === false ? ' spo-timeline__withdrawn' : ''}`}
            key={`${e.kind}-${e.code}-${e.date}-${String(i)}`}
            data-kind={e.evidenceKind}
          >
            <td className="govuk-table__cell spo-nowrap">
              <Day iso={e.date} />
            </td>
            <td className="govuk-table__cell">{eventLabel(e)}</td>
            <td className="govuk-table__cell">
              <What e={e} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Registrations, contacts and reviews, newest first, filtered by kind. An SPO looks for the
 * oversight, the checks and the referrals; the everyday appointments, calls and letters (most of
 * a case's contacts) wait behind their count so they do not bury them.
 */
export function EvidenceTimeline({ detail }: { detail: CaseDetail }) {
  const [shown, setShown] = useState<ReadonlySet<FilterKind>>(() => new Set(filterKinds));
  const byKind = (k: EvidenceKind) => detail.timeline.filter((e) => e.evidenceKind === k);
  const everyday = byKind('other');
  const evidence = detail.timeline.filter((e) => e.evidenceKind !== 'other' && shown.has(e.evidenceKind));
  const more = detail.contactsTotal - detail.contactsShown;
  const toggle = (k: FilterKind) => {
    setShown((s) => {
      const next = new Set(s);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  };
  return (
    <section aria-labelledby="timeline-heading">
      <h2 className="govuk-heading-m" id="timeline-heading">
        Evidence timeline
      </h2>
      <p className="govuk-body">
        Newest first: registrations, reviews recorded in this app, every contact that counts as oversight, a check or a referral, and{' '}
        {more > 0 ? `the latest of the everyday contacts (${count(detail.contactsShown, 'contact')} of ${count(detail.contactsTotal, 'contact')} shown)` : 'every everyday contact'}.
      </p>
      {detail.timeline.length === 0 ? (
        <p className="govuk-body">Nothing recorded yet.</p>
      ) : (
        <>
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset" aria-describedby="timeline-filter-hint">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Show</legend>
              <div id="timeline-filter-hint" className="govuk-hint">
                The list changes as you select
              </div>
              <div className="govuk-checkboxes govuk-checkboxes--small spo-timeline__filter" data-module="govuk-checkboxes">
                {filterKinds.map((k) => (
                  <div className="govuk-checkboxes__item" key={k}>
                    <input
                      className="govuk-checkboxes__input"
                      id={`timeline-${k}`}
                      name="timeline-kind"
                      type="checkbox"
                      value={k}
                      checked={shown.has(k)}
                      onChange={() => {
                        toggle(k);
                      }}
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={`timeline-${k}`}>
                      {evidenceKindLabels[k]} ({byKind(k).length})
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <p className="govuk-body" role="status" data-field="timeline-count">
            Showing {count(evidence.length, 'event')}.
          </p>
          {evidence.length > 0 ? (
            <EventTable events={evidence} caption="Evidence timeline, newest first" variant="evidence" />
          ) : (
            <p className="govuk-body">No events of the kinds selected.</p>
          )}
          {everyday.length > 0 && (
            <details className="govuk-details spo-timeline__everyday">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  Show {more > 0 ? 'the latest ' : ''}
                  {count(everyday.length, 'everyday contact')}
                </span>
              </summary>
              <div className="govuk-details__text">
                <p className="govuk-body">
                  Appointments, calls, visits and letters: no rule counts them.
                  {more > 0 && ` ${count(more, 'older contact')} ${more === 1 ? 'is' : 'are'} not shown; nDelius holds them.`}
                </p>
                <EventTable events={everyday} caption="Everyday contacts, newest first" variant="everyday" />
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}
