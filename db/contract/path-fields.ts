/**
 * Input fields that name a file or folder on this computer, marked where the schema declares them
 * so the hosts derive their guards from the contract rather than a hand-kept list: Electron checks
 * each against what the user picked in a dialog of the matching kind, and the preview host accepts
 * only the ids of files it holds itself. An operation that gains a path field is guarded by being
 * declared with `pathField`.
 */
import { z } from 'zod';

export type PathSpec =
  /** Read: a folder picked to open, or the files in it; `extensions` are the files' it reads. */
  | { access: 'read'; kind: 'folder-or-files'; extensions: readonly string[] }
  /** Read: one file picked to open, of one of these extensions. */
  | { access: 'read'; kind: 'file'; extensions: readonly string[] }
  /**
   * Write: exactly the file picked in a save dialog. Its extension is the value of
   * `extensionField` in the (parsed) input, so an export cannot be written under another type's name.
   */
  | { access: 'write'; kind: 'file'; extensions: readonly string[]; extensionField: string };

/** The marks, keyed by the string schema of each path field. */
export const pathSpecs = z.registry<PathSpec>();

/** Marks `schema` as a path field; declare it last in the chain (`.min()` after it would copy it unmarked). */
export function pathField<S extends z.ZodString>(spec: PathSpec, schema: S): S {
  pathSpecs.add(schema, spec);
  return schema;
}

/** Where a path field sits in an input: object keys, and `*` for each element of an array. */
export interface PathLocation {
  at: readonly string[];
  spec: PathSpec;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodReadonly || s instanceof z.ZodCatch) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) {
      s = s.in as z.ZodType;
    } else {
      return s;
    }
  }
}

/** Every path field a schema declares, found by walking its objects and arrays. */
export function pathLocations(schema: z.ZodType, at: readonly string[] = []): PathLocation[] {
  const spec = pathSpecs.get(schema);
  if (spec) return [{ at, spec }];
  const inner = unwrap(schema);
  if (inner !== schema) return pathLocations(inner, at);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, field]) => pathLocations(field, [...at, key]));
  }
  if (inner instanceof z.ZodArray) return pathLocations(inner.element as z.ZodType, [...at, '*']);
  return [];
}

/** A path an input names, with the field it is in (`paths`, `out`, `against`) and what it is for. */
export interface PathValue {
  field: string;
  spec: PathSpec;
  value: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Maps each string at `at` in `value` through `fn`, copying only what it changes. Values of the
 * wrong type are left alone: the schema refuses them before anything reads a path.
 */
function mapAt(value: unknown, at: readonly string[], field: readonly string[], spec: PathSpec, fn: (p: PathValue) => string): unknown {
  const [head, ...rest] = at;
  if (head === undefined) return typeof value === 'string' ? fn({ field: field.join('.'), spec, value }) : value;
  if (head === '*') return Array.isArray(value) ? value.map((v: unknown) => mapAt(v, rest, field, spec, fn)) : value;
  if (!isRecord(value) || !Object.hasOwn(value, head)) return value;
  return { ...value, [head]: mapAt(value[head], rest, [...field, head], spec, fn) };
}

/** The input with every path it names replaced by `fn`'s answer (the preview host's ids → its files). */
export function mapPaths(schema: z.ZodType, input: unknown, fn: (p: PathValue) => string): unknown {
  return pathLocations(schema).reduce((acc, { at, spec }) => mapAt(acc, at, [], spec, fn), input);
}

/** Every path the input names, in the schema's path fields. */
export function pathValues(schema: z.ZodType, input: unknown): PathValue[] {
  const found: PathValue[] = [];
  mapPaths(schema, input, (p) => {
    found.push(p);
    return p.value;
  });
  return found;
}

/** The extension a write field's file must have, from the parsed input (`format: 'pdf'` → `pdf`). */
export function expectedExtension(spec: PathSpec, parsed: unknown): string | undefined {
  if (spec.access !== 'write' || !isRecord(parsed)) return undefined;
  const ext = parsed[spec.extensionField];
  return typeof ext === 'string' && spec.extensions.includes(ext) ? ext : undefined;
}
