import { OTHER_REGISTERS, ROSH_ORDER, ROSH_REGISTER, type RoshLevel } from './codes.js';
import type { CasePlan, FlagPlan } from './plan.js';
import { at, type Rng } from './random.js';

/** One registrations.csv row, dates as day numbers. */
export interface Registration {
  code: string;
  level: string;
  category: string;
  day: number;
  review: number | null;
  ended: number | null;
}

/** nDelius reviews most registrations every six months or so. */
function nextReview(rng: Rng, asOf: number, chance: number): number | null {
  return rng.chance(chance) ? asOf + rng.int(1, 182) : null;
}

/** The review date an ended registration was left with: one that fell while it was active. */
function endedReview(rng: Rng, day: number, ended: number): number | null {
  return rng.chance(0.5) && ended > day ? day + rng.int(1, ended - day) : null;
}

function neighbour(rng: Rng, level: RoshLevel): RoshLevel {
  const i = ROSH_ORDER.indexOf(level);
  const down = ROSH_ORDER[i - 1];
  const up = ROSH_ORDER[i + 1];
  if (down && up) return rng.chance(0.5) ? down : up;
  return down ?? up ?? level;
}

function active(code: string, day: number, review: number | null): Registration {
  return { code, level: '', category: '', day, review, ended: null };
}

function roshRegistrations(plan: CasePlan, rng: Rng, asOf: number, out: Registration[]): void {
  if (plan.rosh === null || plan.roshRegistration === 'none') return;
  const assessed = asOf - (plan.roshAssessedDaysAgo ?? 0);
  // A registration usually outlives several reassessments at the same level. A mismatched one is
  // an old registration nobody updated after the latest assessment, so it always predates it.
  const mismatch = plan.roshRegistration === 'mismatch';
  const level = mismatch ? neighbour(rng, plan.rosh) : plan.rosh;
  const day = mismatch ? assessed - rng.int(30, 400) : rng.chance(0.3) ? assessed : assessed - rng.int(30, 900);
  out.push(active(ROSH_REGISTER[level], day, nextReview(rng, asOf, 0.9)));
  if (plan.roshHistory) {
    const from = day - rng.int(90, 800);
    out.push({ code: ROSH_REGISTER[neighbour(rng, level)], level: '', category: '', day: from, review: endedReview(rng, from, day), ended: day });
  }
}

function mappaRegistrations(plan: CasePlan, rng: Rng, asOf: number, out: Registration[]): void {
  const m = plan.mappa;
  if (!m) return;
  const day = asOf - m.regDaysAgo;
  out.push({ code: 'MAPP', level: m.level, category: m.category, day, review: nextReview(rng, asOf, 0.85), ended: null });
  if (m.history) {
    // Level changes end the old MAPP registration the day the new one starts.
    const from = day - rng.int(60, 400);
    out.push({ code: 'MAPP', level: m.level === 'M1' ? 'M2' : 'M1', category: m.category, day: from, review: endedReview(rng, from, day), ended: day });
  }
}

function flagRegistrations(flag: FlagPlan<string> | null, rng: Rng, asOf: number, out: Registration[]): void {
  if (!flag) return;
  flag.codes.forEach((code, i) => {
    // A second code of the same kind was usually added earlier; the first keeps the plan's date,
    // which is the one the rule's trigger date is built from.
    const day = asOf - flag.regDaysAgo - (i > 0 ? rng.int(0, 200) : 0);
    out.push(active(code, day, nextReview(rng, asOf, 0.8)));
  });
}

function endedSomewhereBetween(rng: Rng, code: string, asOf: number): Registration {
  const day = asOf - rng.int(30, 1500);
  const ended = day + rng.int(1, asOf - day);
  return { code, level: '', category: '', day, review: endedReview(rng, day, ended), ended };
}

/**
 * Marks one active registration as past its review date, adding a registration to carry it
 * when the case has none old enough.
 */
function makeReviewOverdue(rng: Rng, asOf: number, out: Registration[]): void {
  let candidates = out.filter((r) => r.ended === null && r.day < asOf - 1);
  if (candidates.length === 0) {
    out.push(active(rng.pick(OTHER_REGISTERS), asOf - rng.int(100, 400), null));
    candidates = out.filter((r) => r.ended === null && r.day < asOf - 1);
  }
  const chosen = rng.pick(candidates);
  chosen.review = Math.max(chosen.day + 1, asOf - rng.int(1, 60));
}

export function buildRegistrations(plan: CasePlan, rng: Rng, asOf: number): Registration[] {
  const out: Registration[] = [];
  roshRegistrations(plan, rng, asOf, out);
  mappaRegistrations(plan, rng, asOf, out);
  flagRegistrations(plan.domesticAbuse, rng, asOf, out);
  flagRegistrations(plan.children, rng, asOf, out);
  if (plan.victim) out.push(active('ADVV', asOf - rng.int(0, 1500), nextReview(rng, asOf, 0.5)));
  // Ended DA and child registrations: the checks rules must ignore them.
  if (!plan.domesticAbuse && rng.chance(0.03)) out.push(endedSomewhereBetween(rng, 'ADVP', asOf));
  if (!plan.children && rng.chance(0.02)) out.push(endedSomewhereBetween(rng, 'RCCO', asOf));
  for (let i = 0; i < plan.otherRegistrations; i++) {
    const code = at(OTHER_REGISTERS, rng.int(0, OTHER_REGISTERS.length - 1));
    out.push(rng.chance(0.2) ? endedSomewhereBetween(rng, code, asOf) : active(code, asOf - rng.int(0, 1500), nextReview(rng, asOf, 0.4)));
  }
  if (plan.reviewOverdue) makeReviewOverdue(rng, asOf, out);
  return out.sort((a, b) => a.day - b.day);
}
