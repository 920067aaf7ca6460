import { CONTACT_CODES, type ContactCode } from './codes.js';

/** Code indices fit in five bits of the packed key. */
const CODE_BITS = 32;
const CODE_INDEX = new Map<ContactCode, number>(CONTACT_CODES.map((c, i) => [c, i]));

/** The most contacts one case can carry; three years of weekly contacts plus evidence fit easily. */
const CAPACITY = 4096;

/**
 * One case's contacts while it is being built, packed as numbers (day × 32 + code index) in a
 * reused typed array: sorting numbers is fast and allocates nothing, which matters when a
 * national extract builds fifteen million contacts.
 */
export class ContactList {
  private readonly keys = new Float64Array(CAPACITY);
  private count = 0;

  /** `firstDay` is the earliest day any contact can have; keys are counted from it. */
  constructor(private readonly firstDay: number) {}

  clear(): void {
    this.count = 0;
  }

  get size(): number {
    return this.count;
  }

  add(day: number, code: ContactCode): void {
    this.addIndex(day, CODE_INDEX.get(code) ?? 0);
  }

  addIndex(day: number, codeIndex: number): void {
    if (this.count === CAPACITY) throw new RangeError(`a case cannot have more than ${CAPACITY} contacts`);
    if (day < this.firstDay) throw new RangeError(`contact dated before the generator's window: day ${day}`);
    this.keys[this.count++] = (day - this.firstDay) * CODE_BITS + codeIndex;
  }

  /** Calls `visit` for each contact in date order (ties by code index), then leaves the list sorted. */
  forEachSorted(visit: (day: number, codeIndex: number) => void): void {
    const sorted = this.keys.subarray(0, this.count).sort();
    for (const key of sorted) visit(this.firstDay + Math.floor(key / CODE_BITS), key % CODE_BITS);
  }
}

export function codeIndex(code: ContactCode): number {
  return CODE_INDEX.get(code) ?? 0;
}
