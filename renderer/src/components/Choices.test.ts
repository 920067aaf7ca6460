import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { markup } from '../testing/render.js';
import { Choices } from './Choices.js';

const options = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No', hint: 'Say why below' },
] as const;

const choices = (kind: 'radios' | 'checkboxes', error?: string) =>
  markup(createElement(Choices<'yes' | 'no'>, { kind, id: 'police', legend: 'Police check', options, isChecked: (v) => v === 'no', onToggle: () => undefined, error, modifiers: ['small'] }));

describe('GOV.UK radios and checkboxes', () => {
  it('give the first option the group’s id, so the error summary’s link lands on the group, and the others id-value', () => {
    const html = choices('radios');
    expect(html).toContain('<input class="govuk-radios__input" id="police" type="radio" name="police" value="yes"/><label class="govuk-label govuk-radios__label" for="police">Yes</label>');
    expect(html).toContain('id="police-no" type="radio" aria-describedby="police-no-item-hint" name="police" checked="" value="no"/>');
    expect(html).toContain('<div class="govuk-radios govuk-radios--small">');
  });

  it('describe an option by its own hint', () => {
    expect(choices('checkboxes')).toContain('value="no"/><label class="govuk-label govuk-checkboxes__label" for="police-no">No</label><div id="police-no-item-hint" class="govuk-hint govuk-checkboxes__hint">Say why below</div>');
  });

  it('mark the group wrong and describe the fieldset by the error message', () => {
    const html = choices('checkboxes', 'Select what was checked');
    expect(html).toContain('<div class="govuk-form-group govuk-form-group--error"><fieldset class="govuk-fieldset" aria-describedby="police-error">');
    expect(html).toContain('<p id="police-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Select what was checked</p>');
  });
});
