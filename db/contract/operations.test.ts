import { describe, expect, it } from 'vitest';
import { inputs } from './index.js';
import { operationNames } from './operations.js';

describe('operationNames', () => {
  it('names exactly the operations of the input map, in the same order', () => {
    expect(operationNames).toEqual(Object.keys(inputs));
  });
});
