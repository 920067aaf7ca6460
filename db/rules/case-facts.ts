import type { CaseStatus, EffectiveRosh, MappaLevel } from '../contract/index.js';
import { activeOn } from '../store/registrations.js';
import type { ActionEvidence, CaseEvidence, DatedCode, RegistrationEvidence } from './evidence.js';

/**
 * What the rules know of one case on the as-of date (oversight-rules.md, "Terms"): its active
 * registrations, the evidence dated on or before that day, its effective RoSH, MAPPA level and
 * the day it came into scope of SPO oversight. Every case rule reads these facts.
 */

export const ROSH_REGISTERS: Readonly<Record<string, EffectiveRosh>> = { RVHR: 'VERY_HIGH', RHRH: 'HIGH', RMRH: 'MEDIUM', RLRH: 'LOW' };
const ROSH_RANK: Readonly<Record<EffectiveRosh, number>> = { VERY_HIGH: 4, HIGH: 3, MEDIUM: 2, LOW: 1, UNKNOWN: 0 };
const MAPPA_RANK: Readonly<Record<string, number>> = { M3: 3, M2: 2, M1: 1 };
export const KNOWN_ROSH: ReadonlySet<string> = new Set(['VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW']);

/**
 * Codes are compared trimmed and upper-cased (oversight-rules.md, "Points settled"). Codes arrive
 * normalised from the database and are normalised again for every case on every date evaluated
 * (millions of times for the weekly trends), so one already in that form is returned as it is,
 * found by a scan three times quicker than trimming and upper-casing it.
 */
export function norm(code: string): string {
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    // Whitespace or control characters (trim), a lower-case letter, or anything beyond ASCII (whose case may change).
    if (c <= 0x20 || (c >= 0x61 && c <= 0x7a) || c >= 0x7f) return code.trim().toUpperCase();
  }
  return code;
}

export const byDateThenCode = (a: { date: string; code: string }, b: { date: string; code: string }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/** Active on the as-of date: registered on or before it, and not deregistered on or before it. */
export function isActive(r: RegistrationEvidence, asOf: string): boolean {
  return activeOn(r.date, r.deregistered || null, asOf);
}

export interface Facts {
  active: RegistrationEvidence[];
  contacts: DatedCode[];
  reviews: { type: string; date: string }[];
  /** Actions agreed in reviews dated on or before as-of, not done or dropped on or before it. */
  openActions: ActionEvidence[];
  status: CaseStatus;
  /** Active RHRH/RVHR registrations, oldest first (the source of a registration-based high risk). */
  highRegs: RegistrationEvidence[];
  /** The active RoSH registration(s) at the highest level, oldest first. */
  topRoshRegs: RegistrationEvidence[];
  mapp: RegistrationEvidence | null;
}

/** Effective RoSH, high-risk since, MAPPA level and in-scope-since (oversight-rules.md, "Terms"). */
export function caseFacts(ev: CaseEvidence, asOf: string): Facts {
  // Codes arrive normalised from the database; copies are made only for those that are not.
  const active: RegistrationEvidence[] = [];
  for (const r of ev.registrations) {
    const code = norm(r.code);
    const level = r.level === null ? null : norm(r.level);
    const n = code === r.code && level === r.level ? r : { ...r, code, level };
    if (isActive(n, asOf)) active.push(n);
  }
  active.sort(byDateThenCode);
  const contacts: DatedCode[] = [];
  for (const c of ev.contacts) {
    if (c.date > asOf) continue;
    const code = norm(c.code);
    contacts.push(code === c.code ? c : { code, date: c.date });
  }
  const reviews = ev.reviews.filter((r) => r.date <= asOf);
  const openActions = (ev.actions ?? []).filter((a) => a.reviewDate <= asOf && (a.closedOn === null || a.closedOn > asOf));

  let top: EffectiveRosh | null = null;
  for (const r of active) {
    const level = ROSH_REGISTERS[r.code];
    if (level && (!top || ROSH_RANK[level] > ROSH_RANK[top])) top = level;
  }
  const topRoshRegs = top ? active.filter((r) => ROSH_REGISTERS[r.code] === top) : [];
  const highRegs = active.filter((r) => r.code === 'RHRH' || r.code === 'RVHR');
  const oasys = ev.roshLevel === null ? null : norm(ev.roshLevel);
  const oasysLevel = oasys !== null && KNOWN_ROSH.has(oasys) ? (oasys as EffectiveRosh) : null;

  const effectiveRosh: EffectiveRosh = top ?? oasysLevel ?? 'UNKNOWN';
  const roshSource = top ? 'registration' : oasysLevel ? 'oasys' : 'none';
  const highRisk = effectiveRosh === 'HIGH' || effectiveRosh === 'VERY_HIGH';
  let highRiskSince: string | null = null;
  if (highRisk) highRiskSince = roshSource === 'registration' ? (highRegs[0]?.date ?? null) : (ev.roshAssessedOn ?? ev.allocationDate);

  // The latest active MAPP registration; on the same date the higher level wins.
  let mapp: RegistrationEvidence | null = null;
  for (const r of active) {
    if (r.code !== 'MAPP') continue;
    if (!mapp || r.date > mapp.date || (r.date === mapp.date && (MAPPA_RANK[r.level ?? ''] ?? 0) > (MAPPA_RANK[mapp.level ?? ''] ?? 0))) mapp = r;
  }
  const mappaLevel = mapp && mapp.level !== null && MAPPA_RANK[mapp.level] ? (mapp.level as MappaLevel) : null;
  const mappaL1 = mappaLevel === 'M1';

  let inScopeSince: string | null = null;
  if (highRisk && highRiskSince) inScopeSince = highRiskSince;
  if (mappaL1 && mapp && (inScopeSince === null || mapp.date < inScopeSince)) inScopeSince = mapp.date;

  return {
    active,
    contacts,
    reviews,
    openActions,
    highRegs,
    topRoshRegs,
    mapp,
    status: { effectiveRosh, roshSource, highRisk, highRiskSince, mappaLevel, mappaSince: mapp?.date ?? null, inScopeSince },
  };
}
