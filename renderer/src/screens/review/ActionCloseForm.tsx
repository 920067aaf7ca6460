import { useState, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { emptyDateParts, type DateParts } from '../../../../db/contract/date-parts.js';
import { londonToday, spokenDate } from '../../../../db/contract/dates.js';
import { reviewLimits, type TrackedAction } from '../../../../db/contract/index.js';
import { reviewTypeLabels } from '../../../../db/contract/words/index.js';
import { DateInput, datePartId } from '../../components/DateInput.js';
import { ErrorSummary, ProblemSummary, type FieldError } from '../../components/ErrorSummary.js';
import { BackLink } from '../../components/BackLink.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SubmitOrCancel } from '../../components/SubmitOrCancel.js';
import { SummaryRow } from '../../components/SummaryRow.js';
import { checkDate, checkText, hasErrors, noErrors, refusedFields, wholeDate, type FormErrors } from '../../store/form-errors.js';
import { useApp } from '../../store/index.js';
import { Textarea } from './fields.js';
import { problemWords } from './form.js';

type Field = 'date' | 'note';

/**
 * Marks an action agreed in a review done, or drops it (oversight-rules.md, "Actions agreed in
 * oversight"): its own dated event, which never edits the review. Dropping needs a reason.
 */
export function ActionCloseForm({ crn, name, action, kind }: { crn: string; name: string; action: TrackedAction; kind: 'done' | 'drop' }) {
  const { closeAction, navigate } = useApp(useShallow((s) => ({ closeAction: s.closeAction, navigate: s.navigate })));
  const [date, setDate] = useState<DateParts>(emptyDateParts);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const done = kind === 'done';
  const title = done ? 'Mark an action as done' : 'Drop an action';
  const dateWords = { name: done ? 'Date it was done' : 'Date it was dropped', missing: done ? 'Enter the date the action was done' : 'Enter the date the action was dropped' };
  const noteWords = done ? { name: 'How it was done' } : { name: 'Reason for dropping the action', missing: 'Enter why the action is no longer needed' };

  const backToCase = () => {
    navigate({ screen: 'case', crn });
  };
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (saving) return;
    setFailure(null);
    const found = noErrors<Field>();
    const iso = checkDate(found, 'date', date, dateWords, { required: true, today: londonToday(new Date()), when: 'today-or-past' });
    if (iso && iso < action.reviewDate) wholeDate(found, 'date', `${dateWords.name} must be on or after the review, ${spokenDate(action.reviewDate)}`);
    checkText(found, 'note', note, noteWords, reviewLimits.reason);
    setErrors(found);
    if (hasErrors(found)) {
      setAttempt((n) => n + 1);
      return;
    }
    setSaving(true);
    const base = { reviewId: action.reviewId, number: action.number, date: iso };
    const problem = await closeAction(crn, kind, done ? { ...base, ...(note.trim() ? { note: note.trim() } : {}) } : { ...base, reason: note.trim() });
    if (!problem) return;
    setSaving(false);
    setAttempt((n) => n + 1);
    const refused = refusedFields<Field>(problem, ['date', 'note'], ['date']);
    if (hasErrors(refused)) setErrors(refused);
    else setFailure(problem.code === 'conflict' ? 'This action was already marked done or dropped. Go back to the case to see it.' : problemWords(problem));
  };

  const summary: FieldError[] = [
    ...(errors.messages.date ? [{ href: `#${datePartId('action-date', errors.parts.date?.[0] ?? 'day')}`, text: errors.messages.date }] : []),
    ...(errors.messages.note ? [{ href: '#action-note', text: errors.messages.note }] : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`#case/${crn}`} onBack={backToCase}>
          Back to the case
        </BackLink>
        <ErrorSummary errors={summary} attempt={attempt} />
        {failure && <ProblemSummary key={attempt} title={done ? 'The action could not be marked done' : 'The action could not be dropped'} message={failure} />}
        <PageHeading title={title} caption={`${name}, case ${crn}`} error={summary.length > 0 || failure !== null}>
          {title}
        </PageHeading>
        <dl className="govuk-summary-list">
          <SummaryRow label="Action">{action.text}</SummaryRow>
          <SummaryRow label="Owner">{action.owner}</SummaryRow>
          <SummaryRow label="Due">{spokenDate(action.due)}{action.overdue ? ' (overdue)' : ''}</SummaryRow>
          <SummaryRow label="Agreed in">
            {reviewTypeLabels[action.reviewType]} review of {spokenDate(action.reviewDate)} by {action.spo}
          </SummaryRow>
        </dl>
        <p className="govuk-body">This is recorded as its own dated event in the audit log. The review itself is not changed.</p>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <DateInput id="action-date" legend={dateWords.name} hint="Today or earlier" value={date} onChange={setDate} error={errors.messages.date} errorParts={errors.parts.date} />
          <Textarea
            id="action-note"
            label={done ? 'How it was done (optional)' : 'Why is the action no longer needed?'}
            rows={3}
            value={note}
            limit={reviewLimits.reason}
            error={errors.messages.note}
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
          <SubmitOrCancel warning={!done} saving={saving} cancelHref={`#case/${crn}`} onCancel={backToCase}>
            {done ? 'Mark as done' : 'Drop the action'}
          </SubmitOrCancel>
        </form>
      </div>
    </div>
  );
}
