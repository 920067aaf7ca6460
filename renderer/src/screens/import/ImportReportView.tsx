import { useMemo, useState, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImportReport } from '../../../../db/contract/index.js';
import { ErrorSummary, ProblemSummary, type FieldError } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { count } from '../../format.js';
import { plainMessage } from '../../store/form-errors.js';
import { importChoice } from '../../store/import.js';
import { useApp } from '../../store/index.js';
import { EncodingQuestion } from './EncodingQuestion.js';
import { RowErrorTable } from './RowErrorTable.js';
import { SummaryRow as Row } from '../../components/SummaryRow.js';
import { TableHead } from '../../components/TableHead.js';

const n = (x: number) => x.toLocaleString('en-GB');

/** The dry run's report: what the extract holds, what would change, and every problem found. */
export function ImportReportView() {
  const { report, error, source } = useApp(useShallow((s) => ({ report: s.importFlow.report, error: s.importFlow.error, source: s.importFlow.source })));
  // A question on this screen left unanswered; its summary goes at the top, as on every GOV.UK form.
  const [invalid, setInvalid] = useState<FieldError | null>(null);
  // One list per problem set (each a new object), so the summary takes focus once for each, not on every render.
  const invalidList = useMemo(() => (invalid ? [invalid] : []), [invalid]);
  if (!report) return null;
  const choice = importChoice(report);
  const question = report.encodingQuestion?.length ? report.encodingQuestion : null;
  return (
    <>
      <ErrorSummary errors={invalidList} />
      {error && <ProblemSummary message={plainMessage(error, 'Nothing was imported')} />}
      <PageHeading title="Check the extract" caption="Import an extract" error={!!error || !!invalid}>
        Check the extract
      </PageHeading>
      <p className="govuk-body">{source}</p>
      {question ? (
        // Until the encoding is settled the rest of the report only repeats what it causes.
        <EncodingQuestion questions={question} invalid={invalid} onInvalid={setInvalid} />
      ) : (
        <>
          <Outcome report={report} />
          {report.errors.length > 0 && <RowErrorTable errors={report.errors} omitted={report.errorsOmitted} />}
          <Changes report={report} />
          <Files report={report} />
          {report.warnings.length + report.unknownColumns.length > 0 && <Warnings report={report} />}
          {choice === 'import' || choice === 'import-skipping' ? (
            <CommitForm report={report} skipping={choice === 'import-skipping'} invalid={invalid} onInvalid={setInvalid} />
          ) : (
            <ChooseAgain />
          )}
        </>
      )}
    </>
  );
}

export interface QuestionProps {
  invalid: FieldError | null;
  onInvalid: (error: FieldError | null) => void;
}

function Outcome({ report }: { report: ImportReport }) {
  const choice = importChoice(report);
  const text: Record<typeof choice, string> = {
    import: 'The extract has no problems. Check what would change, then import it.',
    'import-skipping': `${count(report.rejected, 'row has', 'rows have')} errors. You can fix the extract and check it again, or import it without those rows.`,
    'already-imported': 'This extract has already been imported. Importing it again would change nothing.',
    blocked: 'The extract cannot be imported until the problems below are fixed. Nothing has been changed.',
  };
  return (
    <div className={choice === 'import' || choice === 'already-imported' ? 'govuk-inset-text' : 'govuk-warning-text'}>
      {choice === 'import' || choice === 'already-imported' ? (
        text[choice]
      ) : (
        <>
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {text[choice]}
          </strong>
        </>
      )}
    </div>
  );
}


function Changes({ report }: { report: ImportReport }) {
  const { cases, rows } = report;
  return (
    <>
      <h2 className="govuk-heading-m">What would change</h2>
      <dl className="govuk-summary-list">
        <Row label="New cases">{n(cases.new)}</Row>
        <Row label="Updated cases">{n(cases.updated)}</Row>
        <Row label="Unchanged cases">{n(cases.unchanged)}</Row>
        <Row label="Cases leaving the caseload">{n(cases.leftCaseload)}</Row>
        <Row label="Registrations">{n(rows.registrations)}</Row>
        <Row label="Contacts">{n(rows.contacts)}</Row>
        <Row label="Staff">{n(rows.staff)}</Row>
        <Row label="Needs">{n(rows.needs)}</Row>
      </dl>
    </>
  );
}

function Files({ report }: { report: ImportReport }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Files</caption>
      <TableHead headings={['File', 'Holds', 'Encoding', { text: 'Rows', numeric: true }]} />
      <tbody className="govuk-table__body">
        {report.files.map((f) => (
          <tr key={f.name} className="govuk-table__row">
            <td className="govuk-table__cell">{f.name}</td>
            <td className="govuk-table__cell">{f.kind ?? 'not recognised'}</td>
            <td className="govuk-table__cell">{f.encoding.toUpperCase()}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{n(f.rows)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Warnings({ report }: { report: ImportReport }) {
  return (
    <>
      <h2 className="govuk-heading-m">Warnings</h2>
      <p className="govuk-body">These do not stop the import.</p>
      <ul className="govuk-list govuk-list--bullet">
        {report.warnings.map((w) => (
          <li key={w.file + w.reason}>
            {w.file}: {w.reason}
          </li>
        ))}
        {report.unknownColumns.map((u) => (
          <li key={u.file}>
            {u.file}: columns the app does not use, kept with each row ({u.columns.join(', ')})
          </li>
        ))}
      </ul>
    </>
  );
}

const skipMessage = 'Select the box to import without the rows that have errors, or choose other files';

function CommitForm({ report, skipping, invalid, onInvalid }: { report: ImportReport; skipping: boolean } & QuestionProps) {
  const { skipInvalid, setSkipInvalid, commitImport, restartImport } = useApp(
    useShallow((s) => ({ skipInvalid: s.importFlow.skipInvalid, setSkipInvalid: s.setSkipInvalid, commitImport: s.commitImport, restartImport: s.restartImport })),
  );
  const missing = invalid !== null;
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (skipping && !skipInvalid) {
      onInvalid({ href: '#skip-invalid', text: skipMessage });
      return;
    }
    onInvalid(null);
    void commitImport();
  };
  return (
    <form noValidate onSubmit={submit}>
      {skipping && (
        <div className={`govuk-form-group${missing ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset" aria-describedby={missing ? 'skip-invalid-error' : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Rows with errors</legend>
            {missing && (
              <p id="skip-invalid-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {skipMessage}
              </p>
            )}
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id="skip-invalid"
                  type="checkbox"
                  checked={skipInvalid}
                  aria-describedby="skip-invalid-hint"
                  onChange={(e) => {
                    setSkipInvalid(e.target.checked);
                    onInvalid(null);
                  }}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="skip-invalid">
                  Import without the {count(report.rejected, 'row')} that {report.rejected === 1 ? 'has' : 'have'} errors
                </label>
                <div id="skip-invalid-hint" className="govuk-hint govuk-checkboxes__hint">
                  The rows left out are recorded in the import log.
                </div>
              </div>
            </div>
          </fieldset>
        </div>
      )}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button">
          Import the extract
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={restartImport}>
          Choose other files
        </button>
      </div>
    </form>
  );
}

function ChooseAgain() {
  const restartImport = useApp((s) => s.restartImport);
  return (
    <button type="button" className="govuk-button govuk-button--secondary" onClick={restartImport}>
      Choose other files
    </button>
  );
}
