import { describe, expect, it } from 'vitest';
import { crnFor, MAX_CASES } from './crn.js';

describe('crnFor', () => {
  it('gives 300,000 cases distinct CRNs of one letter and six digits', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300_000; i++) {
      const crn = crnFor(i, 123_457);
      if (!/^[A-Z]\d{6}$/.test(crn)) expect.fail(`bad CRN ${crn}`);
      seen.add(crn.slice(1));
    }
    expect(seen.size).toBe(300_000);
  });

  it('refuses indices beyond the million six digits can hold', () => {
    expect(() => crnFor(MAX_CASES, 0)).toThrow(RangeError);
    expect(() => crnFor(-1, 0)).toThrow(RangeError);
  });
});
