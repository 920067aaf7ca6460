import { useEffect, useRef, type MouseEvent } from 'react';

export interface FieldError {
  /** The id of the input the error is about; the summary links to it. */
  href: string;
  text: string;
}

/** Takes focus and brings the summary into view, so a failed submit never leaves the user where the button was. */
function focusSummary(el: HTMLElement | null) {
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'start' });
}

/**
 * Follows a summary link as GOV.UK Frontend does: focuses the field and scrolls its legend or label
 * into view, so the question is on screen and not only the box (and the address keeps no fragment).
 */
function goToField(e: MouseEvent<HTMLAnchorElement>, href: string) {
  const target = document.getElementById(href.replace(/^#/, ''));
  if (!target) return;
  e.preventDefault();
  const legend = target.closest('fieldset')?.querySelector('legend');
  const label = target.id ? document.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null;
  // A date box's, a radio's or a checkbox's own label ("Day", "Yes") is not the question: the fieldset's legend is.
  const inGroup = target.matches('.govuk-date-input__input, .govuk-radios__input, .govuk-checkboxes__input');
  const question = inGroup ? legend : (label ?? legend);
  (question ?? target).scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/**
 * The GOV.UK error summary: focused when it appears and after each failed submit, each error a
 * link to its field. A form that rebuilds `errors` on every render passes `attempt` (its count of
 * failed submits), so the summary is focused once per submit and never while the user types a
 * correction; without it, a new `errors` array is a new submit.
 */
export function ErrorSummary({ errors, attempt }: { errors: readonly FieldError[]; attempt?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0;
  const trigger = attempt ?? errors;
  useEffect(() => {
    if (shown) focusSummary(ref.current);
  }, [shown, trigger]);
  if (!shown) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.href + e.text}>
                <a
                  href={e.href}
                  onClick={(ev) => {
                    goToField(ev, e.href);
                  }}
                >
                  {e.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** A problem that is not about one field: shown as an error summary without links, focused when it appears. */
export function ProblemSummary({ title = 'There is a problem', message }: { title?: string; message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    focusSummary(ref.current);
  }, [message]);
  return (
    <div className="govuk-error-summary" role="alert" ref={ref} tabIndex={-1}>
      <h2 className="govuk-error-summary__title">{title}</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{message}</p>
      </div>
    </div>
  );
}
