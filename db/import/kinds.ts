import type { ExtractKind } from '../contract/index.js';
import { bool, crn, date, nonNegativeNumber, normaliseCode, strictCode, type Parsed } from './fields.js';
import { gradeMeanings, needMeanings, registerMeanings } from '../contract/words/codes.js';

export type Value = string | number | null;

export interface ColumnSpec {
  name: string;
  required: boolean;
  parse: (value: string) => Parsed<Value>;
  /** For code columns: values the app knows; others are kept as written and reported once. */
  known?: readonly string[];
  /** Codes are stored normalised; the text as written is kept beside them when it differs. */
  keepRaw?: boolean;
}

export interface KindSpec {
  kind: ExtractKind;
  columns: readonly ColumnSpec[];
  /** Checks across fields of one row, given the parsed values in column order. */
  rowCheck?: (row: readonly Value[]) => { column: string; reason: string }[];
}

const text = (value: string): Parsed<Value> => value.trim();
const code = (value: string): Parsed<Value> => normaliseCode(value);

const col = (name: string, required: boolean, parse: ColumnSpec['parse']): ColumnSpec => ({ name, required, parse });
const codeCol = (name: string, required: boolean, parse: ColumnSpec['parse'], known?: readonly string[]): ColumnSpec =>
  known ? { name, required, parse, known, keepRaw: true } : { name, required, parse, keepRaw: true };

export const roshLevels = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const;
export const severities = ['NO_NEED', 'STANDARD', 'SEVERE'] as const;
export const mappaLevels = ['M1', 'M2', 'M3'] as const;
export const mappaCategories = ['M1', 'M2', 'M3', 'M4'] as const;

/** Every registration the app has words for: the rules' own and those shown on the case screen. */
export const knownRegisterCodes = Object.keys(registerMeanings);
export const knownNeeds = Object.keys(needMeanings);
export const knownGrades = Object.keys(gradeMeanings);
export const knownCaseTypes = ['COMMUNITY', 'LICENCE', 'CUSTODY'];

/** Where a column sits in its kind's values. */
export function columnAt(kind: ExtractKind, name: string): number {
  return kindSpecs[kind].columns.findIndex((c) => c.name === name);
}

function mappaCheck(row: readonly Value[]): { column: string; reason: string }[] {
  if (row[columnAt('registrations', 'register_code')] !== 'MAPP') return [];
  // A MAPP row with a level the app cannot read would silently drop out of MAPPA level 1 oversight.
  const problems: { column: string; reason: string }[] = [];
  const level = row[columnAt('registrations', 'level_code')];
  if (level && !(mappaLevels as readonly Value[]).includes(level)) {
    problems.push({ column: 'level_code', reason: `not a MAPPA level (M1, M2 or M3): ${String(level)}` });
  }
  const category = row[columnAt('registrations', 'category_code')];
  if (category && !(mappaCategories as readonly Value[]).includes(category)) {
    problems.push({ column: 'category_code', reason: `not a MAPPA category (M1 to M4): ${String(category)}` });
  }
  return problems;
}

export const kindSpecs: Record<ExtractKind, KindSpec> = {
  cases: {
    kind: 'cases',
    columns: [
      col('crn', true, crn),
      col('name', true, text),
      col('date_of_birth', false, date),
      codeCol('staff_code', true, code),
      col('allocation_date', true, date),
      codeCol('case_type', false, code, knownCaseTypes),
      col('sentence_type', false, text),
      codeCol('tier', false, code),
      codeCol('rosh_level', false, strictCode(roshLevels)),
      col('rosh_assessed_on', false, date),
    ],
  },
  registrations: {
    kind: 'registrations',
    columns: [
      col('crn', true, crn),
      codeCol('register_code', true, code, knownRegisterCodes),
      codeCol('level_code', false, code),
      codeCol('category_code', false, code),
      col('registration_date', true, date),
      col('next_review_date', false, date),
      col('deregistration_date', false, date),
    ],
    rowCheck: mappaCheck,
  },
  contacts: {
    kind: 'contacts',
    columns: [
      col('crn', true, crn),
      col('contact_id', true, text),
      col('contact_date', true, date),
      // Most nDelius contacts are ordinary ones (appointments, visits) that the rules do not use: not worth a warning.
      codeCol('contact_type_code', true, code),
      codeCol('staff_code', false, code),
    ],
  },
  staff: {
    kind: 'staff',
    columns: [
      codeCol('staff_code', true, code),
      col('name', true, text),
      codeCol('grade', false, code, knownGrades),
      codeCol('team_code', true, code),
      col('team_name', false, text),
      codeCol('pdu_code', false, code),
      col('pdu_name', false, text),
      col('points_available', false, nonNegativeNumber),
      col('points_used', false, nonNegativeNumber),
    ],
  },
  needs: {
    kind: 'needs',
    columns: [
      col('crn', true, crn),
      codeCol('need', true, code, knownNeeds),
      codeCol('severity', false, strictCode(severities)),
      col('linked_to_harm', false, bool),
      col('linked_to_reoffending', false, bool),
    ],
  },
};

/** Order of processing: cases first, so every other file's CRNs can be checked against them. */
export const kindOrder: readonly ExtractKind[] = ['cases', 'staff', 'registrations', 'contacts', 'needs'];
export const requiredKinds: readonly ExtractKind[] = ['cases', 'registrations', 'contacts'];

export type HeaderMatch =
  | { ok: true; kind: ExtractKind; columnIndex: Map<string, number>; unknownColumns: string[] }
  | { ok: false; reason: string };

/** Column names are matched case-insensitively after trimming; which file is which is decided by its header. */
export function matchHeader(header: readonly string[]): HeaderMatch {
  const names = header.map((h) => h.trim().toLowerCase());
  const seen = new Set<string>();
  for (const n of names) {
    if (n === '') return { ok: false, reason: 'the header has an empty column name' };
    if (seen.has(n)) return { ok: false, reason: `the header names column "${n}" twice` };
    seen.add(n);
  }
  const candidates = kindOrder
    .map((kind) => {
      const spec = kindSpecs[kind];
      const missing = spec.columns.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
      const known = spec.columns.filter((c) => seen.has(c.name)).length;
      return { kind, missing, known };
    })
    .sort((a, b) => a.missing.length - b.missing.length || b.known - a.known);
  const complete = candidates.filter((c) => c.missing.length === 0);
  const best = complete[0];
  if (best) {
    const rival = complete[1];
    if (rival && rival.known === best.known) {
      return { ok: false, reason: `the header fits both ${best.kind} and ${rival.kind}; it cannot be told apart` };
    }
    const knownNames = new Set(kindSpecs[best.kind].columns.map((c) => c.name));
    return {
      ok: true,
      kind: best.kind,
      columnIndex: new Map(names.map((n, i) => [n, i])),
      unknownColumns: header.filter((_, i) => !knownNames.has(names[i] ?? '')).map((h) => h.trim()),
    };
  }
  const nearest = candidates[0];
  const hint = nearest && nearest.known > 0 ? `; nearest is ${nearest.kind}, which also needs ${nearest.missing.join(', ')}` : '';
  return {
    ok: false,
    reason: `not a file of the extract: its header (${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}) matches no kind${hint}`,
  };
}
