import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store/index.js';

/**
 * Checks the whole hash chain on request (it reads every entry, so it is not done on every visit),
 * with the signed checkpoints written at each export and backup; and, against an export an
 * inspector holds, that the log still contains the head that export recorded.
 */
export function AuditChain() {
  const { chain, verify, host } = useApp(useShallow((s) => ({ chain: s.audit.chain, verify: s.verifyAuditChain, host: s.host })));
  const file = useRef<HTMLInputElement>(null);
  const { result } = chain;
  const held = result?.checkpoints;
  const checkpoints = held?.checked
    ? ` ${held.checked === 1 ? 'The signed checkpoint made at an export or backup holds' : `All ${held.checked.toLocaleString('en-GB')} signed checkpoints made at exports and backups hold`}${held.rolledBack ? `; ${held.rolledBack.toLocaleString('en-GB')} name entries that a recorded restore replaced` : ''}.`
    : '';
  const against = result?.against
    ? ` The export you chose recorded entry ${String(result.against.chainHead?.id ?? 0)} as the head, and the log still holds it${result.against.disclosureEntryId ? `; entry ${String(result.against.disclosureEntryId)} records its disclosure` : ''}.`
    : '';
  const againstExport = () => {
    if (host === 'desktop') {
      void verify('dialog');
      return;
    }
    const chosen = file.current?.files?.[0];
    if (chosen) void verify(chosen);
    else file.current?.click();
  };
  return (
    <div className="govuk-inset-text" data-field="audit-chain">
      {result === null ? (
        <p className="govuk-body">{chain.error ? `The chain could not be checked: ${chain.error.message}` : 'Check that no entry has been changed, removed or reordered.'}</p>
      ) : result.intact ? (
        <p className="govuk-body" role="status">
          <strong className="govuk-tag govuk-tag--green">Intact</strong> All {result.entries.toLocaleString('en-GB')} entries are in order and unchanged.
          {checkpoints}
          {against}
        </p>
      ) : (
        <p className="govuk-body" role="alert">
          <strong className="govuk-tag govuk-tag--red">Broken</strong> {result.firstBroken ? `Entry ${String(result.firstBroken.id)}: ${result.firstBroken.reason}.` : 'The chain does not verify.'}{' '}
          Tell your head of PDU and information assurance lead.
        </p>
      )}
      <div className="govuk-button-group govuk-!-margin-bottom-0">
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={chain.checking} onClick={() => void verify()}>
          {chain.checking ? 'Checking…' : 'Check the audit chain'}
        </button>
        {host !== 'desktop' && (
          <label className="govuk-visually-hidden" htmlFor="audit-against">
            Export to check the audit log against
          </label>
        )}
        {host !== 'desktop' && (
          <input
            ref={file}
            id="audit-against"
            type="file"
            accept=".csv,.pdf,.json"
            className="govuk-visually-hidden"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (chosen) void verify(chosen);
            }}
          />
        )}
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={chain.checking} onClick={againstExport}>
          Check against an export you hold
        </button>
      </div>
    </div>
  );
}
