import { useApp } from '../store/index.js';

/**
 * One line while the database's start-up check runs in the background (writes wait for it); the
 * damage message, in GOV.UK warning text, when it failed and the app went read-only.
 */
export function CheckStatus() {
  const check = useApp((s) => s.check);
  return (
    <div role="status" className="spo-check-status">
      {check?.state === 'checking' && <p className="govuk-body-s">Checking the database… Anything you save waits until the check has finished.</p>}
      {check?.state === 'failed' && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {`The app is read-only: ${check.message ?? 'the database failed its check.'}`}
          </strong>
        </div>
      )}
    </div>
  );
}
