import { useState, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { reviewLimits, type Review } from '../../../../db/contract/index.js';
import { ErrorSummary, ProblemSummary } from '../../components/ErrorSummary.js';
import { BackLink } from '../../components/BackLink.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SubmitOrCancel } from '../../components/SubmitOrCancel.js';
import { useApp } from '../../store/index.js';
import { spokenDate } from '../../../../db/contract/dates.js';
import { Textarea } from './fields.js';
import { problemWords } from './form.js';
import { reviewTypeLabels } from '../../../../db/contract/words/index.js';

/** Confirms withdrawing a review entered in error: a reason is required, and it stops counting as evidence. */
export function WithdrawForm({ crn, name, review }: { crn: string; name: string; review: Review }) {
  const { withdrawReview, navigate } = useApp(useShallow((s) => ({ withdrawReview: s.withdrawReview, navigate: s.navigate })));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** Each failed submit moves focus to the summary again, even with the same problem. */
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const v = review.current;

  const backToCase = () => {
    navigate({ screen: 'case', crn });
  };
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (saving) return;
    setFailure(null);
    if (!reason.trim() || reason.trim().length > reviewLimits.reason) {
      setError(!reason.trim() ? 'Enter the reason for withdrawing the review' : `Reason must be ${reviewLimits.reason.toLocaleString('en-GB')} characters or fewer`);
      setAttempt((n) => n + 1);
      return;
    }
    setError(null);
    setSaving(true);
    const problem = await withdrawReview(crn, { id: review.id, reason: reason.trim() });
    if (!problem) return;
    setSaving(false);
    setAttempt((n) => n + 1);
    const reasonProblem = problem.fields?.find((f) => f.field === 'reason');
    if (reasonProblem) setError(reasonProblem.message);
    else setFailure(problemWords(problem));
  };

  const title = 'Withdraw an oversight review';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`#case/${crn}`} onBack={backToCase}>
          Back to the case
        </BackLink>
        <ErrorSummary errors={error ? [{ href: '#reason', text: error }] : []} attempt={attempt} />
        {failure && <ProblemSummary key={attempt} title="The review could not be withdrawn" message={failure} />}
        <PageHeading title={title} caption={`${name}, case ${crn}`} error={error !== null || failure !== null}>
          {title}
        </PageHeading>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Review</dt>
            <dd className="govuk-summary-list__value">
              {reviewTypeLabels[v.type]}, <time dateTime={v.date}>{spokenDate(v.date)}</time>
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
            limit={reviewLimits.reason}
            error={error ?? undefined}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
          <SubmitOrCancel warning saving={saving} cancelHref={`#case/${crn}`} onCancel={backToCase}>
            Withdraw the review
          </SubmitOrCancel>
        </form>
      </div>
    </div>
  );
}
