import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { markup } from '../testing/render.js';
import { DateInput } from './DateInput.js';

const render = (props: Partial<Parameters<typeof DateInput>[0]> = {}) =>
  markup(
    createElement(DateInput, {
      id: 'date',
      legend: 'Date of review',
      value: { day: '31', month: '2', year: '2026' },
      onChange: () => undefined,
      ...props,
    }),
  );

describe('the GOV.UK date input', () => {
  it('is a group of three numeric boxes under a legend, with the GOV.UK example as its hint', () => {
    const html = render({ hint: 'Today or earlier' });
    expect(html).toContain('<fieldset class="govuk-fieldset" role="group" aria-describedby="date-hint">');
    expect(html).toContain('<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Date of review</legend>');
    expect(html).toContain('<div id="date-hint" class="govuk-hint">Today or earlier. For example, 27 3 2026</div>');
    expect(html.match(/inputMode="numeric"|inputmode="numeric"/g)).toHaveLength(3);
    for (const part of ['day', 'month', 'year']) expect(html).toContain(`id="date-${part}"`);
    expect(html).toContain('class="govuk-input govuk-date-input__input govuk-input--width-4"');
    expect(html).not.toContain('govuk-input--error');
    expect(html).not.toContain('type="date"');
  });

  it('shows its error above the boxes and highlights only the wrong ones', () => {
    const html = render({ error: 'Date of review must be a real date', errorParts: ['day'] });
    expect(html).toContain('govuk-form-group govuk-form-group--error');
    expect(html).toContain('aria-describedby="date-hint date-error"');
    expect(html).toContain('<p id="date-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Date of review must be a real date</p>');
    expect(html.indexOf('date-error')).toBeLessThan(html.indexOf('id="date-day"'));
    expect(html.match(/govuk-input--error/g)).toHaveLength(1);
    expect(html).toMatch(/class="[^"]*govuk-input--width-2 govuk-input--error" id="date-day"/);
  });

  it('highlights all three boxes when the whole date is wrong', () => {
    expect(render({ error: 'Enter the date of review' }).match(/govuk-input--error/g)).toHaveLength(3);
  });
});
