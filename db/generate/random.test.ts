import { describe, expect, it } from 'vitest';
import { Rng, seedWords, WeightedTable } from './random.js';

describe('Rng', () => {
  it('repeats the same sequence for the same key and differs for another', () => {
    const draw = (key: number[]): number[] => {
      const rng = new Rng(key);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw([1, 0, 2])).toEqual(draw([1, 0, 2]));
    expect(draw([1, 0, 2])).not.toEqual(draw([1, 0, 3]));
    expect(draw([1, 0, 2])).not.toEqual(draw([2, 0, 2]));
  });

  it('draws integers across the whole inclusive range and nowhere else', () => {
    const rng = new Rng([42]);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('keeps floats in [0, 1) with a mean near one half', () => {
    const rng = new Rng([7]);
    const xs = Array.from({ length: 20_000 }, () => rng.next());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  it('draws weighted values in proportion to their weights, compiled or not', () => {
    const rng = new Rng([9]);
    const table = [['a', 1], ['b', 3]] as const;
    const compiled = new WeightedTable(table);
    let b = 0;
    let compiledB = 0;
    for (let i = 0; i < 20_000; i++) {
      if (rng.weighted(table) === 'b') b++;
      if (compiled.draw(rng) === 'b') compiledB++;
    }
    expect(b / 20_000).toBeCloseTo(0.75, 1);
    expect(compiledB / 20_000).toBeCloseTo(0.75, 1);
  });

  it('keeps seeds beyond 32 bits apart', () => {
    expect(seedWords(1)).not.toEqual(seedWords(1 + 2 ** 32));
    expect(seedWords(-1)).not.toEqual(seedWords(1));
  });
});
