import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/** The HTML a component renders, for a test in Node with no DOM. */
export function markup(element: ReactElement): string {
  return renderToStaticMarkup(element);
}
