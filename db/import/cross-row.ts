import type { ExtractKind } from '../contract/index.js';
import { columnAt, type Value } from './kinds.js';

type Where = { file: string; line: number };
export interface CrossRow {
  cases: Map<string, Where>;
  casesRejected: Map<string, Where>;
  staff: Map<string, Where>;
  /** When no cases file could be read, every CRN would be "missing": say nothing instead. */
  casesUnreadable: boolean;
}

/** Uniqueness of CRNs and staff codes, and CRNs that must exist in the cases file. */
export function crossRowProblem(kind: ExtractKind, row: readonly Value[], seen: CrossRow): { column: string; reason: string } | null {
  const crnAt = columnAt(kind, 'crn');
  const crn = crnAt === -1 ? undefined : row[crnAt];
  if (kind === 'cases' && typeof crn === 'string') {
    const earlier = seen.cases.get(crn);
    return earlier ? { column: 'crn', reason: `duplicate crn ${crn} (first on line ${earlier.line} of ${earlier.file})` } : null;
  }
  if (kind === 'staff') {
    const code = String(row[columnAt('staff', 'staff_code')]);
    const earlier = seen.staff.get(code);
    return earlier ? { column: 'staff_code', reason: `duplicate staff_code ${code} (first on line ${earlier.line} of ${earlier.file})` } : null;
  }
  if (typeof crn === 'string' && !seen.casesUnreadable && !seen.cases.has(crn)) {
    const rejected = seen.casesRejected.get(crn);
    return {
      column: 'crn',
      reason: rejected ? `crn ${crn} is on a cases row that was rejected (line ${rejected.line} of ${rejected.file})` : `crn ${crn} is not in the cases file`,
    };
  }
  return null;
}
