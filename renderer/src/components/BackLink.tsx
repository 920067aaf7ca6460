import type { ReactNode } from 'react';

/** The GOV.UK back link: a real link (so it can be opened or copied) that the app navigates in place. */
export function BackLink({ href, onBack, children }: { href: string; onBack: () => void; children: ReactNode }) {
  return (
    <a
      href={href}
      className="govuk-back-link"
      onClick={(e) => {
        e.preventDefault();
        onBack();
      }}
    >
      {children}
    </a>
  );
}
