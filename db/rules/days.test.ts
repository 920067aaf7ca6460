import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../contract/dates.js';
import { dayNumber, isoOfDay, plusDays } from './days.js';

describe('calendar arithmetic without Date objects', () => {
  it('agrees with db/contract/dates.ts on every day from 1900 to 2200, leap days included', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') }), fc.integer({ min: -4000, max: 4000 }), (d, n) => {
        const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
        expect(dayNumber(iso)).toBe(d);
        expect(isoOfDay(d)).toBe(iso);
        expect(plusDays(iso, n)).toBe(addDays(iso, n));
      }),
      { numRuns: 2000 },
    );
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(plusDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
