import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { markup } from '../testing/render.js';
import { TableHead, type Heading } from './TableHead.js';

// Inside a table, as the browser would parse it.
const head = (headings: readonly Heading[]) => markup(createElement('table', null, createElement(TableHead, { headings })));

describe('the table header row', () => {
  it('renders plain headings as GOV.UK column headers, in order', () => {
    expect(head(['Setting', 'Current value'])).toBe(
      '<table><thead class="govuk-table__head"><tr class="govuk-table__row">' +
        '<th scope="col" class="govuk-table__header">Setting</th>' +
        '<th scope="col" class="govuk-table__header">Current value</th>' +
        '</tr></thead></table>',
    );
  });

  it('right-aligns a numeric column and puts the screen-reader-only words before the heading', () => {
    expect(head(['Practitioner', { text: 'Reviews', numeric: true }, { text: '23 Nov', hiddenBefore: 'Week ending ' }])).toBe(
      '<table><thead class="govuk-table__head"><tr class="govuk-table__row">' +
        '<th scope="col" class="govuk-table__header">Practitioner</th>' +
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Reviews</th>' +
        '<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Week ending </span>23 Nov</th>' +
        '</tr></thead></table>',
    );
  });

  it('keeps headings that repeat, each in its own column', () => {
    expect(head(['Week', 'Week']).match(/<th /g)).toHaveLength(2);
  });
});
