import { ROSH_ORDER, ROSH_REGISTER, type RoshLevel } from './codes.js';
import type { Registration } from './registrations.js';

/**
 * What the rules will see in a generated case, worked out with oversight-rules.md's definitions
 * (effective RoSH, high-risk since, in scope since, check trigger dates) so that the evidence
 * contacts can be dated against the same dates the rules will use.
 */
export interface CaseFacts {
  effectiveRosh: RoshLevel | null;
  /** Set only for a high-risk case. */
  highRiskSince: number | null;
  /** The active MAPP registration's date, when it is a MAPPA level 1 case. */
  mappaL1Since: number | null;
  /** Set only for a case in oversight scope (high-risk or MAPPA level 1). */
  inScopeSince: number | null;
  /** The later of allocation and the earliest active DA registration. */
  domesticAbuseTrigger: number | null;
  childrenTrigger: number | null;
}

const ROSH_BY_REGISTER = new Map<string, RoshLevel>(ROSH_ORDER.map((level) => [ROSH_REGISTER[level], level]));
const MAPPA_RANK: Record<string, number> = { M1: 1, M2: 2, M3: 3 };

function isActive(r: Registration, asOf: number): boolean {
  return r.day <= asOf && (r.ended === null || r.ended > asOf);
}

function minOrNull(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.min(...values);
}

function trigger(activeRegs: readonly Registration[], codes: ReadonlySet<string>, allocDay: number): number | null {
  const earliest = minOrNull(activeRegs.filter((r) => codes.has(r.code)).map((r) => r.day));
  return earliest === null ? null : Math.max(allocDay, earliest);
}

const DA_CODES: ReadonlySet<string> = new Set(['ADVP', 'REG30']);
const CHILD_CODES: ReadonlySet<string> = new Set(['RCCO', 'RCPR', 'RCHD']);

export function caseFacts(regs: readonly Registration[], rosh: RoshLevel | null, assessedDay: number | null, allocDay: number, asOf: number): CaseFacts {
  const activeRegs = regs.filter((r) => isActive(r, asOf));

  let regRosh: RoshLevel | null = null;
  for (const r of activeRegs) {
    const level = ROSH_BY_REGISTER.get(r.code);
    if (level && (regRosh === null || ROSH_ORDER.indexOf(level) > ROSH_ORDER.indexOf(regRosh))) regRosh = level;
  }
  const effectiveRosh = regRosh ?? rosh;
  const highRisk = effectiveRosh === 'HIGH' || effectiveRosh === 'VERY_HIGH';
  let highRiskSince: number | null = null;
  if (highRisk) {
    highRiskSince =
      regRosh !== null
        ? minOrNull(activeRegs.filter((r) => r.code === 'RHRH' || r.code === 'RVHR').map((r) => r.day))
        : (assessedDay ?? allocDay);
  }

  // The MAPPA level is the latest active MAPP registration's; on a tie the higher level wins.
  let mappa: Registration | null = null;
  for (const r of activeRegs) {
    if (r.code !== 'MAPP') continue;
    if (mappa === null || r.day > mappa.day || (r.day === mappa.day && (MAPPA_RANK[r.level] ?? 0) > (MAPPA_RANK[mappa.level] ?? 0))) mappa = r;
  }
  const mappaL1Since = mappa?.level === 'M1' ? mappa.day : null;

  const scopeDates = [highRiskSince, mappaL1Since].filter((d) => d !== null);
  return {
    effectiveRosh,
    highRiskSince,
    mappaL1Since,
    inScopeSince: minOrNull(scopeDates),
    domesticAbuseTrigger: trigger(activeRegs, DA_CODES, allocDay),
    childrenTrigger: trigger(activeRegs, CHILD_CODES, allocDay),
  };
}
