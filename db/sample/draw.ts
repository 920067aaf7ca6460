import { sampleRiskLevels, type SampleStratum } from '../contract/index.js';
import { Rng, seedWords } from '../generate/random.js';

/** A review that counts as evidence, as the sample sees it. */
export interface Candidate {
  reviewId: number;
  version: number;
  crn: string;
  staffCode: string;
  risk: SampleStratum['risk'];
}

export interface Drawn {
  strata: SampleStratum[];
  /** In stratum order (practitioner, then risk from very high to unknown), then review id. */
  chosen: Candidate[];
}

/** The sample's own stream of the seeded generator (db/generate/random.ts). */
const SAMPLE_STREAM = 0x5a3e;
const riskRank = (r: SampleStratum['risk']): number => sampleRiskLevels.indexOf(r);

/**
 * A stratified random sample: candidates are grouped by practitioner and risk level; each stratum
 * gets its proportional share of `size`, rounded down, and the places left go to the strata with
 * the largest remainders (ties in seeded random order); within a stratum the reviews are chosen by
 * a seeded shuffle. The same candidates, size and seed always give the same sample.
 */
export function drawSample(candidates: readonly Candidate[], size: number, seed: number): Drawn {
  const rng = new Rng([...seedWords(seed), SAMPLE_STREAM]);
  const groups = new Map<string, Candidate[]>();
  for (const c of [...candidates].sort((a, b) => a.reviewId - b.reviewId)) {
    const key = `${c.staffCode}\u0000${c.risk}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const strata = [...groups.values()]
    .map((members) => ({ members, staffCode: members[0]?.staffCode ?? '', risk: members[0]?.risk ?? 'UNKNOWN' }))
    .sort((a, b) => (a.staffCode < b.staffCode ? -1 : a.staffCode > b.staffCode ? 1 : riskRank(a.risk) - riskRank(b.risk)));

  const total = candidates.length;
  const take = Math.min(size, total);
  const quotas = strata.map((s) => (total ? (take * s.members.length) / total : 0));
  const counts = quotas.map(Math.floor);
  let left = take - counts.reduce((a, b) => a + b, 0);
  const order = strata.map((_, i) => ({ i, frac: (quotas[i] ?? 0) - (counts[i] ?? 0), tie: rng.next() })).sort((a, b) => b.frac - a.frac || a.tie - b.tie);
  for (const o of order) {
    if (left === 0) break;
    counts[o.i] = (counts[o.i] ?? 0) + 1;
    left--;
  }

  const chosen: Candidate[] = [];
  strata.forEach((s, i) => {
    const pool = [...s.members];
    const k = counts[i] ?? 0;
    // A partial Fisher–Yates shuffle: the first k places are a uniform random choice.
    for (let j = 0; j < k; j++) {
      const r = j + Math.floor(rng.next() * (pool.length - j));
      const a = pool[j];
      const b = pool[r];
      if (a === undefined || b === undefined) throw new RangeError('shuffle index out of range');
      pool[j] = b;
      pool[r] = a;
    }
    chosen.push(...pool.slice(0, k).sort((a, b) => a.reviewId - b.reviewId));
  });
  return {
    strata: strata.map((s, i) => ({ staffCode: s.staffCode, risk: s.risk, population: s.members.length, chosen: counts[i] ?? 0 })),
    chosen,
  };
}
