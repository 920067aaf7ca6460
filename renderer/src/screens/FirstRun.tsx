import { useState, type ChangeEvent, type SyntheticEvent } from 'react';
import { profileSetInput } from '../../../db/contract/index.js';
import { ProblemSummary } from '../components/ErrorSummary.js';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary.js';
import { PageHeading } from '../components/PageHeading.js';
import { TextInput } from '../components/TextInput.js';
import { useShallow } from 'zustand/react/shallow';
import { problemWords } from '../store/form-errors.js';
import { useApp } from '../store/index.js';

type Field = 'name' | 'staffCode' | 'teamCode';
const fields: readonly Field[] = ['name', 'staffCode', 'teamCode'];

/** The GOV.UK wording for each field's problem; the contract's schema decides whether there is one. */
const messages: Record<Field, { missing: string; invalid: string }> = {
  name: { missing: 'Enter your full name', invalid: 'Full name must be 200 characters or fewer' },
  staffCode: { missing: 'Enter your staff code', invalid: 'Staff code must only include letters and numbers, like N99S001' },
  teamCode: { missing: 'Enter your team code', invalid: 'Team code must only include letters and numbers, like N99T01' },
};

/** The contract's orgCode limit: a code this long is refused for its length, which says more than its letters. */
const codeLimit = 20;

function fieldErrors(values: Record<Field, string>): Partial<Record<Field, string>> {
  const parsed = profileSetInput.safeParse(values);
  if (parsed.success) return {};
  const out: Partial<Record<Field, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = fields.find((f) => f === issue.path[0]);
    if (!field || out[field]) continue;
    const v = values[field].trim();
    if (v === '') out[field] = messages[field].missing;
    else if (field !== 'name' && v.length > codeLimit) out[field] = `${field === 'staffCode' ? 'Staff code' : 'Team code'} must be ${String(codeLimit)} characters or fewer`;
    else out[field] = messages[field].invalid;
  }
  return out;
}

/** First run: who is using the app, for the reviews and the audit log. */
export function FirstRun() {
  return <ProfileForm change={false} />;
}

/** Another person using the app on this computer account, or the same person moving team (from the header). */
export function ChangeUser() {
  return <ProfileForm change />;
}

function ProfileForm({ change }: { change: boolean }) {
  const { saveProfile, profile, navigate } = useApp(useShallow((s) => ({ saveProfile: s.saveProfile, profile: s.profile, navigate: s.navigate })));
  const [values, setValues] = useState<Record<Field, string>>(
    change && profile ? { name: profile.name, staffCode: profile.staffCode, teamCode: profile.teamCode } : { name: '', staffCode: '', teamCode: '' },
  );
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** Each failed submit moves focus to the summary again. */
  const [attempt, setAttempt] = useState(0);

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    const found = fieldErrors(values);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setSaving(true);
    const error = await saveProfile(values);
    setSaving(false);
    if (error) {
      setAttempt((n) => n + 1);
      const refused: Partial<Record<Field, string>> = {};
      for (const p of error.fields ?? []) {
        const field = fields.find((f) => f === p.field);
        if (field) refused[field] = p.message;
      }
      if (Object.keys(refused).length > 0) setErrors(refused);
      else setFailure(problemWords(error, 'Your details were not saved'));
    }
  };

  const summary: FieldError[] = fields.flatMap((f) => (errors[f] ? [{ href: `#${f}`, text: errors[f] }] : []));
  const bind = (f: Field) => ({
    id: f,
    value: values[f],
    error: errors[f],
    onChange: (ev: ChangeEvent<HTMLInputElement>) => {
      setValues({ ...values, [f]: ev.target.value });
    },
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        {failure && <ProblemSummary key={attempt} message={failure} />}
        <PageHeading title={change ? 'Change who is using SPO Oversight' : 'Who is using SPO Oversight?'} error={summary.length > 0 || failure !== null}>
          {change ? 'Change who is using SPO Oversight' : 'Who is using SPO Oversight?'}
        </PageHeading>
        <p className="govuk-body">
          Your name and staff code are recorded with every oversight review you write and in the audit log, beside the computer account you are signed in with.
          {change && ' The change itself is recorded in the audit log; reviews already written keep the name they were written under.'}
        </p>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <TextInput {...bind('name')} label="Full name" autoComplete="name" spellCheck={false} />
          <TextInput {...bind('staffCode')} label="Staff code" hint="Your nDelius staff code, for example N99S001" width="govuk-input--width-10" spellCheck={false} autoCapitalize="characters" />
          <TextInput
            {...bind('teamCode')}
            label="Team code"
            hint="The team whose cases you oversee, for example N99T01. The oversight queue opens on this team."
            width="govuk-input--width-10"
            spellCheck={false}
            autoCapitalize="characters"
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={saving}>
              {change ? 'Save and return to the queue' : 'Continue'}
            </button>
            {change && (
              <a
                className="govuk-link"
                href="#home"
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ screen: 'home' });
                }}
              >
                Cancel
              </a>
            )}
          </div>
        </form>
      </div>
    </div>
  );
}
