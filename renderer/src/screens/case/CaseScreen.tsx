import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CaseRuleResult } from '../../../../db/contract/index.js';
import { ProblemSummary } from '../../components/ErrorSummary.js';
import { BackLink } from '../../components/BackLink.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useApp } from '../../store/index.js';
import { count } from '../../format.js';
import { CodeWords } from '../../components/CodeWords.js';
import { speakText } from '../../../../db/contract/words/index.js';
import { CaseSnapshot } from './CaseSnapshot.js';
import { ActionsSection } from './ActionsSection.js';
import { EvidenceTimeline } from './EvidenceTimeline.js';
import { FlagCard } from './FlagCard.js';
import { ReviewHistory } from './ReviewHistory.js';

/** One case: first the flags and the decision they call for; then the snapshot, the reviews and the evidence timeline. */
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
  const { detail, flags, reviews, actions } = ready ? view : { detail: null, flags: null, reviews: null, actions: null };
  const error = ready ? view.error : null;

  const toQueue = () => {
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
      <BackLink href="#home" onBack={toQueue}>
        Back to the queue
      </BackLink>
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
          <section aria-labelledby="flags-heading">
            <h2 className="govuk-heading-m" id="flags-heading">
              Flags
            </h2>
            {detail.inCaseload ? (
              <>
                <p className="govuk-body-l" data-field="flag-summary">
                  {open.length === 0 ? 'Nothing is overdue or due soon.' : flagSummary(open)}
                </p>
                <button type="button" className="govuk-button" onClick={recordReview}>
                  Record an oversight review
                </button>
              </>
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
                      <strong>
                        <CodeWords kind="rule" code={n.rule} />
                      </strong>
                      : {speakText(n.reason)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>

          <ActionsSection crn={crn} actions={actions ?? []} inCaseload={detail.inCaseload} />
          <CaseSnapshot detail={detail} flags={flags} />
          <ReviewHistory reviews={reviews} />
          <EvidenceTimeline detail={detail} />
        </>
      )}
    </>
  );
}

/** The decision in one line: "2 flags overdue and 1 due soon: look at them, then record an oversight review." */
function flagSummary(open: readonly CaseRuleResult[]): string {
  const overdue = open.filter((r) => r.status === 'overdue').length;
  const soon = open.length - overdue;
  const parts = [overdue ? `${count(overdue, 'flag')} overdue` : null, soon ? `${overdue ? String(soon) : count(soon, 'flag')} due soon` : null].filter(Boolean);
  return `${parts.join(' and ')}. Look at ${open.length === 1 ? 'it' : 'them'} below, then record an oversight review.`;
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
