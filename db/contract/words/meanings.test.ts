import { describe, expect, it } from 'vitest';
import { CONTACT_CODES, NEEDS, OTHER_REGISTERS, ROSH_REGISTER } from '../../generate/codes.js';
import { settingKeys } from '../rules.js';
import { codeKinds, codeListText, codeText, contactEvidenceKind, describeCode, settingTitles, UNKNOWN_CODE_NOTE } from './meanings.js';
import { daysText, settingHelp, settingName, settingValueText } from './settings.js';
import { speakText } from './text.js';

const defaultLists = {
  oversightContactCodes: ['MO1', 'MO8', 'CSPO', 'C053'],
  mappaReviewContactCodes: ['C281'],
  policeCheckRequestCodes: ['C369'],
  policeCheckResponseCodes: ['C515'],
  childrenCheckRequestCodes: ['SFGC'],
  childrenCheckResponseCodes: ['SFRR'],
  referralCodes: { DRUG: ['CLDR', 'CGRF'], ALCOHOL: ['CLDR', 'CGRF'], ETE: ['CGRF'], FINANCE: ['C347', 'CGRF'] },
};

describe('the table of meanings', () => {
  it('gives words to every contact type, register and need the generator writes', () => {
    for (const code of CONTACT_CODES) expect(describeCode('contact', code).known, code).toBe(true);
    for (const code of [...OTHER_REGISTERS, ...Object.values(ROSH_REGISTER), 'MAPP', 'ADVP', 'REG30', 'RCCO', 'RCPR', 'RCHD']) {
      expect(describeCode('register', code).known, code).toBe(true);
    }
    for (const need of NEEDS) expect(describeCode('need', need).known, need).toBe(true);
  });

  it('shows words first with the code beside them', () => {
    expect(codeText('contact', 'COAP')).toBe('Office appointment (COAP)');
    expect(codeText('grade', 'PSQ')).toBe('Probation services officer (PSQ)');
    expect(codeText('mappa-level', 'M1')).toBe('Level 1, ordinary agency management (M1)');
    expect(codeText('need-severity', 'NO_NEED')).toBe('No need (NO_NEED)');
    expect(codeText('case-type', 'LICENCE')).toBe('On licence (LICENCE)');
    expect(codeText('case-field', 'allocation_date')).toBe('Allocation date (allocation_date)');
    expect(codeListText('register', ['ADVP', 'RTAO'])).toBe('Domestic abuse perpetrator (ADVP), Terrorism (RTAO)');
  });

  it('shows an unknown code as itself and says the app does not know it', () => {
    expect(describeCode('contact', 'ZZZ9')).toEqual({ words: 'ZZZ9', code: 'ZZZ9', known: false });
    expect(codeText('register', 'LOCAL1')).toBe(`LOCAL1 (${UNKNOWN_CODE_NOTE})`);
    expect(codeText('register', 'LOCAL1')).toBe('LOCAL1 (not a code the app knows)');
  });

  it('compares nDelius codes trimmed and upper-cased, as the rules do, and keeps the code as written', () => {
    expect(describeCode('contact', ' coap ')).toEqual({ words: 'Office appointment', code: ' coap ', known: true });
  });

  it('shows a free-text sentence type as written, with nothing beside it', () => {
    expect(codeText('sentence-type', 'Licence')).toBe('Licence');
    expect(codeText('sentence-type', 'A local order')).toBe('A local order');
  });

  it('has a kind for every table and a title for every setting', () => {
    for (const kind of codeKinds) expect(typeof describeCode(kind, 'x').known).toBe('boolean');
    for (const key of settingKeys) expect(settingTitles[key].length).toBeGreaterThan(0);
    expect(settingName('oversightIntervalDays')).toBe('Repeat SPO oversight interval (oversightIntervalDays)');
  });
});

describe('the kind of evidence a contact is', () => {
  it('follows the rules’ own code lists', () => {
    expect(contactEvidenceKind('MO1', defaultLists)).toBe('oversight');
    expect(contactEvidenceKind('C281', defaultLists)).toBe('oversight');
    expect(contactEvidenceKind('c369', defaultLists)).toBe('checks');
    expect(contactEvidenceKind('SFRR', defaultLists)).toBe('checks');
    expect(contactEvidenceKind('C347', defaultLists)).toBe('referrals');
    expect(contactEvidenceKind('COAP', defaultLists)).toBe('other');
  });

  it('moves a contact type when a list is changed locally', () => {
    expect(contactEvidenceKind('CHVS', { ...defaultLists, oversightContactCodes: ['MO1', 'CHVS'] })).toBe('oversight');
  });
});

describe('settings in words', () => {
  it('writes the value in force into the help, so a change changes the help', () => {
    expect(settingHelp('oversightIntervalDays', 84)).toBe('Repeat SPO oversight of a high-risk or MAPPA level 1 case is due 84 days (12 weeks) after the last oversight.');
    expect(settingHelp('oversightIntervalDays', 90)).toContain('due 90 days after the last oversight');
    expect(settingHelp('capacityThreshold', 1.1)).toContain('110%');
    expect(settingHelp('restrictedGrades', ['PSQ'])).toBe('Staff of these grades should not hold a high-risk case.');
  });

  it('reads each value in words with its codes', () => {
    expect(daysText(1)).toBe('1 day');
    expect(daysText(112)).toBe('112 days (16 weeks)');
    expect(settingValueText('referralCodes', { FINANCE: ['C347'] })).toBe('Finance (FINANCE): Finance, benefit and debt referral (C347)');
  });
});

describe('engine sentences as a person reads them', () => {
  it('speaks ISO dates and levels, leaving other text alone', () => {
    expect(speakText('High RoSH (RHRH since 2026-09-10); no management oversight since allocation on 2026-09-17')).toBe(
      'High RoSH (RHRH since 10 September 2026); no management oversight since allocation on 17 September 2026',
    );
    expect(speakText('OASys RoSH VERY_HIGH')).toBe('OASys RoSH very high');
    expect(speakText('active MAPP registration, level M1')).toBe('active MAPP registration, level 1');
    expect(speakText('DRUG (SEVERE, linked to reoffending)')).toBe('DRUG (severe, linked to reoffending)');
    expect(speakText('not a date 2026-02-30')).toBe('not a date 2026-02-30');
  });
});
