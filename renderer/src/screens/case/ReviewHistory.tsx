import type { MouseEvent } from 'react';
import type { CaseReviews, CaseRuleId, Review, ReviewVersion } from '../../../../db/contract/index.js';
import { useApp } from '../../store/index.js';
import { checkLabels, checkOutcomeLabels, reviewTypeLabels, ruleTitles } from '../../../../db/contract/words/index.js';
import { actionLabels } from '../review/labels.js';
import { Day } from './format.js';
import { SummaryRow as Row } from '../../components/SummaryRow.js';

const compared: readonly [keyof ReviewVersion, string][] = [
  ['type', 'type'],
  ['date', 'date'],
  ['spo', 'SPO'],
  ['triggers', 'what prompted it'],
  ['checks', 'checks'],
  ['analysis', 'analysis'],
  ['decision', 'decision'],
  ['actions', 'actions'],
  ['nextReviewDate', 'next review date'],
  ['ndelius', 'nDelius contact'],
];

/** The fields a version changed from the one before, in words. */
export function changedFields(prev: ReviewVersion, next: ReviewVersion): string[] {
  return compared.filter(([k]) => JSON.stringify(prev[k]) !== JSON.stringify(next[k])).map(([, words]) => words);
}

const when = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const isRule = (t: string): t is CaseRuleId => Object.hasOwn(ruleTitles, t);
const trigger = (t: string) => (isRule(t) ? `${ruleTitles[t]} (${t})` : t);


function VersionList({ review }: { review: Review }) {
  return (
    <ol className="govuk-list spo-versions">
      {review.versions.map((v, i) => {
        const prev = review.versions[i - 1];
        const changed = prev && v.action === 'amended' ? changedFields(prev, v) : [];
        return (
          <li key={v.version} className={v.action === 'withdrawn' ? 'spo-versions__withdrawn' : undefined}>
            <strong>
              Version {v.version}: {actionLabels[v.action].toLowerCase()}
            </strong>{' '}
            <time dateTime={v.recordedAt}>{when.format(new Date(v.recordedAt))}</time> by {v.recordedBy ?? v.recordedByOs}
            {v.reason && (
              <>
                <br />
                Reason: {v.reason}
              </>
            )}
            {changed.length > 0 && (
              <>
                <br />
                Changed: {changed.join(', ')}
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function ReviewEntry({ review, crn }: { review: Review; crn: string }) {
  const navigate = useApp((s) => s.navigate);
  const v = review.current;
  const id = `review-${String(review.id)}`;
  const go = (mode: 'amend' | 'withdraw') => (e: MouseEvent) => {
    e.preventDefault();
    navigate({ screen: 'review', crn, mode, reviewId: review.id });
  };
  const label = `${reviewTypeLabels[v.type]}, ${v.date}`;
  return (
    <article className={`spo-review${review.withdrawn ? ' spo-review--withdrawn' : ''}`} aria-labelledby={id} data-review-id={review.id}>
      <h3 className="govuk-heading-s" id={id}>
        {reviewTypeLabels[v.type]}, <Day iso={v.date} />
      </h3>
      <p className="govuk-body">
        {review.withdrawn ? (
          <strong className="govuk-tag govuk-tag--red">Withdrawn: does not count as evidence</strong>
        ) : (
          <strong className="govuk-tag govuk-tag--green">Counts as evidence</strong>
        )}{' '}
        {v.version > 1 && <strong className="govuk-tag govuk-tag--grey">Version {v.version}</strong>}
      </p>
      <dl className="govuk-summary-list">
        <Row label="SPO">
          {v.spo.name}
          {v.spo.staffCode ? ` (${v.spo.staffCode})` : ''}
        </Row>
        <Row label="Prompted by">{v.triggers.length ? v.triggers.map(trigger).join('; ') : 'not recorded'}</Row>
        <Row label="Checked">
          {v.checks.length ? (
            <ul className="govuk-list">
              {v.checks.map((c) => (
                <li key={c.item}>
                  {checkLabels[c.item]}: {checkOutcomeLabels[c.outcome].toLowerCase()}
                  {c.note ? ` (${c.note})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            'nothing recorded'
          )}
        </Row>
        {v.analysis && (
          <Row label="Analysis">
            <span className="spo-pre">{v.analysis}</span>
          </Row>
        )}
        <Row label="Decision">
          <span className="spo-pre">{v.decision}</span>
        </Row>
        <Row label="Actions">
          {v.actions.length ? (
            <ul className="govuk-list">
              {v.actions.map((a, i) => (
                <li key={`${a.text}-${String(i)}`}>
                  {a.text}: {a.owner}, due <Day iso={a.due} />
                </li>
              ))}
            </ul>
          ) : (
            'none'
          )}
        </Row>
        <Row label="Next review">{v.nextReviewDate ? <Day iso={v.nextReviewDate} /> : 'not set'}</Row>
        <Row label="nDelius contact">
          {v.ndelius.contactCode ?? 'no code'}
          {v.ndelius.contactId ? `, contact ID ${v.ndelius.contactId}` : ', not yet entered'}
        </Row>
      </dl>
      <h4 className="govuk-heading-s">History of this review</h4>
      <VersionList review={review} />
      {!review.withdrawn && (
        <ul className="govuk-list spo-review__links">
          <li>
            <a href={`#review/${String(review.id)}/amend`} className="govuk-link" onClick={go('amend')}>
              Correct this review<span className="govuk-visually-hidden"> ({label})</span>
            </a>
          </li>
          <li>
            <a href={`#review/${String(review.id)}/withdraw`} className="govuk-link" onClick={go('withdraw')}>
              Withdraw this review<span className="govuk-visually-hidden"> ({label})</span>
            </a>
          </li>
        </ul>
      )}
    </article>
  );
}

/** Every review of the case with its versions; a withdrawn one is kept, marked, and not counted. */
export function ReviewHistory({ reviews }: { reviews: CaseReviews }) {
  return (
    <section aria-labelledby="reviews-heading">
      <h2 className="govuk-heading-m" id="reviews-heading">
        Oversight reviews
      </h2>
      {reviews.reviews.length === 0 ? (
        <p className="govuk-body">No oversight review of this case has been recorded in the app.</p>
      ) : (
        reviews.reviews.map((r) => <ReviewEntry key={r.id} review={r} crn={reviews.crn} />)
      )}
    </section>
  );
}
