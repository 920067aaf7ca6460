import { describe, expect, it } from 'vitest';
import { median, oversightAge, weekEnding, weekEndings } from './coverage.js';

describe('weekly dates and coverage', () => {
  it('ends weeks on Sundays', () => {
    expect(weekEnding('2026-11-22')).toBe('2026-11-22'); // a Sunday
    expect(weekEnding('2026-11-23')).toBe('2026-11-22');
    expect(weekEnding('2026-11-28')).toBe('2026-11-22');
    expect(weekEndings('2026-11-23', 3)).toEqual(['2026-11-08', '2026-11-15', '2026-11-22']);
  });

  it('counts a case covered while its last oversight is at most the interval old', () => {
    expect(oversightAge({ since: '2026-01-01', latest: '2026-08-31' }, '2026-11-23', 84)).toEqual({ covered: true, days: 84 });
    expect(oversightAge({ since: '2026-01-01', latest: '2026-08-30' }, '2026-11-23', 84)).toEqual({ covered: false, days: 85 });
    expect(oversightAge({ since: '2026-11-20', latest: null }, '2026-11-23', 84)).toEqual({ covered: false, days: 3 });
  });

  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([3])).toBe(3);
    expect(median([1, 2, 10])).toBe(2);
    expect(median([1, 2, 10, 20])).toBe(6);
  });
});
