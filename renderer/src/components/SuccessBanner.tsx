import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The GOV.UK success notification banner: a heading line and, optionally, more beneath it. It
 * takes focus when it appears, so it is seen (and read out) wherever the page was scrolled to.
 */
export function SuccessBanner({ id, heading, children, role = 'alert' }: { id: string; heading: ReactNode; children?: ReactNode; role?: 'alert' | 'status' }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role={role} aria-labelledby={`${id}-title`} ref={ref} tabIndex={-1}>
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
