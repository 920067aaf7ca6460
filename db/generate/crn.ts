/*
 * CRNs: one letter and six digits, unique across the extract without remembering the ones used.
 * Multiplying by a number coprime with 10^6 permutes 0..999,999, so distinct case indices give
 * distinct digits; the letter is decoration.
 */

const MODULUS = 1_000_000;
/** Odd and not a multiple of 5, hence coprime with 10^6. */
const MULTIPLIER = 611_953;
const LETTERS = 'XYZ';

export const MAX_CASES = MODULUS;

export function crnFor(caseIndex: number, offset: number): string {
  if (!Number.isInteger(caseIndex) || caseIndex < 0 || caseIndex >= MODULUS) throw new RangeError(`case index out of range: ${caseIndex}`);
  const digits = (caseIndex * MULTIPLIER + offset) % MODULUS;
  return `${LETTERS.charAt(caseIndex % LETTERS.length)}${String(digits).padStart(6, '0')}`;
}
