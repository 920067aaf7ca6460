import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store/index.js';

/** Checks the whole hash chain on request: it reads every entry, so it is not done on every visit. */
export function AuditChain() {
  const { chain, verify } = useApp(useShallow((s) => ({ chain: s.audit.chain, verify: s.verifyAuditChain })));
  const { result } = chain;
  return (
    <div className="govuk-inset-text">
      {result === null ? (
        <p className="govuk-body">{chain.error ? `The chain could not be checked: ${chain.error.message}` : 'Check that no entry has been changed, removed or reordered.'}</p>
      ) : result.intact ? (
        <p className="govuk-body" role="status">
          <strong className="govuk-tag govuk-tag--green">Intact</strong> All {result.entries.toLocaleString('en-GB')} entries are in order and unchanged.
        </p>
      ) : (
        <p className="govuk-body" role="alert">
          <strong className="govuk-tag govuk-tag--red">Broken</strong> {result.firstBroken ? `Entry ${String(result.firstBroken.id)}: ${result.firstBroken.reason}.` : 'The chain does not verify.'}{' '}
          Tell your head of PDU and information assurance lead.
        </p>
      )}
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={chain.checking} onClick={() => void verify()}>
        {chain.checking ? 'Checking…' : 'Check the audit chain'}
      </button>
    </div>
  );
}
