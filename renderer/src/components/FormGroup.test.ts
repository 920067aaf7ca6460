import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { markup } from '../testing/render.js';
import { CharacterCount, overLimit } from './FormGroup.js';

const count = (length: number, limit: number) => markup(createElement(CharacterCount, { id: 'decision', length, limit }));

describe('the GOV.UK character count', () => {
  it('tells assistive technology the limit, and shows nothing more while little of it is used', () => {
    const html = count(10, 2000);
    expect(html).toBe('<div id="decision-info" class="govuk-hint govuk-character-count__message govuk-visually-hidden">You can enter up to 2,000 characters</div>');
  });

  it('shows the characters left once most of the limit is used', () => {
    expect(count(1999, 2000)).toContain('<div class="govuk-character-count__status govuk-hint" aria-hidden="true">You have 1 character remaining</div>');
  });

  it('shows the characters too many as an error, without cutting the text', () => {
    expect(count(20_005, 20_000)).toContain('<div class="govuk-character-count__status govuk-error-message" aria-hidden="true">You have 5 characters too many</div>');
    expect([overLimit(20_001, 20_000), overLimit(20_000, 20_000), overLimit(5, undefined)]).toEqual([true, false, false]);
  });
});
