import type { ReactNode } from 'react';

/**
 * A form's GOV.UK button group: the submit button and, beside it, a Cancel link that leaves the
 * form without saving. The button stays in the page while saving (aria-disabled as well as
 * disabled), so focus and the screen reader's place are not lost during the call.
 */
export function SubmitOrCancel({
  children,
  warning = false,
  saving,
  cancelHref,
  onCancel,
}: {
  children: ReactNode;
  /** GOV.UK's warning button: for an action that takes something away (withdraw, drop). */
  warning?: boolean;
  saving: boolean;
  cancelHref: string;
  onCancel: () => void;
}) {
  return (
    <div className="govuk-button-group">
      <button type="submit" className={`govuk-button${warning ? ' govuk-button--warning' : ''}`} disabled={saving} aria-disabled={saving}>
        {children}
      </button>
      <a
        href={cancelHref}
        className="govuk-link"
        onClick={(e) => {
          e.preventDefault();
          onCancel();
        }}
      >
        Cancel
      </a>
    </div>
  );
}
