import type { ExportResult } from '../../../../db/contract/index.js';
import type { Client } from '../../client.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { SummaryRow as Row } from '../../components/SummaryRow.js';
import { count } from '../../format.js';

/** What was written, its digest, and the signing key's fingerprint to give the recipient. */
export function ExportDone({ result, host }: { result: ExportResult; host: Client['host'] }) {
  const name = result.path.split(/[\\/]/).pop() ?? result.path;
  return (
    <SuccessBanner id="export-done" heading="Oversight log exported">
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        <Row label="File">{host === 'desktop' ? result.path : `${name} (downloaded)`}</Row>
        <Row label="Contents">
          {count(result.reviewCount, 'review')}, {count(result.rowCount, 'review version')}
        </Row>
        <Row label="SHA-256 digest">
          <code className="spo-digest" data-testid="export-digest">
            {result.digest}
          </code>
        </Row>
        <Row label="Signed by this installation’s key">
          <code className="spo-digest" data-testid="export-fingerprint">
            {result.fingerprint}
          </code>
        </Row>
        <Row label="Audit log at export">{result.chainHead ? `entry ${String(result.chainHead.id)}` : 'empty'}</Row>
      </dl>
      <p className="govuk-body">
        The file is signed with this installation’s key. Give the recipient the key’s fingerprint in advance, by another route than the file: they compare it with the
        one “Verify an exported file” or the file itself shows.
      </p>
    </SuccessBanner>
  );
}
