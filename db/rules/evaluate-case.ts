import type { CaseRuleId, CaseStatus, EffectiveRosh, FlagEvidence, MappaLevel, NotEvaluated, Policy, SettingKey } from '../contract/index.js';
import { roshLabels, ruleBasis, ruleTitles } from '../contract/words/index.js';
import { plusDays } from './days.js';
import type { CaseEvidence, CaseOutcome, DatedCode, EvalContext, OversightFacts, RegistrationEvidence, RuleOutcome } from './evidence.js';
import { orList, reviewLabel, settingsUsed } from './text.js';
import { settingDef } from './policy.js';

/**
 * The eleven case rules of oversight-rules.md over one case's evidence: pure, no SQL, so each
 * rule can be checked by hand. Every rule that applies is returned with its due date, whether or
 * not it is due yet; classify() decides overdue / due soon against the as-of date.
 */

const ROSH_REGISTERS: Readonly<Record<string, EffectiveRosh>> = { RVHR: 'VERY_HIGH', RHRH: 'HIGH', RMRH: 'MEDIUM', RLRH: 'LOW' };
const ROSH_RANK: Readonly<Record<EffectiveRosh, number>> = { VERY_HIGH: 4, HIGH: 3, MEDIUM: 2, LOW: 1, UNKNOWN: 0 };
const MAPPA_RANK: Readonly<Record<string, number>> = { M3: 3, M2: 2, M1: 1 };
const KNOWN_ROSH = new Set(['VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW']);
const MAPPA_L1_REVIEW = 'mappa-l1-review';

const norm = (code: string): string => code.trim().toUpperCase();
const later = (a: string, b: string): string => (a > b ? a : b);
const byDateThenCode = (a: { date: string; code: string }, b: { date: string; code: string }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/** Active on the as-of date: registered on or before it, and not deregistered on or before it. */
export function isActive(r: RegistrationEvidence, asOf: string): boolean {
  return r.date <= asOf && (!r.deregistered || r.deregistered > asOf);
}

/** A piece of evidence for a rule: a contact (by code) or an app review (by type). */
interface Dated {
  date: string;
  kind: 'contact' | 'review';
  code: string;
}

const describe = (e: Dated): string => (e.kind === 'contact' ? `${e.code} contact` : reviewLabel(e.code));
const asEvidence = (e: Dated, note: string): FlagEvidence => ({ source: e.kind, code: e.code, date: e.date, note });

function latestOf(items: readonly Dated[]): Dated | null {
  let best: Dated | null = null;
  for (const i of items) if (!best || i.date > best.date || (i.date === best.date && i.code < best.code)) best = i;
  return best;
}

interface Facts {
  active: RegistrationEvidence[];
  contacts: DatedCode[];
  reviews: { type: string; date: string }[];
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
    highRegs,
    topRoshRegs,
    mapp,
    status: { effectiveRosh, roshSource, highRisk, highRiskSince, mappaLevel, mappaSince: mapp?.date ?? null, inScopeSince },
  };
}

/** A rule's words: its reason, how its due date was reached, the evidence and the settings it used. */
interface Words {
  reason: string;
  dueRule: string;
  evidence: FlagEvidence[];
  keys: SettingKey[];
}

type CodeListKey = { [K in SettingKey]: Policy[K] extends string[] ? K : never }[SettingKey];
interface CheckKeys {
  trigger: CodeListKey;
  request: CodeListKey;
  response: CodeListKey;
}

/**
 * Evaluates every case rule for one case as of `ctx.asOf`: each rule that applies, with its due
 * date, reason and explanation; with `ctx.horizon`, only those due on or before it.
 */
export function evaluateCase(ev: CaseEvidence, ctx: EvalContext): CaseOutcome {
  const { asOf, policy: p } = ctx;
  const f = caseFacts(ev, asOf);
  const { status } = f;
  const alloc = ev.allocationDate;
  // oversight-rules.md, "Terms": a case allocated after the as-of date is not yet in the caseload,
  // so it is never flagged nor due soon (`flags --as-of` and the trend chart count the same cases).
  if (alloc > asOf) return { status, rules: [], notEvaluated: [], oversight: null };
  const rules: RuleOutcome[] = [];
  const notEvaluated: NotEvaluated[] = [];
  let oversightFacts: OversightFacts | null = null;

  const allocEvidence: FlagEvidence = { source: 'case', code: 'allocation_date', date: alloc, note: 'allocated to the practitioner' };
  /** Records a rule that applies; its words are only built when it is due within the horizon. */
  const add = (rule: CaseRuleId, dueDate: string, words: () => Words): void => {
    if (ctx.horizon !== null && dueDate > ctx.horizon) return;
    const w = words();
    // A rule's timing rests on its first (day) setting, or on the rule itself where it has none.
    const basis = ruleBasis[rule] ?? (w.keys[0] ? settingDef(w.keys[0]) : { basis: 'inference' as const, basisNote: '' });
    rules.push({
      rule,
      dueDate,
      reason: w.reason,
      explanation: {
        rule,
        title: ruleTitles[rule],
        dueDate,
        dueRule: w.dueRule,
        evidence: w.evidence,
        settings: settingsUsed(p, w.keys),
        basis: basis.basis,
        basisNote: basis.basisNote,
      },
    });
  };
  const contactsIn = (codes: readonly string[]): Dated[] =>
    f.contacts.filter((c) => codes.includes(c.code)).map((c) => ({ date: c.date, kind: 'contact', code: c.code }));

  // What puts the case in scope of SPO oversight, in words and as evidence (built when needed).
  const mappaL1 = status.mappaLevel === 'M1' && f.mapp !== null;
  const scope = (): { roshWords: string | null; words: string; evidence: FlagEvidence[] } => {
    const parts: string[] = [];
    const evidence: FlagEvidence[] = [];
    let roshWords: string | null = null;
    if (status.highRisk) {
      const label = `${roshLabels[status.effectiveRosh]} RoSH`;
      if (status.roshSource === 'registration') {
        roshWords = `${label} (${f.highRegs.map((r) => `${r.code} since ${r.date}`).join(', ')})`;
        for (const r of f.highRegs) evidence.push({ source: 'registration', code: r.code, date: r.date, note: 'active RoSH registration' });
      } else {
        roshWords = `${label} (OASys RoSH ${ev.roshAssessedOn ? `assessed on ${ev.roshAssessedOn}` : 'with no assessment date; counted from allocation'})`;
        evidence.push({ source: 'case', code: 'rosh_level', date: ev.roshAssessedOn, note: `OASys RoSH ${status.effectiveRosh}` });
      }
      parts.push(roshWords);
    }
    if (mappaL1 && f.mapp) {
      parts.push(`MAPPA level 1 (MAPP since ${f.mapp.date})`);
      evidence.push({ source: 'registration', code: 'MAPP', date: f.mapp.date, note: 'active MAPP registration, level M1' });
    }
    return { roshWords, words: parts.join(' and '), evidence };
  };

  // OVERSIGHT-NEW / OVERSIGHT-OVERDUE: exactly one of them for a case in scope.
  if ((status.highRisk || mappaL1) && status.inScopeSince) {
    const oversight = [...contactsIn(p.oversightContactCodes), ...f.reviews.map((r): Dated => ({ date: r.date, kind: 'review', code: r.type }))].filter(
      (e) => e.date >= alloc,
    );
    const start = later(alloc, status.inScopeSince);
    const firstDue = plusDays(start, p.newCaseOversightDays);
    const cameLater = start > alloc;
    const latest = latestOf(oversight);
    oversightFacts = { since: start, latest: latest?.date ?? null };
    if (!latest) {
      add('OVERSIGHT-NEW', firstDue, () => {
        const s = scope();
        return {
          reason: `${s.words}; no management oversight since allocation on ${alloc}${cameLater ? `; first oversight counted from ${start}, when the case came into scope` : ''}`,
          dueRule: cameLater ? `came into scope ${start} (after allocation ${alloc}) + ${p.newCaseOversightDays} days` : `allocation ${alloc} + ${p.newCaseOversightDays} days`,
          evidence: [...s.evidence, allocEvidence],
          keys: ['newCaseOversightDays', 'oversightContactCodes'],
        };
      });
    } else {
      // oversight-rules.md, "Points settled": oversight from before the case came into scope still
      // counts, with no floor at in-scope-since (which may be only the latest reassessment date).
      const due = plusDays(latest.date, p.oversightIntervalDays);
      const beforeScope = latest.date < start;
      add('OVERSIGHT-OVERDUE', due, () => {
        const s = scope();
        return {
          reason: `${s.words}; last management oversight on ${latest.date} (${describe(latest)})${beforeScope ? `, before the case came into scope on ${start}` : ''}`,
          dueRule: `last oversight ${latest.date} + ${p.oversightIntervalDays} days`,
          evidence: [...s.evidence, allocEvidence, asEvidence(latest, 'latest oversight evidence')],
          keys: ['oversightIntervalDays', 'oversightContactCodes'],
        };
      });
    }
  }

  // MAPPA-L1-REVIEW: from the later of the MAPP registration and the last level 1 review.
  if (mappaL1 && f.mapp) {
    const mapp = f.mapp;
    const reviews = [
      ...contactsIn(p.mappaReviewContactCodes),
      ...f.reviews.filter((r) => r.type === MAPPA_L1_REVIEW).map((r): Dated => ({ date: r.date, kind: 'review', code: r.type })),
    ];
    const latest = latestOf(reviews);
    const from = latest && latest.date >= mapp.date ? latest : null;
    add('MAPPA-L1-REVIEW', plusDays(from ? from.date : mapp.date, p.mappaL1ReviewDays), () => ({
      reason: from
        ? `MAPPA level 1 (MAPP since ${mapp.date}); last level 1 review on ${from.date} (${describe(from)})`
        : `MAPPA level 1 (MAPP since ${mapp.date}); no level 1 review since registration${latest ? ` (last on ${latest.date})` : ''}`,
      dueRule: `${from ? `last level 1 review ${from.date}` : `MAPP registration ${mapp.date}`} + ${p.mappaL1ReviewDays} days`,
      evidence: [
        { source: 'registration', code: 'MAPP', date: mapp.date, note: 'active MAPP registration, level M1' },
        ...(latest ? [asEvidence(latest, 'latest MAPPA level 1 review evidence')] : []),
      ],
      keys: ['mappaL1ReviewDays', 'mappaReviewContactCodes'],
    }));
  }

  // REGISTRATION-REVIEW: one flag, every registration with a review date listed, the earliest date.
  let firstReview: string | null = null;
  for (const r of f.active) if (r.nextReview && (firstReview === null || r.nextReview < firstReview)) firstReview = r.nextReview;
  if (firstReview !== null) {
    const due = firstReview;
    add('REGISTRATION-REVIEW', due, () => {
      const listed = f.active
        .filter((r) => r.nextReview)
        .sort((a, b) => byDateThenCode({ date: a.nextReview ?? '', code: a.code }, { date: b.nextReview ?? '', code: b.code }));
      return {
        reason: `Registration review${listed.length > 1 ? 's' : ''} due: ${listed.map((r) => `${r.code} (registered ${r.date}) on ${r.nextReview ?? ''}`).join(', ')}`,
        dueRule: `the earliest next review date, ${due}`,
        evidence: listed.map((r) => ({ source: 'registration', code: r.code, date: r.date, note: `next review ${r.nextReview ?? ''}` })),
        keys: [],
      };
    });
  }

  // ROSH-MISSING
  if (status.effectiveRosh === 'UNKNOWN') {
    add('ROSH-MISSING', plusDays(alloc, p.roshMissingDays), () => ({
      reason: `No RoSH level: no active RoSH registration and no OASys RoSH level; allocated on ${alloc}`,
      dueRule: `allocation ${alloc} + ${p.roshMissingDays} days`,
      evidence: [allocEvidence],
      keys: ['roshMissingDays'],
    }));
  }

  // ROSH-STALE
  const assessed = ev.roshAssessedOn;
  if (assessed) {
    add('ROSH-STALE', plusDays(assessed, p.roshReassessmentDays), () => {
      const level = ev.roshLevel ? ` (${norm(ev.roshLevel)})` : '';
      return {
        reason: `OASys RoSH assessment dated ${assessed}${level}; reassessment due ${p.roshReassessmentDays} days later`,
        dueRule: `assessment ${assessed} + ${p.roshReassessmentDays} days`,
        evidence: [{ source: 'case', code: 'rosh_assessed_on', date: assessed, note: `OASys RoSH${level}` }],
        keys: ['roshReassessmentDays'],
      };
    });
  }

  // ROSH-MISMATCH: the highest active RoSH registration against the OASys level.
  const topReg = f.topRoshRegs[0];
  const oasys = ev.roshLevel === null ? null : norm(ev.roshLevel);
  if (topReg && oasys && KNOWN_ROSH.has(oasys) && ROSH_REGISTERS[topReg.code] !== oasys) {
    add('ROSH-MISMATCH', assessed ? later(topReg.date, assessed) : topReg.date, () => ({
      reason: `RoSH registration ${topReg.code} (${ROSH_REGISTERS[topReg.code] ?? ''}, since ${topReg.date}) differs from the OASys RoSH level ${oasys}${assessed ? ` assessed on ${assessed}` : ''}`,
      dueRule: assessed ? `the later of registration ${topReg.date} and assessment ${assessed}` : `registration ${topReg.date}`,
      evidence: [
        { source: 'registration', code: topReg.code, date: topReg.date, note: 'highest active RoSH registration' },
        { source: 'case', code: 'rosh_level', date: assessed, note: `OASys RoSH ${oasys}` },
      ],
      keys: [],
    }));
  }

  // DA-POLICE-CHECK and CHILD-SAFEGUARDING-CHECK: (a) never requested, (b) requested, no response.
  const check = (rule: 'DA-POLICE-CHECK' | 'CHILD-SAFEGUARDING-CHECK', what: string, enquiry: string, keys: CheckKeys): void => {
    const triggers = p[keys.trigger];
    const triggering = f.active.filter((r) => triggers.includes(r.code));
    const first = triggering[0];
    if (!first) return;
    const regs = (): string => `${what} (${triggering.map((r) => `${r.code} since ${r.date}`).join(', ')})`;
    const regEvidence = (): FlagEvidence[] => triggering.map((r) => ({ source: 'registration', code: r.code, date: r.date, note: 'active registration' }));
    const requestCodes = p[keys.request];
    const responseCodes = p[keys.response];
    const request = latestOf(contactsIn(requestCodes));
    if (!request) {
      const from = later(alloc, first.date);
      add(rule, plusDays(from, p.checkRequestDays), () => ({
        reason: `${regs()}; no ${enquiry} requested (${orList(requestCodes)})`,
        dueRule: `the later of allocation ${alloc} and registration ${first.date}, + ${p.checkRequestDays} days`,
        evidence: [...regEvidence(), allocEvidence],
        keys: ['checkRequestDays', keys.trigger, keys.request],
      }));
      return;
    }
    const response = latestOf(contactsIn(responseCodes));
    if (response && response.date >= request.date) return;
    add(rule, plusDays(request.date, p.checkResponseDays), () => ({
      reason: `${regs()}; ${enquiry} requested on ${request.date} (${request.code}), no response (${orList(responseCodes)}) since`,
      dueRule: `request ${request.date} + ${p.checkResponseDays} days`,
      evidence: [...regEvidence(), asEvidence(request, 'latest request'), ...(response ? [asEvidence(response, 'latest response, before the request')] : [])],
      keys: ['checkResponseDays', keys.trigger, keys.request, keys.response],
    }));
  };
  check('DA-POLICE-CHECK', 'Domestic abuse registration', 'police domestic-abuse enquiry', {
    trigger: 'domesticAbuseCodes',
    request: 'policeCheckRequestCodes',
    response: 'policeCheckResponseCodes',
  });
  check('CHILD-SAFEGUARDING-CHECK', 'Child safeguarding registration', 'children’s services safeguarding enquiry', {
    trigger: 'childSafeguardingCodes',
    request: 'childrenCheckRequestCodes',
    response: 'childrenCheckResponseCodes',
  });

  // NEED-REFERRAL: every qualifying need without a referral since allocation, in one flag.
  if (ctx.needsFile && ev.needs.length) {
    const seen = new Set<string>();
    const unmet: { need: string; detail: string; codes: string[] }[] = [];
    for (const n of ev.needs) {
      const need = norm(n.need);
      const severity = n.severity === null ? null : norm(n.severity);
      if (!p.referralNeeds.includes(need) || seen.has(need)) continue;
      if ((severity !== 'STANDARD' && severity !== 'SEVERE') || !(n.linkedToHarm || n.linkedToReoffending)) continue;
      seen.add(need);
      const codes = p.referralCodes[need] ?? [];
      if (contactsIn(codes).some((c) => c.date >= alloc)) continue;
      const links = [n.linkedToHarm ? 'harm' : null, n.linkedToReoffending ? 'reoffending' : null].filter(Boolean).join(' and ');
      unmet.push({ need, detail: `${severity.toLowerCase()}, linked to ${links}`, codes });
    }
    unmet.sort((a, b) => (a.need < b.need ? -1 : a.need > b.need ? 1 : 0));
    if (unmet.length) {
      add('NEED-REFERRAL', plusDays(alloc, p.referralDays), () => ({
        reason: `No referral since allocation on ${alloc} for ${unmet.map((u) => `${u.need} (${u.detail}; no ${orList(u.codes)} contact)`).join(', ')}`,
        dueRule: `allocation ${alloc} + ${p.referralDays} days`,
        evidence: [...unmet.map((u): FlagEvidence => ({ source: 'need', code: u.need, date: null, note: u.detail })), allocEvidence],
        keys: ['referralDays', 'referralNeeds', 'referralCodes'],
      }));
    }
  }

  // ALLOCATION-GRADE: needs the staff file, and the case's practitioner in it.
  const highRiskSince = status.highRiskSince;
  if (ctx.staffFile && status.highRisk && highRiskSince) {
    if (ev.staff === null) {
      notEvaluated.push({ rule: 'ALLOCATION-GRADE', reason: `staff code ${ev.staffCode} is not in the staff file` });
    } else {
      const grade = ev.staff.grade === null ? null : norm(ev.staff.grade);
      if (grade !== null && p.restrictedGrades.includes(grade)) {
        add('ALLOCATION-GRADE', later(alloc, highRiskSince), () => {
          const s = scope();
          return {
            reason: `${s.roshWords ?? ''} held by ${ev.staffCode}, grade ${grade}${grade === 'PSQ' ? ' (PSO)' : ''}; allocated on ${alloc}`,
            dueRule: `the later of allocation ${alloc} and high risk since ${highRiskSince}`,
            evidence: [...s.evidence.filter((e) => e.code !== 'MAPP'), allocEvidence, { source: 'staff', code: grade, date: null, note: `grade of ${ev.staffCode}` }],
            keys: ['restrictedGrades'],
          };
        });
      }
    }
  }

  return { status, rules, notEvaluated, oversight: oversightFacts };
}
