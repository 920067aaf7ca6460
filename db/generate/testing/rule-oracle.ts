import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Test support: a second, deliberately plain reading of oversight-rules.md, computed straight
 * from the generated CSV text. It shares no code with the generator, so a test can check that
 * the data really triggers the rules rather than trusting the generator's own bookkeeping.
 * Not the app's rules engine: no app reviews, default policy only, no reasons.
 */

export type Row = Readonly<Record<string, string>>;

export interface Extract {
  cases: Row[];
  registrations: Row[];
  contacts: Row[];
  staff: Row[];
  needs: Row[];
}

/** Parses the generator's own output, which never needs quoting; refuses anything that does. */
export function parseSimpleCsv(text: string): { header: string[]; rows: Row[] } {
  if (text.includes('"')) throw new Error('quoted CSV: this reader only handles unquoted fields');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = (lines.shift() ?? '').split(',');
  const rows = lines.map((line, i) => {
    const fields = line.split(',');
    if (fields.length !== header.length) throw new Error(`line ${i + 2}: ${fields.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, fields[j] ?? '']));
  });
  return { header, rows };
}

export function readExtract(dir: string): Extract {
  const read = (name: string): Row[] => parseSimpleCsv(readFileSync(join(dir, name), 'utf8')).rows;
  const contactFiles = readdirSync(dir).filter((n) => /^contacts-\d+\.csv$/.test(n)).sort();
  return {
    cases: read('cases.csv'),
    registrations: read('registrations.csv'),
    contacts: contactFiles.flatMap(read),
    staff: read('staff.csv'),
    needs: read('needs.csv'),
  };
}

export function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

export interface RuleHit {
  crn: string;
  rule: string;
  /** For the two check rules: which of the two conditions applied. */
  form?: 'never-requested' | 'no-response';
  dueDay: number;
}

export interface Evaluation {
  overdue: RuleHit[];
  dueSoon: RuleHit[];
  overCapacity: string[];
}

const ROSH_RANK: Record<string, number> = { RLRH: 1, RMRH: 2, RHRH: 3, RVHR: 4 };
const LEVEL_RANK: Record<string, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, VERY_HIGH: 4 };
const OVERSIGHT = new Set(['MO1', 'MO8', 'CSPO', 'C053']);
const REFERRALS: Record<string, readonly string[]> = { DRUG: ['CLDR', 'CGRF'], ALCOHOL: ['CLDR', 'CGRF'], ETE: ['CGRF'], FINANCE: ['C347', 'CGRF'] };

function groupBy(rows: readonly Row[]): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const r of rows) {
    const key = r.crn ?? '';
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  }
  return map;
}

const get = (r: Row, column: string): string => r[column] ?? '';

export function evaluate(x: Extract, asOfIso: string, dueSoonDays = 14): Evaluation {
  const asOf = dayOf(asOfIso);
  const regsBy = groupBy(x.registrations);
  const contactsBy = groupBy(x.contacts);
  const needsBy = groupBy(x.needs);
  const grade = new Map(x.staff.map((s) => [get(s, 'staff_code'), get(s, 'grade')]));
  const overdue: RuleHit[] = [];
  const dueSoon: RuleHit[] = [];

  for (const c of x.cases) {
    const crn = get(c, 'crn');
    const hit = (rule: string, dueDay: number, form?: RuleHit['form']): void => {
      const h: RuleHit = form ? { crn, rule, form, dueDay } : { crn, rule, dueDay };
      if (asOf > dueDay) overdue.push(h);
      else if (dueDay - asOf <= dueSoonDays) dueSoon.push(h);
    };
    const alloc = dayOf(get(c, 'allocation_date'));
    if (alloc > asOf) continue; // not yet in the caseload
    const roshLevel = get(c, 'rosh_level');
    const assessed = get(c, 'rosh_assessed_on') ? dayOf(get(c, 'rosh_assessed_on')) : null;
    const active = (regsBy.get(crn) ?? []).filter((r) => {
      const ended = get(r, 'deregistration_date');
      return dayOf(get(r, 'registration_date')) <= asOf && (ended === '' || dayOf(ended) > asOf);
    });
    const contacts = (contactsBy.get(crn) ?? []).filter((k) => dayOf(get(k, 'contact_date')) <= asOf);
    const dated = (codes: readonly string[], from = -Infinity): number[] =>
      contacts.filter((k) => codes.includes(get(k, 'contact_type_code')) && dayOf(get(k, 'contact_date')) >= from).map((k) => dayOf(get(k, 'contact_date')));

    // Effective RoSH and high-risk since.
    const roshRegs = active.filter((r) => ROSH_RANK[get(r, 'register_code')] !== undefined);
    const topReg = roshRegs.reduce<Row | null>((best, r) => (best === null || (ROSH_RANK[get(r, 'register_code')] ?? 0) > (ROSH_RANK[get(best, 'register_code')] ?? 0) ? r : best), null);
    const effectiveRank = topReg ? (ROSH_RANK[get(topReg, 'register_code')] ?? 0) : (LEVEL_RANK[roshLevel] ?? 0);
    const highRisk = effectiveRank >= 3;
    const highSince = !highRisk
      ? null
      : topReg
        ? Math.min(...roshRegs.filter((r) => ['RHRH', 'RVHR'].includes(get(r, 'register_code'))).map((r) => dayOf(get(r, 'registration_date'))))
        : (assessed ?? alloc);

    // MAPPA level from the latest active MAPP registration (higher level on a tie).
    const mapp = active
      .filter((r) => get(r, 'register_code') === 'MAPP')
      .sort((a, b) => dayOf(get(b, 'registration_date')) - dayOf(get(a, 'registration_date')) || get(b, 'level_code').localeCompare(get(a, 'level_code')))[0];
    const l1Since = mapp && get(mapp, 'level_code') === 'M1' ? dayOf(get(mapp, 'registration_date')) : null;

    if (highRisk || l1Since !== null) {
      const inScope = Math.min(highSince ?? Infinity, l1Since ?? Infinity);
      const evidence = dated([...OVERSIGHT], alloc);
      if (evidence.length === 0) hit('OVERSIGHT-NEW', Math.max(alloc, inScope) + 15);
      else hit('OVERSIGHT-OVERDUE', Math.max(...evidence) + 84);
    }
    if (l1Since !== null) hit('MAPPA-L1-REVIEW', Math.max(l1Since, ...dated(['C281'])) + 112);

    const reviews = active.filter((r) => get(r, 'next_review_date') !== '').map((r) => dayOf(get(r, 'next_review_date')));
    if (reviews.length > 0) hit('REGISTRATION-REVIEW', Math.min(...reviews));
    if (effectiveRank === 0) hit('ROSH-MISSING', alloc + 15);
    if (assessed !== null) hit('ROSH-STALE', assessed + 365);
    if (topReg && roshLevel !== '' && ROSH_RANK[get(topReg, 'register_code')] !== LEVEL_RANK[roshLevel]) {
      hit('ROSH-MISMATCH', Math.max(dayOf(get(topReg, 'registration_date')), assessed ?? -Infinity));
    }

    const checkRule = (rule: string, codes: readonly string[], request: string, response: string): void => {
      const triggering = active.filter((r) => codes.includes(get(r, 'register_code')));
      if (triggering.length === 0) return;
      const requests = dated([request]);
      if (requests.length === 0) {
        hit(rule, Math.max(alloc, Math.min(...triggering.map((r) => dayOf(get(r, 'registration_date'))))) + 10, 'never-requested');
        return;
      }
      const latest = Math.max(...requests);
      if (dated([response], latest).length === 0) hit(rule, latest + 14, 'no-response');
    };
    checkRule('DA-POLICE-CHECK', ['ADVP', 'REG30'], 'C369', 'C515');
    checkRule('CHILD-SAFEGUARDING-CHECK', ['RCCO', 'RCPR', 'RCHD'], 'SFGC', 'SFRR');

    const unreferred = (needsBy.get(crn) ?? []).filter((n) => {
      const codes = REFERRALS[get(n, 'need')];
      const severe = ['STANDARD', 'SEVERE'].includes(get(n, 'severity'));
      const linked = get(n, 'linked_to_harm') === 'Y' || get(n, 'linked_to_reoffending') === 'Y';
      return codes !== undefined && severe && linked && dated(codes, alloc).length === 0;
    });
    if (unreferred.length > 0) hit('NEED-REFERRAL', alloc + 56);

    if (highRisk && highSince !== null && grade.get(get(c, 'staff_code')) === 'PSQ') hit('ALLOCATION-GRADE', Math.max(alloc, highSince));
  }

  const overCapacity = x.staff
    .filter((s) => Number(get(s, 'points_available')) > 0 && Number(get(s, 'points_used')) / Number(get(s, 'points_available')) >= 1)
    .map((s) => get(s, 'staff_code'));
  return { overdue, dueSoon, overCapacity };
}
