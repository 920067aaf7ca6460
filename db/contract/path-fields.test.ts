import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { inputs, operationNames } from './index.js';
import { expectedExtension, mapPaths, pathField, pathLocations, pathValues } from './path-fields.js';

const withPaths = () => {
  const found: Record<string, { at: string; access: string; kind: string }[]> = {};
  for (const op of operationNames) {
    const fields = pathLocations(inputs[op]).map((l) => ({ at: l.at.join('.'), access: l.spec.access, kind: l.spec.kind }));
    if (fields.length > 0) found[op] = fields;
  }
  return found;
};

describe('path fields in the contract', () => {
  it('marks the extract to import, the export to write, and the files to verify, and nothing else', () => {
    expect(withPaths()).toEqual({
      'import:preview': [{ at: 'paths.*', access: 'read', kind: 'folder-or-files' }],
      'import:commit': [{ at: 'paths.*', access: 'read', kind: 'folder-or-files' }],
      'log:export': [{ at: 'out', access: 'write', kind: 'file' }],
      'log:verify': [{ at: 'path', access: 'read', kind: 'file' }],
      'audit:verify': [{ at: 'against', access: 'read', kind: 'file' }],
    });
  });

  it('leaves no string field named like a path unmarked', () => {
    // A tripwire for a path field declared with plain z.string(): the hosts would not guard it.
    const pathish = /^(paths?|out|against|file|files|dir|folder|source|target)$/i;
    for (const op of operationNames) {
      const schema: unknown = inputs[op];
      const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
      const marked = new Set(pathLocations(inputs[op]).map((l) => l.at[0]));
      for (const key of keys.filter((k) => pathish.test(k))) expect(marked.has(key), `${op}.${key}`).toBe(true);
    }
  });

  it('finds the paths an input names, skipping values of the wrong type for the schema to refuse', () => {
    expect(pathValues(inputs['import:commit'], { paths: ['/a', 7, '/b'], skipInvalid: true }).map((p) => [p.field, p.value])).toEqual([
      ['paths', '/a'],
      ['paths', '/b'],
    ]);
    expect(pathValues(inputs['audit:verify'], {})).toEqual([]);
    expect(pathValues(inputs['audit:verify'], { against: '/x.csv' }).map((p) => p.value)).toEqual(['/x.csv']);
    expect(pathValues(inputs['log:export'], null)).toEqual([]);
    expect(pathValues(inputs['flags:queue'], { search: '/etc/passwd' })).toEqual([]);
  });

  it('replaces each path and copies the rest of the input untouched', () => {
    const input = { format: 'pdf', out: 'id-1', purpose: 'x' };
    expect(mapPaths(inputs['log:export'], input, (p) => `/tmp/${p.value}`)).toEqual({ format: 'pdf', out: '/tmp/id-1', purpose: 'x' });
    expect(input.out).toBe('id-1');
  });

  it('finds a marked field however it is wrapped: optional, defaulted, in an array, in a nested object', () => {
    const file = pathField({ access: 'read', kind: 'file', extensions: ['csv'] }, z.string());
    const schema = z.object({ a: file.optional(), b: z.array(file).default([]), c: z.object({ d: file.nullable() }) });
    expect(pathLocations(schema).map((l) => l.at.join('.'))).toEqual(['a', 'b.*', 'c.d']);
    expect(pathValues(schema, { a: '/1', b: ['/2'], c: { d: '/3' } }).map((p) => `${p.field}=${p.value}`)).toEqual(['a=/1', 'b=/2', 'c.d=/3']);
  });

  it("takes a write field's extension from the parsed input, and only one the field allows", () => {
    const [out] = pathLocations(inputs['log:export']);
    if (!out) throw new Error('log:export has no path field');
    expect(expectedExtension(out.spec, { format: 'pdf' })).toBe('pdf');
    expect(expectedExtension(out.spec, { format: 'exe' })).toBeUndefined();
    expect(expectedExtension(out.spec, {})).toBeUndefined();
  });
});
