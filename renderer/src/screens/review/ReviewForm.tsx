import { useState, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { reviewLimits, reviewTypes, type CaseRuleId } from '../../../../db/contract/index.js';
import { DateInput } from '../../components/DateInput.js';
import { ErrorSummary, ProblemSummary } from '../../components/ErrorSummary.js';
import { BackLink } from '../../components/BackLink.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SubmitOrCancel } from '../../components/SubmitOrCancel.js';
import { TextInput } from '../../components/TextInput.js';
import { useApp } from '../../store/index.js';
import { ActionsField } from './ActionsField.js';
import { ChecksField } from './ChecksField.js';
import { londonToday } from '../../../../db/contract/dates.js';
import { Checkboxes } from '../../components/Checkboxes.js';
import { Radios, Textarea } from './fields.js';
import {
  changeType,
  FieldErrors,
  schemaErrors,
  serviceErrors,
  summaryOf,
  toAmendInput,
  toRecordInput,
  validate,
  type ReviewFormValues,
} from './form.js';
import { reviewTypeLabels, ruleTitles } from '../../../../db/contract/words/index.js';
import { typeHints } from './labels.js';

const isRule = (t: string): t is CaseRuleId => Object.hasOwn(ruleTitles, t);
const triggerLabel = (t: string) => (isRule(t) ? `${ruleTitles[t]} (${t})` : t);

export interface ReviewFormProps {
  crn: string;
  name: string;
  /** Set when correcting a review: its id and the version being corrected. */
  amend?: { id: number; version: number; recordedAt: string };
  initial: ReviewFormValues;
  /** The rules and events that could have prompted the review. */
  triggerOptions: readonly string[];
  /** Who may own an action: the case's practitioner, the SPO, the team's practitioners ("Name (CODE)"). */
  owners?: readonly string[];
}

/** Records an oversight review, or corrects one with a reason (a new version of it). */
export function ReviewForm({ crn, name, amend, initial, triggerOptions, owners = [] }: ReviewFormProps) {
  const { recordReview, amendReview, navigate, settings } = useApp(
    useShallow((s) => ({ recordReview: s.recordReview, amendReview: s.amendReview, navigate: s.navigate, settings: s.reviewSettings })),
  );
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>(() => new FieldErrors());
  const [failure, setFailure] = useState<string | null>(null);
  /** Each failed submit moves focus to the summary again, even with the same problems. */
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const mode = amend ? 'amend' : 'record';
  const title = amend ? 'Correct an oversight review' : 'Record an oversight review';

  const set = (patch: Partial<ReviewFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
  };
  const backToCase = () => {
    navigate({ screen: 'case', crn });
  };

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    if (saving) return;
    let found = validate(values, mode, londonToday(new Date()));
    if (found.size === 0) found = schemaErrors(crn, amend ? amend.id : null, values);
    setErrors(found);
    setFailure(null);
    if (found.size > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setSaving(true);
    const error = amend ? await amendReview(crn, toAmendInput(amend.id, values)) : await recordReview(toRecordInput(crn, values));
    if (!error) return; // back on the case
    setSaving(false);
    const refused = serviceErrors(error, values);
    setErrors(refused.fields);
    setFailure(refused.problem);
    setAttempt((n) => n + 1);
  };

  const summary = summaryOf(errors);
  const err = (id: string) => errors.get(id);
  const options = [...new Set([...triggerOptions, ...values.triggers])];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`#case/${crn}`} onBack={backToCase}>
          Back to the case
        </BackLink>
        <ErrorSummary errors={summary} attempt={attempt} />
        {failure && <ProblemSummary key={attempt} title="The review could not be saved" message={failure} />}
        <PageHeading title={title} caption={`${name}, case ${crn}`} error={summary.length > 0 || failure !== null}>
          {title}
        </PageHeading>
        {amend ? (
          <div className="govuk-inset-text">
            You are correcting version {amend.version} of this review. Your correction is saved as a new version with your reason; the earlier versions stay in
            the history.
          </div>
        ) : (
          <p className="govuk-body">Filled in from the case and its flags. Check each part before you save.</p>
        )}
        <form noValidate onSubmit={(e) => void submit(e)}>
          <Radios
            id="type"
            legend="Type of review"
            legendClass="govuk-fieldset__legend--m"
            options={reviewTypes.map((t) => ({ value: t, label: reviewTypeLabels[t], hint: typeHints[t] }))}
            value={values.type}
            error={err('type')}
            onChange={(type) => {
              setValues((v) => changeType(v, type, settings));
            }}
          />
          <DateInput
            id="date"
            legend="Date of review"
            hint="Today or earlier"
            value={values.date}
            error={err('date')}
            errorParts={errors.parts.get('date')}
            onChange={(date) => {
              set({ date });
            }}
          />
          <TextInput
            id="spoName"
            label="SPO who did the review"
            width="govuk-input--width-20"
            autoComplete="name"
            value={values.spoName}
            error={err('spoName')}
            onChange={(e) => {
              set({ spoName: e.target.value });
            }}
          />
          <TextInput
            id="spoStaffCode"
            label="SPO staff code (optional)"
            width="govuk-input--width-10"
            spellCheck={false}
            value={values.spoStaffCode}
            error={err('spoStaffCode')}
            onChange={(e) => {
              set({ spoStaffCode: e.target.value });
            }}
          />
          {options.length > 0 ? (
            <Checkboxes
              id="triggers"
              legend="What prompted the review"
              hint="The case’s open flags are ticked"
              options={options.map((t) => ({ value: t, label: triggerLabel(t) }))}
              values={values.triggers}
              error={err('triggers')}
              onChange={(triggers) => {
                set({ triggers });
              }}
            />
          ) : (
            <p className="govuk-body">The case has no open flags: this review was not prompted by a rule.</p>
          )}

          <ChecksField
            checks={values.checks}
            referrals={values.referrals}
            errors={errors}
            settings={settings}
            onChecks={(update) => {
              setValues((v) => ({ ...v, checks: update(v.checks) }));
            }}
            onReferrals={(update) => {
              setValues((v) => ({ ...v, referrals: update(v.referrals) }));
            }}
          />

          <h2 className="govuk-heading-m">Analysis and decision</h2>
          <Textarea
            id="analysis"
            label="Analysis (optional)"
            hint="What you found and what it means for the risk"
            value={values.analysis}
            limit={reviewLimits.analysis}
            error={err('analysis')}
            onChange={(e) => {
              set({ analysis: e.target.value });
            }}
          />
          <Textarea
            id="decision"
            label="Decision"
            value={values.decision}
            limit={reviewLimits.decision}
            error={err('decision')}
            onChange={(e) => {
              set({ decision: e.target.value });
            }}
          />
          <ActionsField
            rows={values.actions}
            owners={owners}
            errors={errors}
            onChange={(actions) => {
              set({ actions });
            }}
          />

          <h2 className="govuk-heading-m">Next review and nDelius</h2>
          <DateInput
            id="nextReviewDate"
            legend="Next review date (optional)"
            hint="Suggested from the policy settings for this type of review"
            value={values.nextReviewDate}
            error={err('nextReviewDate')}
            errorParts={errors.parts.get('nextReviewDate')}
            onChange={(nextReviewDate) => {
              set({ nextReviewDate });
            }}
          />
          <TextInput
            id="contactCode"
            label="nDelius contact code (optional)"
            hint="The contact type the review is entered as in nDelius"
            width="govuk-input--width-10"
            spellCheck={false}
            value={values.contactCode}
            error={err('contactCode')}
            onChange={(e) => {
              set({ contactCode: e.target.value });
            }}
          />
          <TextInput
            id="contactId"
            label="nDelius contact ID (optional)"
            hint="Once the contact is entered in nDelius"
            width="govuk-input--width-10"
            spellCheck={false}
            value={values.contactId}
            error={err('contactId')}
            onChange={(e) => {
              set({ contactId: e.target.value });
            }}
          />
          {amend && (
            <Textarea
              id="reason"
              label="Reason for the correction"
              rows={3}
              value={values.reason}
              limit={reviewLimits.reason}
              error={err('reason')}
              onChange={(e) => {
                set({ reason: e.target.value });
              }}
            />
          )}
          <SubmitOrCancel saving={saving} cancelHref={`#case/${crn}`} onCancel={backToCase}>
            {amend ? 'Save the correction' : 'Save the review'}
          </SubmitOrCancel>
        </form>
      </div>
    </div>
  );
}
