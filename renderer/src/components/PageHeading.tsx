import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The screen's h1. It takes focus when the screen opens, so screen reader and keyboard users
 * start at the new screen rather than wherever the last one left them; the document title follows.
 */
export function PageHeading({ children, title, caption, error = false }: { children: ReactNode; title: string; caption?: string; error?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [title]);
  useEffect(() => {
    document.title = `${error ? 'Error: ' : ''}${title} – SPO Oversight`;
  }, [title, error]);
  return (
    <>
      {caption && <span className="govuk-caption-l">{caption}</span>}
      <h1 className="govuk-heading-l" tabIndex={-1} ref={ref}>
        {children}
      </h1>
    </>
  );
}
