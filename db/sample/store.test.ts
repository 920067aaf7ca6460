import { describe, expect, it } from 'vitest';
import { isSameSpo } from '../contract/index.js';

describe('the same SPO', () => {
  it('is known by the review’s staff code where it has one, whatever the name, and by name (case and spacing aside) where it has none', () => {
    const reader = { name: 'Sam Senior', staffCode: 'N99S001' };
    expect(isSameSpo(reader, { name: 'S. Senior', staffCode: 'n99s001' })).toBe(true);
    expect(isSameSpo(reader, { name: 'Sam Senior', staffCode: 'N99S009' })).toBe(false);
    expect(isSameSpo(reader, { name: ' sam  SENIOR', staffCode: null })).toBe(true);
    expect(isSameSpo(reader, { name: 'Hana Head', staffCode: null })).toBe(false);
  });
});
