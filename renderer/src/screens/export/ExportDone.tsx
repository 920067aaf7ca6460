import type { ExportResult } from '../../../../db/contract.js';
import type { Client } from '../../client.js';

/** What was written, and the digest to quote when handing the file over. */
export function ExportDone({ result, host }: { result: ExportResult; host: Client['host'] }) {
  const name = result.path.split(/[\\/]/).pop() ?? result.path;
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="export-done-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="export-done-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">Oversight log exported</p>
        <dl className="govuk-summary-list govuk-summary-list--no-border">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">File</dt>
            <dd className="govuk-summary-list__value">{host === 'desktop' ? result.path : `${name} (downloaded)`}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Contents</dt>
            <dd className="govuk-summary-list__value">
              {count(result.reviewCount, 'review')}, {count(result.rowCount, 'review version')}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">SHA-256 digest</dt>
            <dd className="govuk-summary-list__value">
              <code className="spo-digest" data-testid="export-digest">
                {result.digest}
              </code>
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Audit log at export</dt>
            <dd className="govuk-summary-list__value">{result.chainHead ? `entry ${String(result.chainHead.id)}` : 'empty'}</dd>
          </div>
        </dl>
        <p className="govuk-body">Quote the digest when you send the file: the recipient can check it with “Verify an exported file”.</p>
      </div>
    </div>
  );
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
