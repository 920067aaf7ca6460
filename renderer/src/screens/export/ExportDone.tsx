import type { ExportResult } from '../../../../db/contract/index.js';
import type { Client } from '../../client.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { SummaryRow as Row } from '../../components/SummaryRow.js';
import { count } from '../../format.js';

/** What was written, and the digest to quote when handing the file over. */
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
        <Row label="Audit log at export">{result.chainHead ? `entry ${String(result.chainHead.id)}` : 'empty'}</Row>
      </dl>
      <p className="govuk-body">Quote the digest when you send the file: the recipient can check it with “Verify an exported file”.</p>
    </SuccessBanner>
  );
}
