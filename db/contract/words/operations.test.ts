import { describe, expect, it } from 'vitest';
import { operationNames } from '../operations.js';
import { operationTitle, operationTitles } from './operations.js';

describe('operations in words', () => {
  it('words every operation the contract has, each differently', () => {
    expect(Object.keys(operationTitles).sort()).toEqual([...operationNames].sort());
    expect(new Set(Object.values(operationTitles)).size).toBe(operationNames.length);
  });

  it('shows an operation this version does not know as itself, and says so', () => {
    expect(operationTitle('reviews:record')).toBe('Recorded an oversight review');
    expect(operationTitle('cases:get')).toBe('cases:get (not an operation this version knows)');
  });
});
