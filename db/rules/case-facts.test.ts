import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { norm } from './case-facts.js';

describe('norm, how codes are compared', () => {
  it('trims and upper-cases a code, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ09_- \t\n\u00a0\ufeffßéİı'.split('')) }), (s) => {
        expect(norm(s)).toBe(s.trim().toUpperCase());
      }),
      { numRuns: 2000 },
    );
    expect(norm(' rhrh ')).toBe('RHRH');
    expect(norm('straße')).toBe('STRASSE');
  });

  it('leaves a code already in that form unchanged', () => {
    const code = ['M', 'A', 'P', 'P'].join('');
    expect(norm(code)).toBe(code);
    expect(norm('C102_A')).toBe('C102_A');
  });
});
