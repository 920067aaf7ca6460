import { describe, expect, it } from 'vitest';
import { operationNames } from '../db/contract/index.js';
import { pathGrants, pathsNamedBy } from './path-grants.js';

describe('path grants', () => {
  it('allows a granted folder and what is inside it, and nothing beside or above it', () => {
    const grants = pathGrants();
    grants.grant(['/home/spo/extracts/2026-11']);
    expect(grants.allows('/home/spo/extracts/2026-11')).toBe(true);
    expect(grants.allows('/home/spo/extracts/2026-11/cases.csv')).toBe(true);
    expect(grants.allows('/home/spo/extracts/2026-11/../2026-10/cases.csv')).toBe(false);
    expect(grants.allows('/home/spo/extracts/2026-11-old/cases.csv')).toBe(false);
    expect(grants.allows('/home/spo/extracts')).toBe(false);
    expect(grants.allows('/etc/passwd')).toBe(false);
  });

  it('allows nothing before the user has picked anything', () => {
    expect(pathGrants().allows('/tmp/x.csv')).toBe(false);
  });

  it('names the paths of the operations that read or write files, and none for the others', () => {
    expect(pathsNamedBy('import:preview', { paths: ['/a', '/b'] })).toEqual(['/a', '/b']);
    expect(pathsNamedBy('import:commit', { paths: ['/a', 7] })).toEqual(['/a']);
    expect(pathsNamedBy('log:export', { out: '/o.csv', format: 'csv' })).toEqual(['/o.csv']);
    expect(pathsNamedBy('log:verify', { path: '/o.csv' })).toEqual(['/o.csv']);
    expect(pathsNamedBy('flags:queue', { search: '/etc' })).toEqual([]);
    expect(pathsNamedBy('import:commit', null)).toEqual([]);
  });

  it('knows every operation whose input has a path field', async () => {
    // A new operation that takes a path must be added to pathsNamedBy, or the guard misses it.
    const { inputs } = await import('../db/contract/index.js');
    const withPaths = operationNames.filter((op) => {
      const schema: unknown = inputs[op];
      const shape = typeof schema === 'object' && schema !== null && 'shape' in schema && typeof schema.shape === 'object' && schema.shape !== null ? Object.keys(schema.shape) : [];
      return shape.some((key) => ['paths', 'path', 'out', 'file', 'dir', 'folder'].includes(key));
    });
    for (const op of withPaths) expect(pathsNamedBy(op, { paths: ['/x'], path: '/x', out: '/x' }), op).not.toEqual([]);
  });
});
