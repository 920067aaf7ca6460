import { useEffect, useRef } from 'react';
import { DateInput } from '../../components/DateInput.js';
import { TextInput } from '../../components/TextInput.js';
import { emptyDateParts, type DateParts } from '../../../../db/contract/date-parts.js';
import { reviewLimits } from '../../../../db/contract/limits.js';
import { actionFieldId, type ActionRow, type FieldErrors } from './form.js';
import { Textarea } from './fields.js';

/** The review's actions: rows added and removed, each with its text, owner and due date. */
export function ActionsField({ rows, owners, errors, onChange }: { rows: readonly ActionRow[]; owners: readonly string[]; errors: FieldErrors; onChange: (rows: ActionRow[]) => void }) {
  /** A row added: the keyboard user lands in it (its key); a row removed: back on the add button (-1). */
  const focusNext = useRef<number | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const newRow = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    if (focusNext.current >= 0) newRow.current?.focus();
    else addRef.current?.focus();
    focusNext.current = null;
  });

  const update = (i: number, part: 'text' | 'owner' | 'due', value: string | DateParts) => {
    onChange(rows.map((r, j) => (j === i ? { ...r, [part]: value } : r)));
  };
  const add = () => {
    const key = rows.reduce((m, r) => Math.max(m, r.key), -1) + 1;
    onChange([...rows, { key, text: '', owner: '', due: { ...emptyDateParts } }]);
    focusNext.current = key;
  };
  const remove = (i: number) => {
    onChange(rows.filter((_, j) => j !== i));
    focusNext.current = -1;
  };

  return (
    <div className="spo-actions">
      <h2 className="govuk-heading-m">Actions</h2>
      {rows.length === 0 && <p className="govuk-body">No actions. Add one for each thing someone must do, with who owns it and when it is due.</p>}
      {rows.map((row, i) => {
        const n = String(i + 1);
        return (
          <fieldset className="govuk-fieldset spo-action" key={row.key}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Action {n}</legend>
            <Textarea
              id={actionFieldId(i, 'text')}
              label="What needs to be done"
              rows={2}
              value={row.text}
              limit={reviewLimits.actionText}
              error={errors.get(actionFieldId(i, 'text'))}
              ref={i === rows.length - 1 ? newRow : undefined}
              onChange={(e) => {
                update(i, 'text', e.target.value);
              }}
            />
            <TextInput
              id={actionFieldId(i, 'owner')}
              label="Who owns it"
              {...(owners.length ? { hint: 'Choose the practitioner, yourself or someone in the team as you type, or type another name', list: 'action-owners' } : {})}
              width="govuk-input--width-20"
              value={row.owner}
              error={errors.get(actionFieldId(i, 'owner'))}
              onChange={(e) => {
                update(i, 'owner', e.target.value);
              }}
            />
            <DateInput
              id={actionFieldId(i, 'due')}
              legend={`Due date of action ${n}`}
              value={row.due}
              error={errors.get(actionFieldId(i, 'due'))}
              errorParts={errors.parts.get(actionFieldId(i, 'due'))}
              onChange={(due) => {
                update(i, 'due', due);
              }}
            />
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-4"
              onClick={() => {
                remove(i);
              }}
            >
              Remove action {n}
            </button>
          </fieldset>
        );
      })}
      {owners.length > 0 && (
        <datalist id="action-owners">
          {owners.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      )}
      <button type="button" className="govuk-button govuk-button--secondary" ref={addRef} onClick={add}>
        Add an action
      </button>
    </div>
  );
}
