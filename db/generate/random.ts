/**
 * A seeded pseudo-random generator (sfc32) and the few helpers the generator draws with.
 * Math.random cannot be seeded, and the extract must be byte-identical for a seed.
 */

/** A value with its relative weight; weights need not sum to anything in particular. */
export type Weighted<T> = readonly (readonly [value: T, weight: number])[];

/** Folds one 32-bit word into a hash (murmur3's finaliser), so nearby seeds give unrelated streams. */
function mix32(h: number, v: number): number {
  let x = Math.imul(h ^ v, 0x9e3779b1);
  x ^= x >>> 15;
  x = Math.imul(x, 0x85ebca77);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae3d);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Stream tags: each part of the extract draws from its own stream, so that changing how one part
 * is drawn does not reshuffle the others.
 */
export const STREAM = { org: 1, cases: 2, crn: 3 } as const;

/** Splits a safe integer seed into two 32-bit words so that seeds beyond 2^32 still differ. */
export function seedWords(seed: number): readonly [number, number] {
  return [seed >>> 0, Math.floor(seed / 0x1_0000_0000) >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `key` names the stream, e.g. [seedLo, seedHi, STREAM_CASES, pduIndex]. */
  constructor(key: readonly number[]) {
    let h = 0x2545f491;
    for (const k of key) h = mix32(h, k >>> 0);
    this.a = mix32(h, 1);
    this.b = mix32(h, 2);
    this.c = mix32(h, 3);
    this.d = mix32(h, 4);
    // The first outputs of sfc32 still carry the seed's structure; discard them.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  }

  /** An integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.next() * items.length));
  }

  weighted<T>(table: Weighted<T>): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    // Only reachable through floating-point rounding on the last entry.
    return at(table, table.length - 1)[0];
  }
}

/** Indexing that fails loudly: every call site has already bounded the index, so a miss is a bug. */
export function at<T>(items: readonly T[], index: number): T {
  const v = items[index];
  if (v === undefined) throw new RangeError(`index ${index} out of range 0..${items.length - 1}`);
  return v;
}

/**
 * A weighted table compiled once into cumulative weights, for the draws made per contact
 * (millions of times nationally), where re-summing the weights on each draw would show.
 */
export class WeightedTable<T> {
  private readonly values: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(table: Weighted<T>) {
    this.values = table.map(([v]) => v);
    this.cumulative = new Float64Array(table.length);
    let sum = 0;
    table.forEach(([, w], i) => (this.cumulative[i] = sum += w));
  }

  draw(rng: Rng): T {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const r = rng.next() * total;
    let i = 0;
    while (i < this.cumulative.length - 1 && (this.cumulative[i] ?? 0) <= r) i++;
    return at(this.values, i);
  }
}
