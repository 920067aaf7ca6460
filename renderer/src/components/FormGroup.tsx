import type { ReactNode } from 'react';

/** The ids of a field's hint and error message, for its aria-describedby. */
export const describedBy = (id: string, hint: ReactNode, error: string | undefined): string | undefined =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/** The GOV.UK error message under a field's label: visible, and announced as an error. */
export function ErrorMessage({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  );
}

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** More classes for the group, e.g. the character count's. */
  className?: string | undefined;
  /** The control itself, described by the hint and error (use describedBy). */
  children: ReactNode;
}

/** A GOV.UK form group for one control: its label, hint and error message, in that order. */
export function FormGroup({ id, label, hint, error, className, children }: Props) {
  return (
    <div className={['govuk-form-group', className, error ? 'govuk-form-group--error' : null].filter(Boolean).join(' ')}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={id} error={error} />
      {children}
    </div>
  );
}

/** How much of a text's limit is used before the count shows, as GOV.UK's character count threshold. */
const countThreshold = 0.75;

const characters = (n: number): string => `${n.toLocaleString('en-GB')} ${n === 1 ? 'character' : 'characters'}`;

/** Whether a text is over its limit, so the field is marked wrong as the user types. */
export const overLimit = (length: number, limit: number | undefined): boolean => limit !== undefined && length > limit;

/**
 * The GOV.UK character count's messages under a textarea: the limit for assistive technology
 * (the field is described by it), and, once most of it is used, how many characters are left or
 * too many. There is no maxlength: the text is never cut, and an over-long one is refused on submit.
 */
export function CharacterCount({ id, length, limit }: { id: string; length: number; limit: number }) {
  const left = limit - length;
  return (
    <>
      <div id={`${id}-info`} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
        You can enter up to {characters(limit)}
      </div>
      {length >= limit * countThreshold && (
        <div className={`govuk-character-count__status ${left < 0 ? 'govuk-error-message' : 'govuk-hint'}`} aria-hidden="true">
          {left < 0 ? `You have ${characters(-left)} too many` : `You have ${characters(left)} remaining`}
        </div>
      )}
    </>
  );
}
