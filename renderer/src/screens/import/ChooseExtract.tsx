import { useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { plainMessage } from '../../store/form-errors.js';
import { useApp } from '../../store/index.js';

/** Step one: the folder (desktop, native dialog) or the files (browser preview, file picker). */
export function ChooseExtract() {
  const { host, error, chooseExtractFolder, uploadExtract } = useApp(
    useShallow((s) => ({ host: s.host, error: s.importFlow.error, chooseExtractFolder: s.chooseExtractFolder, uploadExtract: s.uploadExtract })),
  );
  const files = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const errorTarget = host === 'browser' ? '#extract-files' : '#choose-folder';
  // One list per failure (each is a new error object), so the summary takes focus once for each, not on every render.
  const summary = useMemo(() => (error ? [{ href: errorTarget, text: plainMessage(error, 'The extract was not checked') }] : []), [error, errorTarget]);

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    await uploadExtract([...(files.current?.files ?? [])]);
    setBusy(false);
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} />
        <PageHeading title="Import an extract" error={!!error}>
          Import an extract
        </PageHeading>
        <p className="govuk-body">The extract is the set of CSV files exported from nDelius and OASys: cases, registrations and contacts, and usually staff and needs.</p>
        <p className="govuk-body">First the app checks the files and shows you what would change. Nothing is saved until you choose to import.</p>
        {host === 'desktop' ? (
          <button id="choose-folder" type="button" className="govuk-button" onClick={() => void chooseExtractFolder()}>
            Choose the extract folder
          </button>
        ) : (
          <form noValidate onSubmit={(e) => void submit(e)}>
            <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
              <label className="govuk-label govuk-label--s" htmlFor="extract-files">
                Upload the extract’s CSV files
              </label>
              <div id="extract-files-hint" className="govuk-hint">
                Select all the files at once. They are copied to the preview on this computer for the check, and deleted once imported or when the preview stops.
              </div>
              {error && (
                <p id="extract-files-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {plainMessage(error, 'The extract was not checked')}
                </p>
              )}
              <input
                ref={files}
                id="extract-files"
                name="extract-files"
                type="file"
                multiple
                accept=".csv,text/csv"
                className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
                aria-describedby={`extract-files-hint${error ? ' extract-files-error' : ''}`}
              />
            </div>
            <button type="submit" className="govuk-button" disabled={busy}>
              Check the files
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
