import { useEffect, type ChangeEvent, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorSummary, ProblemSummary, type FieldError } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TableHead } from '../../components/TableHead.js';
import { DateInput, datePartId } from '../../components/DateInput.js';
import { TextInput } from '../../components/TextInput.js';
import { useApp } from '../../store/index.js';
import type { DrawForm } from '../../store/sample.js';
import { shortDate } from '../../../../db/contract/dates.js';

const order: readonly (keyof DrawForm)[] = ['size', 'from', 'to', 'team', 'seed'];

/** Quality assurance: draw a stratified random sample of recorded reviews for someone to re-read. */
export function SamplesScreen() {
  const { samples, load, setField, draw, navigate } = useApp(
    useShallow((s) => ({ samples: s.samples, load: s.loadSamples, setField: s.setDrawField, draw: s.drawSample, navigate: s.navigate })),
  );
  useEffect(() => {
    void load();
  }, [load]);
  const { list, form, fieldErrors, error, busy, attempt } = samples;
  const { messages, parts } = fieldErrors;
  const link = (f: keyof DrawForm) => (f === 'from' || f === 'to' ? `#${datePartId(`sample-${f}`, parts[f]?.[0] ?? 'day')}` : `#sample-${f}`);
  const summary: FieldError[] = order.flatMap((f) => (messages[f] ? [{ href: link(f), text: messages[f] }] : []));
  const date = (key: 'from' | 'to') => ({
    id: `sample-${key}`,
    value: form[key],
    error: messages[key],
    errorParts: parts[key],
    onChange: (value: DrawForm['from']) => {
      setField(key, value);
    },
  });
  const field = (key: 'size' | 'team' | 'seed') => ({
    id: `sample-${key}`,
    value: form[key],
    error: messages[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setField(key, e.target.value);
    },
  });
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void draw();
  };
  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      {error && <ProblemSummary key={attempt} message={error} />}
      <PageHeading title="Quality assurance samples" error={summary.length > 0 || error !== null}>
        Quality assurance samples
      </PageHeading>
      <p className="govuk-body">
        Re-read a random sample of recorded oversight reviews, spread across practitioners and risk levels, and record whether each is good enough. The seed is kept, so
        anyone can draw the same sample again; every draw and re-reading is in the audit log.
      </p>
      <h2 className="govuk-heading-m">Samples</h2>
      {list === null ? (
        <p className="govuk-body">Reading the samples…</p>
      ) : list.length === 0 ? (
        <p className="govuk-body">No sample has been drawn yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Samples drawn</caption>
          <TableHead headings={['Sample', 'Reviews dated', 'Team', 'Drawn by', 'Re-read']} />
          <tbody className="govuk-table__body">
            {list.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <a
                    className="govuk-link"
                    href={`#sample/${String(s.id)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ screen: 'sample', id: s.id });
                    }}
                  >
                    Sample {s.id}
                  </a>
                </td>
                <td className="govuk-table__cell">
                  {shortDate(s.from)} to {shortDate(s.to)}
                </td>
                <td className="govuk-table__cell">{s.team ?? 'All teams'}</td>
                <td className="govuk-table__cell">{s.createdBy ?? s.createdByOs}</td>
                <td className="govuk-table__cell">
                  {s.recorded} of {s.items}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Draw a new sample</h2>
      <form onSubmit={submit} noValidate>
        <TextInput {...field('size')} label="How many reviews" hint="Up to 500. Each practitioner and risk level gets its share." width="govuk-input--width-10" inputMode="numeric" />
        <div className="spo-inline-fields">
          <DateInput {...date('from')} legend="First review date" hint="Reviews dated on or after this day" />
          <DateInput {...date('to')} legend="Last review date" hint="Reviews dated on or before this day" />
        </div>
        <TextInput {...field('team')} label="Team code (optional)" hint="Leave empty for every team" width="govuk-input--width-10" autoComplete="off" />
        <TextInput {...field('seed')} label="Seed (optional)" hint="To draw an earlier sample again; a random seed is chosen and kept otherwise" width="govuk-input--width-20" inputMode="numeric" />
        <button type="submit" className="govuk-button" disabled={busy}>
          {busy ? 'Drawing…' : 'Draw the sample'}
        </button>
      </form>
    </>
  );
}
