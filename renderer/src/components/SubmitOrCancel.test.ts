import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { markup } from '../testing/render.js';
import { SubmitOrCancel } from './SubmitOrCancel.js';

const group = (props: { warning?: boolean; saving: boolean }) =>
  markup(createElement(SubmitOrCancel, { ...props, cancelHref: '#case/X123456', onCancel: () => undefined, children: 'Withdraw the review' }));

describe('a form’s submit button with its Cancel link', () => {
  it('is a GOV.UK button group whose Cancel link names where it goes back to', () => {
    const html = group({ saving: false });
    expect(html).toContain('<div class="govuk-button-group"><button type="submit" class="govuk-button" aria-disabled="false">Withdraw the review</button>');
    expect(html).toContain('<a href="#case/X123456" class="govuk-link">Cancel</a>');
  });

  it('is the warning button for an action that takes something away', () => {
    expect(group({ saving: false, warning: true })).toContain('class="govuk-button govuk-button--warning"');
  });

  it('cannot be pressed twice while the form is saving', () => {
    expect(group({ saving: true })).toContain('<button type="submit" class="govuk-button" disabled="" aria-disabled="true">');
  });
});
