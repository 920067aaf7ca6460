import { dateParts, type DatePart, type DateParts } from '../../../db/contract/date-parts.js';
import { ErrorMessage } from './FormGroup.js';

/** The id of one box of a date input: the error summary links to the first wrong one. */
export const datePartId = (id: string, part: DatePart): string => `${id}-${part}`;

const labels: Record<DatePart, string> = { day: 'Day', month: 'Month', year: 'Year' };
const widths: Record<DatePart, string> = { day: 'govuk-input--width-2', month: 'govuk-input--width-2', year: 'govuk-input--width-4' };

interface Props {
  id: string;
  legend: string;
  /** Shown before the example, e.g. "Today or earlier". */
  hint?: string | undefined;
  value: DateParts;
  onChange: (value: DateParts) => void;
  error?: string | undefined;
  /** The boxes that are wrong; all three when the error is about the whole date. */
  errorParts?: readonly DatePart[] | undefined;
}

/**
 * The GOV.UK date input: three boxes in a fieldset, never the browser's picker (which cannot be
 * read by every screen reader and lets no one type 31 2 2026 to be told it is not a real date).
 * Only the wrong boxes are highlighted, as the Design System asks.
 */
export function DateInput({ id, legend, hint, value, onChange, error, errorParts }: Props) {
  const hintText = `${hint ? `${hint}. ` : ''}For example, 27 3 2026`;
  const wrong = new Set<DatePart>(error ? (errorParts ?? dateParts) : []);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div id={`${id}-hint`} className="govuk-hint">
          {hintText}
        </div>
        <ErrorMessage id={id} error={error} />
        <div className="govuk-date-input" id={id}>
          {dateParts.map((part) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={datePartId(id, part)}>
                  {labels[part]}
                </label>
                <input
                  className={['govuk-input', 'govuk-date-input__input', widths[part], wrong.has(part) ? 'govuk-input--error' : null].filter(Boolean).join(' ')}
                  id={datePartId(id, part)}
                  name={datePartId(id, part)}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={value[part]}
                  onChange={(e) => {
                    onChange({ ...value, [part]: e.target.value });
                  }}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
