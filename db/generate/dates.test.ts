import { describe, expect, it } from 'vitest';
import { DayFormatter, isoOfDay, parseIsoDay } from './dates.js';

describe('dates', () => {
  it('round-trips ISO dates through day numbers', () => {
    const day = parseIsoDay('2026-11-23');
    expect(day).not.toBeNull();
    expect(isoOfDay(day ?? 0)).toBe('2026-11-23');
    expect(parseIsoDay('2024-02-29')).not.toBeNull();
  });

  it('refuses dates that are not on the calendar or not ISO', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '23/11/2026', '2026-1-1', '']) expect(parseIsoDay(bad), bad).toBeNull();
  });

  it('formats through its cache the same as without it, inside and outside its window', () => {
    const asOf = parseIsoDay('2026-11-23') ?? 0;
    const f = new DayFormatter(asOf, 10, 5);
    for (const d of [asOf - 20, asOf - 10, asOf, asOf + 5, asOf + 6, asOf]) expect(f.format(d)).toBe(isoOfDay(d));
  });
});
