import type { ChangeEvent, SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { caseRuleIds, exportFormats, type ExportFormat } from '../../../../db/contract/index.js';
import { ErrorSummary, ProblemSummary, type FieldError } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { DateInput, datePartId } from '../../components/DateInput.js';
import { TextInput } from '../../components/TextInput.js';
import { useApp } from '../../store/index.js';
import type { ExportForm } from '../../store/export-log.js';
import { ExportDone } from './ExportDone.js';

const formatLabels: Record<ExportFormat, { label: string; hint: string }> = {
  csv: { label: 'CSV', hint: 'One row per review version, for a spreadsheet. Formula-like cells are neutralised.' },
  pdf: { label: 'PDF', hint: 'A title page and one section per case, to read or print.' },
  json: { label: 'JSON', hint: 'Every field, for another system to read.' },
};

/** The order fields appear in, so the error summary lists problems top to bottom. */
const fieldOrder: readonly (keyof ExportForm)[] = ['from', 'to', 'team', 'practitioner', 'rule', 'format', 'purpose', 'recipient'];

/** The oversight log for an inspector: filters, format, why and to whom, then the file and its digest. */
export function ExportScreen() {
  const { state, setField, runExport, navigate, host } = useApp(
    useShallow((s) => ({ state: s.exportLog, setField: s.setExportField, runExport: s.runExport, navigate: s.navigate, host: s.host })),
  );
  const { form, fieldErrors, error, running, done, attempt } = state;
  const { messages, parts } = fieldErrors;
  const link = (f: keyof ExportForm) => (f === 'from' || f === 'to' ? `#${datePartId(`export-${f}`, parts[f]?.[0] ?? 'day')}` : `#export-${f}`);
  const summary: FieldError[] = fieldOrder.flatMap((f) => (messages[f] ? [{ href: link(f), text: messages[f] }] : []));
  const date = (key: 'from' | 'to') => ({
    id: `export-${key}`,
    value: form[key],
    error: messages[key],
    errorParts: parts[key],
    onChange: (value: ExportForm['from']) => {
      setField(key, value);
    },
  });
  const text = (key: Exclude<keyof ExportForm, 'format' | 'from' | 'to'>) => ({
    id: `export-${key}`,
    value: form[key],
    error: messages[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setField(key, e.target.value);
    },
  });
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void runExport();
  };
  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      {error && <ProblemSummary key={attempt} title="The oversight log was not exported" message={error} />}
      {done && <ExportDone result={done} host={host} />}
      <PageHeading title="Export the oversight log" error={summary.length > 0 || error !== null}>
        Export the oversight log
      </PageHeading>
      <p className="govuk-body">
        Every oversight review, with its corrections and withdrawals, for an inspector or a manager. The file carries a SHA-256 digest so anyone can check it has not been
        changed. The export is recorded in the audit log as a disclosure, with its purpose and recipient.
      </p>
      <form onSubmit={submit} noValidate>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">Which reviews</h2>
          </legend>
          <div className="govuk-hint">Leave a filter empty to include everything.</div>
          <div className="spo-inline-fields">
            <DateInput {...date('from')} legend="Start date" hint="Reviews on or after this date" />
            <DateInput {...date('to')} legend="End date" hint="Reviews on or before this date" />
          </div>
          <div className="spo-inline-fields">
            <TextInput {...text('team')} label="Team code" hint="The team that held the case" width="govuk-input--width-10" autoComplete="off" />
            <TextInput {...text('practitioner')} label="Practitioner staff code" hint="Who held the case" width="govuk-input--width-10" autoComplete="off" />
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="export-rule">
              Prompted by the rule
            </label>
            <select
              id="export-rule"
              className="govuk-select"
              value={form.rule}
              onChange={(e) => {
                setField('rule', e.target.value);
              }}
            >
              <option value="">Any rule or event</option>
              {caseRuleIds.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset" aria-describedby="export-format-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
              <h2 className="govuk-fieldset__heading">Format</h2>
            </legend>
            <div id="export-format-hint" className="govuk-hint">
              {host === 'desktop' ? 'You choose where to save it next.' : 'Your browser downloads the file.'}
            </div>
            <div className="govuk-radios govuk-radios--small" id="export-format">
              {exportFormats.map((f) => (
                <div className="govuk-radios__item" key={f}>
                  <input
                    className="govuk-radios__input"
                    id={`export-format-${f}`}
                    name="export-format"
                    type="radio"
                    value={f}
                    checked={form.format === f}
                    aria-describedby={`export-format-${f}-hint`}
                    onChange={() => {
                      setField('format', f);
                    }}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={`export-format-${f}`}>
                    {formatLabels[f].label}
                  </label>
                  <div id={`export-format-${f}-hint`} className="govuk-hint govuk-radios__hint">
                    {formatLabels[f].hint}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <h2 className="govuk-heading-m">Disclosure</h2>
        <TextInput {...text('purpose')} label="Why is the log being disclosed?" hint="For example, HMI Probation inspection of the Sheffield PDU" />
        <TextInput {...text('recipient')} label="Who is it for?" hint="A person or organisation, for example, HM Inspectorate of Probation" />
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The file is OFFICIAL-SENSITIVE: store and send it only by approved means.
          </strong>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={running} aria-disabled={running}>
            {running ? 'Exporting…' : 'Export the log'}
          </button>
          <a
            className="govuk-link"
            href="#verify"
            onClick={(e) => {
              e.preventDefault();
              navigate({ screen: 'verify' });
            }}
          >
            Verify an exported file
          </a>
        </div>
      </form>
    </>
  );
}
