import { describe, expect, it } from 'vitest';
import { formatValue, parseValue, settingInSentence } from './value-text.js';

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
