import { caseRuleIds, type CaseRuleId } from '../contract/index.js';
import { norm } from '../rules/case-facts.js';
import { dayNumber } from '../rules/days.js';
import { caseDueDates } from '../rules/due-dates.js';
import type { CaseEvidence, EvalContext } from '../rules/evidence.js';

/**
 * The weekly as-of evaluations of one case, swept in date order (issue 18). A case's outcome on a
 * date depends on that date only through which of its dated items are on or before it: the
 * allocation date, each registration's start and end, each contact, each current review, each
 * agreed action's review and its done or dropped date. Between two such dates every rule keeps
 * its due date and the oversight facts stay put; only the days counted from them grow. So the
 * case is evaluated at the first week and again only at a week with one of its dates since the
 * week before, and every other week reuses the last outcome, read against its own date.
 */

const ruleIndex = new Map<CaseRuleId, number>(caseRuleIds.map((r, i) => [r, i]));

/** One outcome of a case, as day numbers, held until its evidence next changes. */
export interface CaseWeek {
  highRisk: boolean;
  mappaL1: boolean;
  /** When first oversight is counted from (in scope from that day); null out of scope. */
  since: number | null;
  /** The latest oversight evidence; null with none (or out of scope). */
  latest: number | null;
  /** Index in caseRuleIds of each applying rule, and its due day, in step. */
  rules: number[];
  due: number[];
}

export interface SweepWeek {
  iso: string;
  day: number;
}

export function sweepWeeks(dates: readonly string[]): SweepWeek[] {
  return [...dates].sort().map((iso) => ({ iso, day: dayNumber(iso) }));
}

/**
 * Contact codes whose contacts can move one of the case's rules. A contact is read only by a rule
 * that applies: the oversight rules (oversight and MAPPA level 1 review codes) while the case is in
 * scope, which needs a high-risk or MAPP registration or a high OASys RoSH; the check rules while a
 * triggering registration is active; NEED-REFERRAL with a qualifying need in the needs file. A case
 * that can never meet a rule's condition has none of that rule's contacts as change dates.
 */
function codesThatMatter(ev: CaseEvidence, ctx: EvalContext): ReadonlySet<string> {
  const p = ctx.policy;
  const registered = new Set(ev.registrations.map((r) => norm(r.code)));
  const rosh = ev.roshLevel === null ? '' : norm(ev.roshLevel);
  const mayBeInScope = rosh === 'HIGH' || rosh === 'VERY_HIGH' || registered.has('RHRH') || registered.has('RVHR') || registered.has('MAPP');
  const out = new Set<string>();
  const add = (codes: readonly string[]): void => {
    for (const c of codes) out.add(c);
  };
  if (mayBeInScope) {
    add(p.oversightContactCodes);
    add(p.mappaReviewContactCodes);
  }
  if (p.domesticAbuseCodes.some((c) => registered.has(c))) {
    add(p.policeCheckRequestCodes);
    add(p.policeCheckResponseCodes);
  }
  if (p.childSafeguardingCodes.some((c) => registered.has(c))) {
    add(p.childrenCheckRequestCodes);
    add(p.childrenCheckResponseCodes);
  }
  if (ctx.needsFile && ev.needs.length > 0) for (const need of p.referralNeeds) add(p.referralCodes[need] ?? []);
  return out;
}

/** The dates on which the case's outcome can change. */
function changeDates(ev: CaseEvidence, ctx: EvalContext): string[] {
  const out = [ev.allocationDate];
  for (const r of ev.registrations) {
    out.push(r.date);
    if (r.deregistered) out.push(r.deregistered);
  }
  const codes = codesThatMatter(ev, ctx);
  // Codes arrive normalised from the database: norm() (a new string each time) only for one that is not.
  for (const c of ev.contacts) if (codes.has(c.code) || codes.has(norm(c.code))) out.push(c.date);
  for (const r of ev.reviews) out.push(r.date);
  for (const a of ev.actions ?? []) {
    out.push(a.reviewDate);
    if (a.closedOn !== null) out.push(a.closedOn);
  }
  return out;
}

function toCaseWeek(ev: CaseEvidence, ctx: EvalContext): CaseWeek {
  const o = caseDueDates(ev, ctx);
  const rules: number[] = [];
  const due: number[] = [];
  for (const d of o.due) {
    rules.push(ruleIndex.get(d.rule) ?? 0);
    due.push(dayNumber(d.dueDate));
  }
  return {
    highRisk: o.status.highRisk,
    mappaL1: o.status.mappaLevel === 'M1',
    since: o.oversight ? dayNumber(o.oversight.since) : null,
    latest: o.oversight?.latest ? dayNumber(o.oversight.latest) : null,
    rules,
    due,
  };
}

/**
 * Calls `visit(from, to, o)` for each run of weeks `from` ≤ i < `to` (indices into `weeks`,
 * ascending as from sweepWeeks) over which the case is allocated and its outcome `o` holds;
 * `contexts[i]` is the evaluation context of `weeks[i]`.
 */
export function sweepCase(
  ev: CaseEvidence,
  weeks: readonly SweepWeek[],
  contexts: readonly EvalContext[],
  visit: (from: number, to: number, o: CaseWeek) => void,
): void {
  const first = contexts[0];
  if (!first) return;
  const changes = changeDates(ev, first).sort();
  const n = weeks.length;
  let i = 0;
  while (i < n && (weeks[i]?.iso ?? '') < ev.allocationDate) i++;
  let next = 0;
  while (i < n) {
    const week = weeks[i]?.iso ?? '';
    const ctx = contexts[i];
    if (!ctx) return;
    const o = toCaseWeek(ev, ctx);
    // The outcome holds until the first week on or after the next change.
    while (next < changes.length && (changes[next] ?? '') <= week) next++;
    let to = n;
    const change = changes[next];
    if (change !== undefined) {
      to = i + 1;
      while (to < n && (weeks[to]?.iso ?? '') < change) to++;
    }
    visit(i, to, o);
    i = to;
  }
}
