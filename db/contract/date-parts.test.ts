import { describe, expect, it } from 'vitest';
import { isoToDateParts, readDateParts } from './date-parts.js';

const words = { name: 'Date of review', missing: 'Enter the date of review' };
const read = (day: string, month: string, year: string, rules = {}) => readDateParts({ day, month, year }, words, rules);

describe('reading a GOV.UK date input', () => {
  it('turns day, month and year into an ISO date, with 1 or 2 digits and spaces trimmed', () => {
    expect(read('27', '3', '2026')).toEqual({ ok: true, iso: '2026-03-27' });
    expect(read(' 7 ', '03 ', ' 2026')).toEqual({ ok: true, iso: '2026-03-07' });
    expect(read('01', '12', '2025')).toEqual({ ok: true, iso: '2025-12-01' });
  });

  it('asks for a required date left empty, and leaves an optional one empty', () => {
    expect(read('', '', '', { required: true })).toEqual({ ok: false, message: 'Enter the date of review', parts: ['day', 'month', 'year'] });
    expect(read(' ', '', '')).toEqual({ ok: true, iso: '' });
  });

  it('names the missing parts of an incomplete date and highlights only them', () => {
    expect(read('27', '', '2026')).toEqual({ ok: false, message: 'Date of review must include a month', parts: ['month'] });
    expect(read('', '', '2026')).toEqual({ ok: false, message: 'Date of review must include a day and month', parts: ['day', 'month'] });
    expect(read('3', '4', '')).toEqual({ ok: false, message: 'Date of review must include a year', parts: ['year'] });
  });

  it('refuses a date that does not exist, such as 31 February, highlighting the day', () => {
    expect(read('31', '2', '2026')).toEqual({ ok: false, message: 'Date of review must be a real date', parts: ['day'] });
    expect(read('29', '2', '2025')).toMatchObject({ ok: false, parts: ['day'] });
    expect(read('29', '2', '2024')).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('refuses a month past 12 and letters, highlighting the wrong part', () => {
    expect(read('1', '13', '2026')).toEqual({ ok: false, message: 'Date of review must be a real date', parts: ['month'] });
    expect(read('x', '3', '2026')).toEqual({ ok: false, message: 'Date of review must be a real date', parts: ['day'] });
    expect(read('1', '3', '20x6')).toEqual({ ok: false, message: 'Date of review must be a real date', parts: ['year'] });
    expect(read('123', '3', '2026')).toMatchObject({ ok: false, parts: ['day'] });
  });

  it('asks for a 4-digit year', () => {
    expect(read('1', '3', '26')).toEqual({ ok: false, message: 'Year must include 4 numbers', parts: ['year'] });
  });

  it('applies the time rules: in the past, or today or in the past', () => {
    const today = '2026-03-10';
    expect(read('10', '3', '2026', { today, when: 'past' })).toEqual({ ok: false, message: 'Date of review must be in the past', parts: ['day', 'month', 'year'] });
    expect(read('9', '3', '2026', { today, when: 'past' })).toEqual({ ok: true, iso: '2026-03-09' });
    expect(read('10', '3', '2026', { today, when: 'today-or-past' })).toEqual({ ok: true, iso: '2026-03-10' });
    expect(read('11', '3', '2026', { today, when: 'today-or-past' })).toMatchObject({ ok: false, message: 'Date of review must be today or in the past' });
  });
});

describe('filling the boxes from a stored date', () => {
  it('writes the day and month without leading zeros', () => {
    expect(isoToDateParts('2026-03-07')).toEqual({ day: '7', month: '3', year: '2026' });
  });
  it('leaves the boxes empty for no date or a broken one', () => {
    expect(isoToDateParts(null)).toEqual({ day: '', month: '', year: '' });
    expect(isoToDateParts('2026-02-31')).toEqual({ day: '', month: '', year: '' });
  });
});
