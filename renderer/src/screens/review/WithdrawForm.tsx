import { useState, type MouseEvent, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { OpError, Review } from '../../../../db/contract/index.js';
import { ErrorSummary, ProblemSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useApp } from '../../store/index.js';
import { shortDate } from '../../../../db/contract/dates.js';
import { Textarea } from './fields.js';
import { serviceMessage } from './form.js';
import { reviewTypeLabels } from '../../../../db/contract/words/index.js';

/** Confirms withdrawing a review entered in error: a reason is required, and it stops counting as evidence. */
export function WithdrawForm({ crn, name, review }: { crn: string; name: string; review: Review }) {
  const { withdrawReview, navigate } = useApp(useShallow((s) => ({ withdrawReview: s.withdrawReview, navigate: s.navigate })));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<OpError | null>(null);
  const [saving, setSaving] = useState(false);
  const v = review.current;

  const backToCase = (e: MouseEvent) => {
    e.preventDefault();
    navigate({ screen: 'case', crn });
  };
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (saving) return;
    setFailure(null);
    if (!reason.trim()) {
      setError('Enter the reason for withdrawing the review');
      return;
    }
    if (reason.trim().length > 2000) {
      setError('Reason must be 2,000 characters or fewer');
      return;
    }
    setError(null);
    setSaving(true);
    const problem = await withdrawReview(crn, { id: review.id, reason: reason.trim() });
    if (!problem) return;
    setSaving(false);
    if (problem.field === 'reason') setError(serviceMessage(problem));
    else setFailure(problem);
  };

  const title = 'Withdraw an oversight review';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`#case/${crn}`} className="govuk-back-link" onClick={backToCase}>
          Back to the case
        </a>
        <ErrorSummary errors={error ? [{ href: '#reason', text: error }] : []} />
        {failure && <ProblemSummary title="The review could not be withdrawn" message={serviceMessage(failure)} />}
        <PageHeading title={title} caption={`${name}, case ${crn}`} error={error !== null || failure !== null}>
          {title}
        </PageHeading>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Review</dt>
            <dd className="govuk-summary-list__value">
              {reviewTypeLabels[v.type]}, <time dateTime={v.date}>{shortDate(v.date)}</time>
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">SPO</dt>
            <dd className="govuk-summary-list__value">
              {v.spo.name}
              {v.spo.staffCode ? ` (${v.spo.staffCode})` : ''}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Decision</dt>
            <dd className="govuk-summary-list__value spo-pre">{v.decision}</dd>
          </div>
        </dl>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Withdraw a review only if it was entered in error. It stays in the history, marked withdrawn, but no longer counts as evidence of oversight: the
            case’s flags are worked out again without it.
          </strong>
        </div>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <Textarea
            id="reason"
            label="Why are you withdrawing this review?"
            rows={3}
            value={reason}
            error={error ?? undefined}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" disabled={saving} aria-disabled={saving}>
              Withdraw the review
            </button>
            <a href={`#case/${crn}`} className="govuk-link" onClick={backToCase}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
