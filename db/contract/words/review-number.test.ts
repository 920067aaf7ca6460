import { describe, expect, it } from 'vitest';
import type { Review } from '../reviews.js';
import { reviewHeading, reviewNumbers } from './review-number.js';

describe('a review’s number on its case', () => {
  it('counts the case’s reviews from 1 in the order they were recorded, whatever order they are given in', () => {
    expect([...reviewNumbers([12, 3, 40, 3])]).toEqual([
      [3, 1],
      [12, 2],
      [40, 3],
    ]);
  });

  it('reads "Review 2: Management oversight, 12 March 2026"', () => {
    const current = { type: 'management-oversight', date: '2026-03-12' } as Review['current'];
    expect(reviewHeading(2, { current })).toBe('Review 2: Management oversight, 12 March 2026');
  });
});
