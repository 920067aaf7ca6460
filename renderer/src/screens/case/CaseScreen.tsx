import { useEffect, useState, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CaseRuleResult } from '../../../../db/contract/index.js';
import { ProblemSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useApp } from '../../store/index.js';
import { CaseSnapshot } from './CaseSnapshot.js';
import { EvidenceTimeline } from './EvidenceTimeline.js';
import { FlagCard } from './FlagCard.js';
import { ReviewHistory } from './ReviewHistory.js';

/** One case: the snapshot, each flag with its explanation, the evidence timeline, the reviews. */
export function CaseScreen() {
  const route = useApp((s) => s.route);
  return route.screen === 'case' ? <CasePage crn={route.crn} /> : null;
}

function CasePage({ crn }: { crn: string }) {
  const { view, notice, loadCase, navigate, setCaseNotice } = useApp(
    useShallow((s) => ({ view: s.caseView, notice: s.caseNotice, loadCase: s.loadCase, navigate: s.navigate, setCaseNotice: s.setCaseNotice })),
  );
  // Shown only once read afresh: after a review is saved, the old flags must never flash up.
  const [fresh, setFresh] = useState(false);
  useEffect(() => {
    void loadCase(crn).then(() => {
      setFresh(true);
    });
  }, [crn, loadCase]);

  const ready = fresh && view.crn === crn && !view.loading;
  const { detail, flags, reviews } = ready ? view : { detail: null, flags: null, reviews: null };
  const error = ready ? view.error : null;

  const toQueue = (e: MouseEvent) => {
    e.preventDefault();
    setCaseNotice(null);
    navigate({ screen: 'home' });
  };
  const recordReview = () => {
    navigate({ screen: 'review', crn, mode: 'record' });
  };

  const open = flags?.rules.filter((r) => r.status !== 'not-due') ?? [];
  const notDue = flags?.rules.filter((r) => r.status === 'not-due') ?? [];

  return (
    <>
      <a href="#home" className="govuk-back-link" onClick={toQueue}>
        Back to the queue
      </a>
      {notice?.crn === crn && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="case-notice-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="case-notice-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <h3 className="govuk-notification-banner__heading">{notice.title}</h3>
            <p className="govuk-body">{notice.text}</p>
          </div>
        </div>
      )}
      {error && <ProblemSummary title="The case could not be opened" message={error.message} />}
      <PageHeading title={`Case ${crn}`} caption={`Case ${crn}`} error={error !== null}>
        {detail?.name ?? (error ? `Case ${crn}` : 'Reading the case…')}
      </PageHeading>
      {detail && flags && reviews && (
        <>
          {detail.inCaseload ? (
            <button type="button" className="govuk-button" onClick={recordReview}>
              Record an oversight review
            </button>
          ) : (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                This case has left the caseload. It is no longer flagged and no new review can be recorded; its history is kept.
              </strong>
            </div>
          )}

          <section aria-labelledby="flags-heading">
            <h2 className="govuk-heading-m" id="flags-heading">
              Flags
            </h2>
            {open.length === 0 && <p className="govuk-body">{detail.inCaseload ? 'Nothing is overdue or due soon.' : 'Cases that have left the caseload are not flagged.'}</p>}
            {open.map((r) => (
              <FlagCard key={r.rule} result={r} />
            ))}
            {notDue.length > 0 && <NotDue rules={notDue} />}
            {flags.notEvaluated.length > 0 && (
              <div className="govuk-inset-text">
                <h3 className="govuk-heading-s">Not evaluated</h3>
                <ul className="govuk-list">
                  {flags.notEvaluated.map((n) => (
                    <li key={`${n.rule}-${n.reason}`}>
                      <strong>{n.rule}</strong>: {n.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>

          <CaseSnapshot detail={detail} flags={flags} />
          <ReviewHistory reviews={reviews} />
          <EvidenceTimeline detail={detail} />
        </>
      )}
    </>
  );
}

function NotDue({ rules }: { rules: readonly CaseRuleResult[] }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Rules that apply but are not due yet ({rules.length})</span>
      </summary>
      <div className="govuk-details__text">
        {rules.map((r) => (
          <FlagCard key={r.rule} result={r} />
        ))}
      </div>
    </details>
  );
}
