import type { MouseEvent } from 'react';
import type { CaseReviews, Review } from '../../../../db/contract/index.js';
import { useApp } from '../../store/index.js';
import { reviewChanges, reviewNumbers, reviewTypeLabels } from '../../../../db/contract/words/index.js';
import { ReviewVersionDetails } from '../../components/ReviewVersionDetails.js';
import { actionLabels } from '../review/labels.js';
import { Day } from './format.js';
import { spokenDate } from '../../../../db/contract/dates.js';

const when = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });


function VersionList({ review }: { review: Review }) {
  return (
    <ol className="govuk-list spo-versions">
      {review.versions.map((v, i) => {
        const prev = review.versions[i - 1];
        const changed = prev && v.action === 'amended' ? reviewChanges(prev, v) : [];
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
              <ul className="govuk-list spo-changes">
                {changed.map((c) => (
                  <li key={c.field}>
                    <span className="govuk-!-font-weight-bold">{c.field}:</span> <del className="spo-changes__from">{c.from}</del>
                    <span aria-hidden="true"> → </span>
                    <span className="govuk-visually-hidden"> changed to </span>
                    <ins className="spo-changes__to">{c.to}</ins>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function ReviewEntry({ review, crn, number }: { review: Review; crn: string; number: number }) {
  const navigate = useApp((s) => s.navigate);
  const v = review.current;
  const id = `review-${String(review.id)}`;
  const go = (mode: 'amend' | 'withdraw') => (e: MouseEvent) => {
    e.preventDefault();
    navigate({ screen: 'review', crn, mode, reviewId: review.id });
  };
  const label = `review ${String(number)}, ${reviewTypeLabels[v.type]}, ${spokenDate(v.date)}`;
  return (
    <article className={`spo-review${review.withdrawn ? ' spo-review--withdrawn' : ''}`} aria-labelledby={id} data-review-id={review.id}>
      <h3 className="govuk-heading-s" id={id}>
        Review {number}: {reviewTypeLabels[v.type]}, <Day iso={v.date} />
      </h3>
      <p className="govuk-body">
        {review.withdrawn ? (
          <strong className="govuk-tag govuk-tag--red">Withdrawn: does not count as evidence</strong>
        ) : (
          <strong className="govuk-tag govuk-tag--green">Counts as evidence</strong>
        )}{' '}
        {v.version > 1 && <strong className="govuk-tag govuk-tag--grey">Version {v.version}</strong>}
      </p>
      <ReviewVersionDetails version={v} />
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

/**
 * Every review of the case with its versions; a withdrawn one is kept, marked, and not counted.
 * Each is numbered as the oversight log's PDF numbers it (reviewNumbers), so either finds the other.
 */
export function ReviewHistory({ reviews }: { reviews: CaseReviews }) {
  const numbers = reviewNumbers(reviews.reviews.map((r) => r.id));
  return (
    <section aria-labelledby="reviews-heading">
      <h2 className="govuk-heading-m" id="reviews-heading">
        Oversight reviews
      </h2>
      {reviews.reviews.length === 0 ? (
        <p className="govuk-body">No oversight review of this case has been recorded in the app.</p>
      ) : (
        reviews.reviews.map((r) => <ReviewEntry key={r.id} review={r} crn={reviews.crn} number={numbers.get(r.id) ?? 0} />)
      )}
    </section>
  );
}
