import type { ExtractKind, RowError } from '../contract/index.js';
import { controlCharacterReason, Refusal } from './fields.js';
import { kindSpecs, type Value } from './kinds.js';

export interface FileLayout {
  name: string;
  kind: ExtractKind;
  headerLength: number;
  /** Header position of each of the kind's columns, in spec order (undefined: column absent). */
  specIndex: (number | undefined)[];
  /** Header names by position, for messages. */
  headerNames: string[];
  /** Columns the app does not know: kept per row in extra_json. */
  extraColumns: [string, number][];
  maxFieldChars: number;
}

export interface ValidatedRow {
  /** In the kind's column order (kindSpecs). */
  values: Value[];
  raw: string | null;
  extra: string | null;
  errors: RowError[];
  /** Code values outside the app's lists, for the report's warnings. */
  unknownCodes: { column: string; value: string }[];
}

export function layoutFor(name: string, kind: ExtractKind, columnIndex: Map<string, number>, headerLength: number, maxFieldChars: number): FileLayout {
  const spec = kindSpecs[kind];
  const known = new Set(spec.columns.map((c) => c.name));
  const headerNames: string[] = [];
  for (const [n, i] of columnIndex) headerNames[i] = n;
  return {
    name,
    kind,
    headerLength,
    specIndex: spec.columns.map((c) => columnIndex.get(c.name)),
    headerNames,
    extraColumns: [...columnIndex].filter(([n]) => !known.has(n)),
    maxFieldChars,
  };
}

/** Checks one record against its kind's columns: shape, size, control characters, each value. */
export function validateRow(layout: FileLayout, fields: readonly string[], line: number): ValidatedRow {
  const spec = kindSpecs[layout.kind];
  const file = layout.name;
  const out: ValidatedRow = { values: [], raw: null, extra: null, errors: [], unknownCodes: [] };
  if (fields.length !== layout.headerLength) {
    out.errors.push({ file, line, reason: `the row has ${fields.length} fields; the header has ${layout.headerLength}` });
    return out;
  }
  for (let i = 0; i < fields.length; i++) {
    const v = fields[i] ?? '';
    const column = layout.headerNames[i] ?? `column ${i + 1}`;
    if (v.length > layout.maxFieldChars) {
      out.errors.push({ file, line, column, reason: `longer than ${layout.maxFieldChars.toLocaleString('en-GB')} characters (${v.length.toLocaleString('en-GB')})` });
    } else {
      const control = controlCharacterReason(v);
      if (control) out.errors.push({ file, line, column, reason: control });
    }
  }
  if (out.errors.length) return out;

  let raw: Record<string, string> | null = null;
  for (const [ci, c] of spec.columns.entries()) {
    const at = layout.specIndex[ci];
    const text = at === undefined ? '' : (fields[at] ?? '');
    let value: Value = null;
    if (text.trim() === '') {
      if (c.required) out.errors.push({ file, line, column: c.name, reason: 'required, but empty' });
    } else {
      const parsed = c.parse(text);
      if (parsed instanceof Refusal) out.errors.push({ file, line, column: c.name, reason: parsed.reason });
      else {
        value = parsed;
        if (c.keepRaw && value !== text) (raw ??= {})[c.name] = text;
        if (c.known && typeof value === 'string' && !c.known.includes(value)) out.unknownCodes.push({ column: c.name, value });
      }
    }
    out.values.push(value);
  }
  if (out.errors.length === 0 && spec.rowCheck) {
    for (const p of spec.rowCheck(out.values)) out.errors.push({ file, line, column: p.column, reason: p.reason });
  }
  out.raw = raw ? JSON.stringify(raw) : null;
  if (layout.extraColumns.length) {
    const extra = layout.extraColumns.filter(([, i]) => (fields[i] ?? '') !== '').map(([n, i]) => [n, fields[i] ?? '']);
    out.extra = extra.length ? JSON.stringify(Object.fromEntries(extra)) : null;
  }
  return out;
}
