import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ProblemSummary } from '../../components/ErrorSummary.js';
import { BackLink } from '../../components/BackLink.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useApp, type Route } from '../../store/index.js';
import { londonToday, spokenDate } from '../../../../db/contract/dates.js';
import { ActionCloseForm } from './ActionCloseForm.js';
import { openRules, prefillAmend, prefillRecord } from './form.js';
import { ReviewForm } from './ReviewForm.js';
import { WithdrawForm } from './WithdrawForm.js';

type ReviewRoute = Extract<Route, { screen: 'review' }>;

/** Record an oversight review, or amend or withdraw one, with a reason. */
export function ReviewScreen() {
  const route = useApp((s) => s.route);
  return route.screen === 'review' ? <ReviewPage route={route} /> : null;
}

const headings = {
  record: 'Record an oversight review',
  amend: 'Correct an oversight review',
  withdraw: 'Withdraw an oversight review',
  done: 'Mark an action as done',
  drop: 'Drop an action',
} as const;

function ReviewPage({ route }: { route: ReviewRoute }) {
  const { view, profile, settings, staff, loadCase, loadReviewSettings, loadReviewStaff, setCaseNotice, navigate } = useApp(
    useShallow((s) => ({
      view: s.caseView,
      profile: s.profile,
      settings: s.reviewSettings,
      staff: s.reviewStaff,
      loadCase: s.loadCase,
      loadReviewSettings: s.loadReviewSettings,
      loadReviewStaff: s.loadReviewStaff,
      setCaseNotice: s.setCaseNotice,
      navigate: s.navigate,
    })),
  );
  const { crn } = route;
  const [fresh, setFresh] = useState(false);
  useEffect(() => {
    // The form is filled from the case as it is now, not as it was when the case screen opened.
    setCaseNotice(null);
    void Promise.all([loadReviewSettings(), loadReviewStaff(), loadCase(crn)]).then(() => {
      setFresh(true);
    });
  }, [crn, loadCase, loadReviewSettings, loadReviewStaff, setCaseNotice]);

  const backToCase = () => {
    navigate({ screen: 'case', crn });
  };
  const waiting = (message: string, problem = false) => (
    <>
      <BackLink href={`#case/${crn}`} onBack={backToCase}>
        Back to the case
      </BackLink>
      {problem && <ProblemSummary message={message} />}
      <PageHeading title={headings[route.mode]} caption={`Case ${crn}`} error={problem}>
        {headings[route.mode]}
      </PageHeading>
      {!problem && <p className="govuk-body">{message}</p>}
    </>
  );

  if (fresh && view.error && view.crn === crn) return waiting(view.error.message, true);
  const { detail, flags, reviews } = view;
  if (!fresh || view.loading || view.crn !== crn || !detail || !flags || !reviews || !settings) return waiting('Reading the case…');

  // An action's owner: the case's practitioner, the SPO, then the rest of the case's team.
  const label = (p: { name: string | null; staffCode: string }) => (p.name ? `${p.name} (${p.staffCode})` : p.staffCode);
  const team = staff?.find((t) => t.code === detail.team.code)?.practitioners ?? [];
  const owners = [
    ...new Set([label(detail.practitioner), ...(profile ? [label(profile)] : []), ...team.map((p) => label(p))]),
  ];

  if (route.mode === 'record') {
    if (!detail.inCaseload) return waiting(`${detail.name} has left the caseload: no new review can be recorded.`, true);
    return <ReviewForm crn={crn} name={detail.name} initial={prefillRecord(flags, profile, londonToday(new Date()), settings)} triggerOptions={openRules(flags)} owners={owners} />;
  }
  if (route.mode === 'done' || route.mode === 'drop') {
    const action = view.actions?.find((a) => a.reviewId === route.reviewId && a.number === route.number);
    if (!action) return waiting(`Review ${String(route.reviewId)} of this case has no action ${String(route.number)}.`, true);
    if (action.closed) return waiting(`This action was already marked ${action.closed.kind} on ${spokenDate(action.closed.date)}.`, true);
    return <ActionCloseForm crn={crn} name={detail.name} action={action} kind={route.mode} />;
  }
  const review = reviews.reviews.find((r) => r.id === route.reviewId);
  if (!review) return waiting(`There is no review ${String(route.reviewId)} of this case.`, true);
  if (review.withdrawn) return waiting('This review was withdrawn; it cannot be corrected or withdrawn again. Record a new review instead.', true);
  if (route.mode === 'withdraw') return <WithdrawForm crn={crn} name={detail.name} review={review} />;
  return (
    <ReviewForm
      crn={crn}
      name={detail.name}
      amend={{ id: review.id, version: review.current.version, recordedAt: review.current.recordedAt }}
      initial={prefillAmend(review.current)}
      triggerOptions={openRules(flags)}
      owners={owners}
    />
  );
}
