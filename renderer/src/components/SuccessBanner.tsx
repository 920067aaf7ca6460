import type { ReactNode } from 'react';

/** The GOV.UK success notification banner: a heading line and, optionally, more beneath it. */
export function SuccessBanner({ id, heading, children, role = 'alert' }: { id: string; heading: ReactNode; children?: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role={role} aria-labelledby={`${id}-title`}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={`${id}-title`}>
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
