import { describe, expect, it } from 'vitest';
import { formatValue, parseValue, settingInSentence, valueProblemWords } from './value-text.js';

describe('setting values as text', () => {
  it('round-trips numbers, code lists and codes per need', () => {
    expect(parseValue(84, formatValue(84))).toBe(84);
    expect(parseValue(['MO1', 'MO8'], formatValue(['MO1', 'MO8']))).toEqual(['MO1', 'MO8']);
    const perNeed = { DRUG: ['CLDR', 'CGRF'], FINANCE: ['C347'] };
    expect(formatValue(perNeed)).toBe('DRUG: CLDR, CGRF; FINANCE: C347');
    expect(parseValue(perNeed, 'DRUG: CLDR CGRF; FINANCE: C347;')).toEqual(perNeed);
  });

  it('passes text that is not a number through, for the engine to name what is wrong', () => {
    expect(parseValue(84, 'twelve weeks')).toBe('twelve weeks');
    expect(parseValue(84, ' ')).toBe('');
  });
});

describe('a setting named inside a sentence', () => {
  it('lower-cases a word but keeps an acronym', () => {
    expect(settingInSentence('Repeat SPO oversight interval')).toBe('repeat SPO oversight interval');
    expect(settingInSentence('MAPPA level 1 review interval')).toBe('MAPPA level 1 review interval');
  });
});

describe('an engine refusal of a value, in the form’s words', () => {
  it('leads with the setting’s title and says what it must be, without the key, list places or JSON examples', () => {
    const title = 'Repeat SPO oversight interval';
    expect(valueProblemWords(title, 'Repeat SPO oversight interval (oversightIntervalDays): expected a whole number of days')).toBe(
      'Repeat SPO oversight interval must be a whole number of days',
    );
    expect(valueProblemWords(title, 'Repeat SPO oversight interval (oversightIntervalDays): expected at most 3650 days (ten years)')).toBe(
      'Repeat SPO oversight interval must be at most 3650 days (ten years)',
    );
    expect(valueProblemWords('Contacts that count as SPO oversight', 'Contacts that count as SPO oversight (oversightContactCodes): 1: expected a code of letters, digits or _ (e.g. MO1)')).toBe(
      'Contacts that count as SPO oversight must be a code of letters, digits or _ (e.g. MO1)',
    );
    expect(valueProblemWords('Contacts that count as SPO oversight', 'Contacts that count as SPO oversight (oversightContactCodes): expected a list of codes, e.g. ["MO1","MO8"]')).toBe(
      'Contacts that count as SPO oversight must be a list of codes',
    );
  });
});
