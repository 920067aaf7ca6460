import type { CaseFacts } from './case-facts.js';
import { OVERSIGHT_CODES, REFERRAL_CODES, type ContactCode } from './codes.js';
import type { ContactList } from './contact-list.js';
import type { CasePlan, Check, Series } from './plan.js';
import type { Rng } from './random.js';

/*
 * The contacts the rules look at: oversight, MAPPA level 1 reviews, police and children's
 * services checks, referrals. Each is dated from the same trigger dates the rules compute
 * (case-facts.ts), so a plan that says "kept" really is compliant on the as-of date and one
 * that says "lapsed" or "never" really is overdue once its due date has passed.
 */

interface Cadence {
  /** Days from the series' start to the first entry. */
  first: readonly [number, number];
  /** Days between entries; the upper bound stays inside the rule's interval. */
  gap: readonly [number, number];
}

/** Oversight: the first within the 15-day window, then well inside the 84-day interval. */
const OVERSIGHT_CADENCE: Cadence = { first: [1, 14], gap: [28, 75] };
/** MAPPA level 1 reviews: inside the 112-day interval. */
const MAPPA_CADENCE: Cadence = { first: [20, 100], gap: [56, 105] };

interface Ctx {
  rng: Rng;
  list: ContactList;
  asOf: number;
  allocDay: number;
}

/**
 * Entries from `start` on the cadence. A kept series runs to the as-of date, so its latest entry
 * is within one gap of it; a lapsed one stops, its last entry pinned `lastDaysAgo` days back
 * (when that is not before `pinFrom`, the earliest date at which it still counts).
 */
function emitSeries(ctx: Ctx, series: Series, start: number, pinFrom: number, cadence: Cadence, code: () => ContactCode): void {
  const { rng, list, asOf } = ctx;
  if (series.kind === 'none') return;
  const last = series.kind === 'lapsed' ? asOf - series.lastDaysAgo : null;
  const end = last === null ? asOf : last - 1;
  for (let d = start + rng.int(...cadence.first); d <= end; d += rng.int(...cadence.gap)) list.add(d, code());
  if (last !== null && last >= pinFrom) list.add(last, code());
}

function oversight(ctx: Ctx, plan: CasePlan, facts: CaseFacts): void {
  const { rng, list, allocDay } = ctx;
  const pick = (): ContactCode => rng.weighted(OVERSIGHT_CODES);
  if (facts.inScopeSince === null) {
    // Ad hoc consultations on cases outside scope: the rules must not care about them.
    if (rng.chance(0.12)) list.add(ctx.asOf - rng.int(0, 700), 'CSPO');
    return;
  }
  emitSeries(ctx, plan.oversight, Math.max(allocDay, facts.inScopeSince), allocDay, OVERSIGHT_CADENCE, pick);
  // Oversight under the previous practitioner does not count for this allocation; a case that
  // has only that is still waiting for its first oversight.
  if (rng.chance(0.4)) list.add(allocDay - rng.int(5, 200), pick());
}

function mappaReviews(ctx: Ctx, plan: CasePlan, facts: CaseFacts): void {
  if (facts.mappaL1Since !== null && plan.mappa) {
    emitSeries(ctx, plan.mappa.reviews, facts.mappaL1Since, facts.mappaL1Since, MAPPA_CADENCE, () => 'C281');
  } else if (plan.mappa) {
    // Levels 2 and 3 are managed through MAPPA meetings, which no rule reads.
    for (let d = ctx.asOf - plan.mappa.regDaysAgo + ctx.rng.int(10, 60); d <= ctx.asOf; d += ctx.rng.int(60, 120)) ctx.list.add(d, 'CMAP');
  }
}

function check(ctx: Ctx, plan: Check, trigger: number | null, request: ContactCode, response: ContactCode): void {
  const { rng, list, asOf } = ctx;
  if (trigger === null || plan.kind === 'never') return;
  if (plan.kind === 'done') {
    if (rng.chance(0.25)) {
      // An earlier check, answered, from before this trigger.
      const earlier = trigger - rng.int(100, 700);
      list.add(earlier, request);
      list.add(earlier + rng.int(1, 13), response);
    }
    const asked = trigger + rng.int(0, 9);
    if (asked > asOf) return;
    list.add(asked, request);
    const answered = asked + rng.int(1, 13);
    if (answered <= asOf) list.add(answered, response);
    return;
  }
  const asked = plan.requestDaysAgo === null ? trigger + rng.int(0, 9) : asOf - plan.requestDaysAgo;
  if (asked <= asOf) list.add(asked, request);
}

function referrals(ctx: Ctx, plan: CasePlan): void {
  const { rng, list, asOf, allocDay } = ctx;
  const needing = plan.needs.filter((n) => REFERRAL_CODES[n.need] && n.severity !== 'NO_NEED' && (n.harm || n.reoffending));
  if (needing.length === 0) return;
  if (plan.referrals === 'missing') {
    // A referral before this allocation does not count for it.
    if (rng.chance(0.3)) list.add(allocDay - rng.int(10, 300), 'CGRF');
    return;
  }
  for (const n of needing) {
    const codes = REFERRAL_CODES[n.need];
    const day = allocDay + rng.int(3, 50);
    if (codes && day <= asOf) list.add(day, rng.weighted(codes));
  }
}

export function addEvidence(rng: Rng, list: ContactList, plan: CasePlan, facts: CaseFacts, allocDay: number, asOf: number): void {
  const ctx: Ctx = { rng, list, asOf, allocDay };
  oversight(ctx, plan, facts);
  mappaReviews(ctx, plan, facts);
  check(ctx, plan.domesticAbuse?.check ?? { kind: 'never' }, facts.domesticAbuseTrigger, 'C369', 'C515');
  check(ctx, plan.children?.check ?? { kind: 'never' }, facts.childrenTrigger, 'SFGC', 'SFRR');
  referrals(ctx, plan);
}
