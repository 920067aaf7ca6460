import { useRef, useState, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExportVerification } from '../../../../db/contract/index.js';
import { signatureWords } from '../../../../db/contract/words/index.js';
import { ErrorSummary, ProblemSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { plainMessage } from '../../store/form-errors.js';
import { useApp } from '../../store/index.js';
import { SummaryRow as Row } from '../../components/SummaryRow.js';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

/** Checks an exported oversight log against its own digest and the audit log. */
export function VerifyScreen() {
  const { verify, verifyFile, host } = useApp(useShallow((s) => ({ verify: s.exportLog.verify, verifyFile: s.verifyFile, host: s.host })));
  const input = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  /** Each submit without a file moves focus to the summary again. */
  const [attempt, setAttempt] = useState(0);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (file) void verifyFile(file);
    else setAttempt((n) => n + 1);
  };
  return (
    <>
      <ErrorSummary errors={missing ? [{ href: '#verify-file', text: 'Select the exported file to verify' }] : []} attempt={attempt} />
      {verify.error && <ProblemSummary title="The file could not be checked" message={plainMessage(verify.error, 'The file could not be checked')} />}
      <PageHeading title="Verify an exported file" error={missing}>
        Verify an exported file
      </PageHeading>
      <p className="govuk-body">
        An oversight log exported from SPO Oversight (CSV, PDF or JSON) is signed with this installation’s key and carries a SHA-256 digest of its content. Checking it
        tells you who signed it, whether anyone has changed the file since it was exported, and whether the audit log still holds the export.
      </p>
      {host === 'desktop' ? (
        <button type="button" className="govuk-button" disabled={verify.running} onClick={() => void verifyFile()}>
          Choose a file to verify
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <div className={`govuk-form-group${missing ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="verify-file">
              Exported file
            </label>
            <div id="verify-file-hint" className="govuk-hint">
              A .csv, .pdf or .json file
            </div>
            {missing && (
              <p id="verify-file-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> Select the exported file to verify
              </p>
            )}
            <input
              ref={input}
              id="verify-file"
              name="verify-file"
              type="file"
              accept=".csv,.pdf,.json"
              className={`govuk-file-upload${missing ? ' govuk-file-upload--error' : ''}`}
              aria-describedby={`verify-file-hint${missing ? ' verify-file-error' : ''}`}
            />
          </div>
          <button type="submit" className="govuk-button" disabled={verify.running}>
            {verify.running ? 'Checking…' : 'Verify the file'}
          </button>
        </form>
      )}
      {verify.result && <Verdict result={verify.result} file={verify.file ?? ''} />}
    </>
  );
}

/** The file's header, read back once its digest holds. */
function Details({ result }: { result: ExportVerification }) {
  const meta = result.meta;
  if (!meta) return null;
  return (
    <dl className="govuk-summary-list">
      <Row label="Exported by">{meta.exportedBy.appUser ? `${meta.exportedBy.appUser} (${meta.exportedBy.osUser})` : meta.exportedBy.osUser}</Row>
      <Row label="Exported at">{when.format(new Date(meta.exportedAt))}</Row>
      <Row label="Purpose">{meta.purpose ?? 'Not given'}</Row>
      <Row label="Recipient">{meta.recipient ?? 'Not given'}</Row>
      <Row label="Contents">
        {meta.reviewCount} reviews, {meta.rowCount} review versions, {meta.caseCount} cases
      </Row>
      <Row label="Signing key fingerprint">{result.signature.fingerprint ? <code className="spo-digest">{result.signature.fingerprint}</code> : 'Not signed'}</Row>
      <Row label="Digest">
        <code className="spo-digest">{result.digest}</code>
      </Row>
      <Row label="In this app’s audit log">{result.disclosureEntryId ? `Yes, entry ${String(result.disclosureEntryId)}` : 'No: it was exported from another copy of the app'}</Row>
    </dl>
  );
}

function Verdict({ result, file }: { result: ExportVerification; file: string }) {
  const words = signatureWords(result.signature);
  if (result.intact) {
    return (
      <div role="status">
        <div className="govuk-panel govuk-panel--confirmation">
          <h2 className="govuk-panel__title">{words.title}</h2>
          <div className="govuk-panel__body">
            {file} is exactly as it was exported{result.format ? ` (${result.format.toUpperCase()})` : ''}.
          </div>
        </div>
        <p className="govuk-body">{words.detail}</p>
        <Details result={result} />
      </div>
    );
  }
  // Signed by a key this installation does not know: not a failure, but only the sender's fingerprint can settle it.
  if (result.signature.status === 'other-key' && result.meta) {
    return (
      <div role="status">
        <h2 className="govuk-heading-m" id="verdict-title">
          Signed by key {result.signature.fingerprint} (not this installation’s)
        </h2>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Compare the fingerprint with the one the sender gave you.
          </strong>
        </div>
        <div className="govuk-inset-text">{words.detail}</div>
        <Details result={result} />
      </div>
    );
  }
  const title = result.meta ? (result.signature.status === 'unsigned' ? 'Not signed' : words.title) : 'Not intact';
  return (
    <div className="govuk-error-summary" role="alert" aria-labelledby="verdict-title">
      <h2 className="govuk-error-summary__title" id="verdict-title">
        {title}: {file}
      </h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{result.meta ? words.detail : (result.reason ?? 'The file does not match its digest.')}</p>
        <p className="govuk-body">Do not rely on this file. Ask for a fresh export.</p>
      </div>
    </div>
  );
}
