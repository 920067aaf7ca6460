import type { ChildCode, DomesticAbuseCode, MappaCategory, MappaLevel, Need, RoshLevel, Severity } from './codes.js';
import { NEEDS } from './codes.js';
import type { Rng, Weighted } from './random.js';

/*
 * A case's plan: every random choice about one case, drawn up front, before any row is built.
 * Scenario cases (scenarios.ts) overwrite parts of a plan to guarantee that each rule fires, so
 * keeping the choices in one plain object makes those overrides explicit. All dates are "days
 * before the as-of date", so nothing can land after it.
 */

/** A recurring piece of evidence (SPO oversight, MAPPA level 1 reviews). */
export type Series =
  | { kind: 'kept' } // on time, the latest within the interval
  | { kind: 'lapsed'; lastDaysAgo: number } // stopped: the latest was this many days ago
  | { kind: 'none' }; // never recorded since it became due

/** A request-and-response check (police DA, children's services). */
export type Check =
  | { kind: 'done' }
  | { kind: 'never' } // no request at any date
  | { kind: 'unanswered'; requestDaysAgo: number | null }; // null: the request follows the trigger

export interface FlagPlan<C extends string> {
  codes: readonly C[];
  regDaysAgo: number;
  check: Check;
}

export interface MappaPlan {
  level: MappaLevel;
  category: MappaCategory;
  regDaysAgo: number;
  reviews: Series;
  /** An ended MAPP registration at another level before this one. */
  history: boolean;
}

export interface NeedPlan {
  need: Need;
  severity: Severity;
  harm: boolean;
  reoffending: boolean;
}

export type CaseType = 'COMMUNITY' | 'LICENCE' | 'CUSTODY';

export interface CasePlan {
  allocDaysAgo: number;
  /** Days under an earlier practitioner before this allocation; 0 when none. */
  priorDays: number;
  ageYears: number;
  caseType: CaseType;
  sentenceType: string;
  tier: string;
  rosh: RoshLevel | null;
  roshAssessedDaysAgo: number | null;
  roshRegistration: 'match' | 'mismatch' | 'none';
  roshHistory: boolean;
  mappa: MappaPlan | null;
  domesticAbuse: FlagPlan<DomesticAbuseCode> | null;
  /** ADVV (victim): a DA registration the police-check rule must not count. */
  victim: boolean;
  children: FlagPlan<ChildCode> | null;
  otherRegistrations: number;
  /** One active registration is past its next review date. */
  reviewOverdue: boolean;
  oversight: Series;
  needs: NeedPlan[];
  referrals: 'made' | 'missing';
  /** A PSO holds the case even if it is high-risk (ALLOCATION-GRADE). */
  heldByPso: boolean;
  contactsPerDay: number;
}

const ROSH_MIX: Weighted<RoshLevel | null> = [
  ['LOW', 35],
  ['MEDIUM', 45],
  ['HIGH', 15],
  ['VERY_HIGH', 2.5],
  [null, 2.5],
];

/** Allocation ages in days: spread over three years, weighted to the recent. */
const ALLOCATION_AGES: Weighted<readonly [number, number]> = [
  [[0, 30], 8],
  [[31, 120], 12],
  [[121, 365], 25],
  [[366, 1095], 55],
];

const SENTENCES: Record<CaseType, Weighted<string>> = {
  COMMUNITY: [
    ['Community Order', 70],
    ['Suspended Sentence Order', 30],
  ],
  LICENCE: [
    ['Licence', 60],
    ['Post Sentence Supervision', 25],
    ['Extended Determinate Sentence Licence', 10],
    ['Life Licence', 5],
  ],
  CUSTODY: [
    ['Adult Custody', 55],
    ['ORA Adult Custody (inc PSS)', 30],
    ['Extended Determinate Sentence', 10],
    ['Life Sentence', 5],
  ],
};

const NEED_WEIGHTS: Weighted<Need> = [
  ['ACCOMMODATION', 8],
  ['ETE', 9],
  ['RELATIONSHIPS', 7],
  ['LIFESTYLE', 8],
  ['DRUG', 8],
  ['ALCOHOL', 6],
  ['THINKING_BEHAVIOUR', 10],
  ['ATTITUDES', 7],
  ['FINANCE', 6],
  ['EMOTIONAL', 6],
];

const NEED_COUNTS: Weighted<number> = [
  [0, 5],
  [1, 10],
  [2, 15],
  [3, 20],
  [4, 20],
  [5, 15],
  [6, 10],
  [7, 5],
];

function isHigh(rosh: RoshLevel | null): boolean {
  return rosh === 'HIGH' || rosh === 'VERY_HIGH';
}

function drawTier(rng: Rng, rosh: RoshLevel | null): string {
  const high = isHigh(rosh);
  if (rng.chance(0.15)) {
    // The newer framework: a single letter, A highest.
    return high ? rng.pick(['A', 'B', 'C']) : rosh === 'MEDIUM' ? rng.pick(['B', 'C', 'D', 'E']) : rng.pick(['D', 'E', 'F', 'G']);
  }
  const letter = high
    ? rng.weighted([['A', 60], ['B', 40]] as const)
    : rosh === 'MEDIUM'
      ? rng.weighted([['A', 5], ['B', 40], ['C', 45], ['D', 10]] as const)
      : rng.weighted([['B', 10], ['C', 40], ['D', 50]] as const);
  const digit = rng.weighted([[0, 15], [1, 35], [2, 35], [3, 15]] as const);
  return `${letter}${digit}${rng.chance(0.04) ? 'S' : ''}`;
}

function drawNeeds(rng: Rng): NeedPlan[] {
  const count = rng.weighted(NEED_COUNTS);
  const chosen = new Set<Need>();
  while (chosen.size < count) chosen.add(rng.weighted(NEED_WEIGHTS));
  // OASys lists sections in a fixed order; keep it so needs.csv reads naturally.
  return NEEDS.filter((n) => chosen.has(n)).map((need) => {
    const severity = rng.weighted<Severity>([['SEVERE', 30], ['STANDARD', 55], ['NO_NEED', 15]]);
    const linked = severity !== 'NO_NEED';
    return { need, severity, harm: linked && rng.chance(0.35), reoffending: linked && rng.chance(0.75) };
  });
}

function drawCheck(rng: Rng): Check {
  return rng.weighted<Check>([
    [{ kind: 'done' }, 92],
    [{ kind: 'never' }, 4],
    [{ kind: 'unanswered', requestDaysAgo: null }, 4],
  ]);
}

/** Registered before allocation (at sentence) mostly; sometimes during it. */
function drawRegAge(rng: Rng, allocDaysAgo: number, before: number, backTo: number): number {
  return rng.chance(before) ? allocDaysAgo + rng.int(0, backTo) : rng.int(0, allocDaysAgo);
}

export function drawPlan(rng: Rng): CasePlan {
  const rosh = rng.weighted(ROSH_MIX);
  const high = isHigh(rosh);
  // A case with no RoSH yet is usually a new one waiting for its first OASys.
  const [lo, hi] = rosh === null && rng.chance(0.8) ? [0, 20] : rng.weighted(ALLOCATION_AGES);
  const allocDaysAgo = rng.int(lo, hi);
  const caseType = rng.weighted<CaseType>(
    high
      ? [['COMMUNITY', 30], ['LICENCE', 50], ['CUSTODY', 20]]
      : [['COMMUNITY', 60], ['LICENCE', 29], ['CUSTODY', 11]],
  );
  const mappaChance = high ? 0.2 : rosh === 'MEDIUM' ? 0.04 : rosh === null ? 0.02 : 0.01;
  const mappa: MappaPlan | null = rng.chance(mappaChance)
    ? {
        level: rng.weighted<MappaLevel>([['M1', 85], ['M2', 12], ['M3', 3]]),
        category: rng.weighted<MappaCategory>([['M1', 45], ['M2', 45], ['M3', 9], ['M4', 1]]),
        regDaysAgo: drawRegAge(rng, allocDaysAgo, 0.7, 500),
        reviews: rng.weighted<Series>([
          [{ kind: 'kept' }, 90],
          [{ kind: 'lapsed', lastDaysAgo: rng.int(113, 220) }, 6],
          [{ kind: 'none' }, 4],
        ]),
        history: rng.chance(0.15),
      }
    : null;
  const domesticAbuse: FlagPlan<DomesticAbuseCode> | null = rng.chance(0.2)
    ? {
        codes: rng.weighted<readonly DomesticAbuseCode[]>([[['ADVP'], 65], [['REG30'], 20], [['ADVP', 'REG30'], 15]]),
        regDaysAgo: drawRegAge(rng, allocDaysAgo, 0.75, 900),
        check: drawCheck(rng),
      }
    : null;
  const children: FlagPlan<ChildCode> | null = rng.chance(0.1)
    ? {
        codes: rng.weighted<readonly ChildCode[]>([[['RCCO'], 55], [['RCPR'], 15], [['RCHD'], 20], [['RCCO', 'RCHD'], 10]]),
        regDaysAgo: drawRegAge(rng, allocDaysAgo, 0.7, 700),
        check: drawCheck(rng),
      }
    : null;
  return {
    allocDaysAgo,
    priorDays: rng.chance(0.4) ? rng.int(30, 400) : 0,
    ageYears: 18 + Math.floor(rng.next() ** 1.6 * 58),
    caseType,
    sentenceType: rng.weighted(SENTENCES[caseType]),
    tier: drawTier(rng, rosh),
    rosh,
    roshAssessedDaysAgo: rosh === null ? null : rng.chance(0.025) ? rng.int(366, 720) : rng.int(0, 364),
    roshRegistration: rosh === null ? 'none' : rng.weighted([['match', 87], ['mismatch', 0.8], ['none', 12.2]] as const),
    roshHistory: rng.chance(0.08),
    mappa,
    domesticAbuse,
    victim: rng.chance(0.03),
    children,
    otherRegistrations: rng.weighted([[0, 80], [1, 17], [2, 3]] as const),
    reviewOverdue: rng.chance(0.015),
    oversight: rng.weighted<Series>([
      [{ kind: 'kept' }, 88],
      [{ kind: 'lapsed', lastDaysAgo: rng.int(85, 250) }, 7],
      [{ kind: 'none' }, 5],
    ]),
    // Needs come from the OASys assessment, which a case without a RoSH level has not had.
    needs: rosh === null ? [] : drawNeeds(rng),
    referrals: rng.chance(0.03) ? 'missing' : 'made',
    heldByPso: high && rng.chance(0.01),
    contactsPerDay: 0.085 + rng.next() * 0.09,
  };
}
