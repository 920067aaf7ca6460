import { describe, expect, it } from 'vitest';
import { drawSample, type Candidate } from './draw.js';

const c = (reviewId: number, staffCode: string, risk: Candidate['risk']): Candidate => ({ reviewId, version: 1, crn: `X${String(reviewId).padStart(6, '0')}`, staffCode, risk });

/** Six high-risk reviews by N99P001 and two low-risk ones by N99P002. */
const pool = [1, 2, 3, 4, 5, 6].map((i) => c(i, 'N99P001', 'HIGH')).concat([c(7, 'N99P002', 'LOW'), c(8, 'N99P002', 'LOW')]);

describe('drawSample', () => {
  it('gives each practitioner and risk level its proportional share', () => {
    const drawn = drawSample(pool, 4, 1);
    expect(drawn.strata).toEqual([
      { staffCode: 'N99P001', risk: 'HIGH', population: 6, chosen: 3 },
      { staffCode: 'N99P002', risk: 'LOW', population: 2, chosen: 1 },
    ]);
    expect(drawn.chosen.filter((x) => x.staffCode === 'N99P001')).toHaveLength(3);
    expect(new Set(drawn.chosen.map((x) => x.reviewId)).size).toBe(4);
  });

  it('draws the same sample from the same seed and, in general, another from another seed', () => {
    const ids = (seed: number) => drawSample(pool, 3, seed).chosen.map((x) => x.reviewId);
    expect(ids(42)).toEqual(ids(42));
    const seen = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => ids(s).join(',')));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('gives the places left after rounding down to the largest remainders', () => {
    // Quotas of 2 from 6 + 2 + 1 + 1: 1.2, 0.4, 0.2, 0.2 → 1 place by rounding down, the other to the 0.4.
    const drawn = drawSample([...pool, c(9, 'N99P003', 'MEDIUM'), c(10, 'N99P004', 'VERY_HIGH')], 2, 5);
    expect(drawn.strata.map((s) => s.chosen)).toEqual([1, 1, 0, 0]);
  });

  it('takes every review when the sample is as large as the population', () => {
    expect(drawSample(pool, 50, 3).chosen.map((x) => x.reviewId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('orders strata by practitioner, then risk from very high to unknown', () => {
    const drawn = drawSample([c(1, 'B', 'LOW'), c(2, 'A', 'UNKNOWN'), c(3, 'A', 'VERY_HIGH')], 3, 1);
    expect(drawn.strata.map((s) => `${s.staffCode}/${s.risk}`)).toEqual(['A/VERY_HIGH', 'A/UNKNOWN', 'B/LOW']);
  });
});
