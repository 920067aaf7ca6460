import type { CaseRuleId, CaseStatus, EffectiveRosh, FlagEvidence, MappaLevel, NotEvaluated, SettingBasis, SettingKey } from '../contract.js';
import { addDays } from '../dates.js';
import type { CaseEvidence, CaseOutcome, DatedCode, EvalContext, RegistrationEvidence, RuleOutcome } from './evidence.js';
import { orList, reviewLabel, roshLabel, settingsUsed } from './text.js';
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
  const active = ev.registrations
    .map((r) => ({ ...r, code: norm(r.code), level: r.level === null ? null : norm(r.level) }))
    .filter((r) => isActive(r, asOf))
    .sort(byDateThenCode);
  const contacts = ev.contacts.filter((c) => c.date <= asOf).map((c) => ({ code: norm(c.code), date: c.date }));
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

const TITLES: Record<CaseRuleId, string> = {
  'OVERSIGHT-NEW': 'First SPO oversight of a high-risk or MAPPA level 1 case',
  'OVERSIGHT-OVERDUE': 'Repeat SPO oversight of a high-risk or MAPPA level 1 case',
  'MAPPA-L1-REVIEW': 'MAPPA level 1 review',
  'REGISTRATION-REVIEW': 'Registration review',
  'ROSH-MISSING': 'RoSH level missing',
  'ROSH-STALE': 'RoSH assessment out of date',
  'ROSH-MISMATCH': 'RoSH registration differs from the OASys RoSH level',
  'DA-POLICE-CHECK': 'Police domestic-abuse check',
  'CHILD-SAFEGUARDING-CHECK': 'Children’s services safeguarding check',
  'NEED-REFERRAL': 'Referral for a need linked to harm or reoffending',
  'ALLOCATION-GRADE': 'High-risk case held by a restricted grade',
};

/** The rule's own basis where no day setting times it. */
const RULE_BASIS: Partial<Record<CaseRuleId, { basis: SettingBasis; basisNote: string }>> = {
  'REGISTRATION-REVIEW': { basis: 'nDelius', basisNote: 'the registration’s own next review date (nDelius; Manage People on Probation highlights these)' },
  'ROSH-MISMATCH': { basis: 'inference', basisNote: 'inference: a RoSH registration should match the latest OASys RoSH level' },
};

/** Evaluates every case rule for one case as of `ctx.asOf`. */
export function evaluateCase(ev: CaseEvidence, ctx: EvalContext): CaseOutcome {
  const { asOf, policy: p } = ctx;
  const f = caseFacts(ev, asOf);
  const { status } = f;
  const alloc = ev.allocationDate;
  const rules: RuleOutcome[] = [];
  const notEvaluated: NotEvaluated[] = [];

  const allocEvidence: FlagEvidence = { source: 'case', code: 'allocation_date', date: alloc, note: 'allocated to the practitioner' };
  const add = (rule: CaseRuleId, dueDate: string, reason: string, dueRule: string, evidence: FlagEvidence[], keys: SettingKey[]): void => {
    // A rule's timing rests on its first (day) setting, or on the rule itself where it has none.
    const basis = RULE_BASIS[rule] ?? (keys[0] ? settingDef(keys[0]) : { basis: 'inference' as const, basisNote: '' });
    rules.push({
      rule,
      dueDate,
      reason,
      explanation: { rule, title: TITLES[rule], dueDate, dueRule, evidence, settings: settingsUsed(p, keys), basis: basis.basis, basisNote: basis.basisNote },
    });
  };
  const contactsIn = (codes: readonly string[]): Dated[] => {
    const set = new Set(codes);
    return f.contacts.filter((c) => set.has(c.code)).map((c) => ({ date: c.date, kind: 'contact', code: c.code }));
  };

  // What puts the case in scope of SPO oversight, in words and as evidence.
  const scopeParts: string[] = [];
  const scopeEvidence: FlagEvidence[] = [];
  if (status.highRisk) {
    const label = roshLabel[status.effectiveRosh];
    if (status.roshSource === 'registration') {
      scopeParts.push(`${label} (${f.highRegs.map((r) => `${r.code} since ${r.date}`).join(', ')})`);
      for (const r of f.highRegs) scopeEvidence.push({ source: 'registration', code: r.code, date: r.date, note: 'active RoSH registration' });
    } else {
      scopeParts.push(`${label} (OASys RoSH ${ev.roshAssessedOn ? `assessed on ${ev.roshAssessedOn}` : 'with no assessment date; counted from allocation'})`);
      scopeEvidence.push({ source: 'case', code: 'rosh_level', date: ev.roshAssessedOn, note: `OASys RoSH ${status.effectiveRosh}` });
    }
  }
  const mappaL1 = status.mappaLevel === 'M1' && f.mapp !== null;
  if (mappaL1 && f.mapp) {
    scopeParts.push(`MAPPA level 1 (MAPP since ${f.mapp.date})`);
    scopeEvidence.push({ source: 'registration', code: 'MAPP', date: f.mapp.date, note: 'active MAPP registration, level M1' });
  }
  const scope = scopeParts.join(' and ');

  // OVERSIGHT-NEW / OVERSIGHT-OVERDUE: exactly one of them for a case in scope.
  if ((status.highRisk || mappaL1) && status.inScopeSince) {
    const oversight = [...contactsIn(p.oversightContactCodes), ...f.reviews.map((r): Dated => ({ date: r.date, kind: 'review', code: r.type }))].filter(
      (e) => e.date >= alloc,
    );
    const start = later(alloc, status.inScopeSince);
    const firstDue = addDays(start, p.newCaseOversightDays);
    const cameLater = start > alloc;
    const latest = latestOf(oversight);
    if (!latest) {
      add(
        'OVERSIGHT-NEW',
        firstDue,
        `${scope}; no management oversight since allocation on ${alloc}${cameLater ? `; first oversight counted from ${start}, when the case came into scope` : ''}`,
        cameLater ? `came into scope ${start} (after allocation ${alloc}) + ${p.newCaseOversightDays} days` : `allocation ${alloc} + ${p.newCaseOversightDays} days`,
        [...scopeEvidence, allocEvidence],
        ['newCaseOversightDays', 'oversightContactCodes'],
      );
    } else {
      // Oversight from before the case came into scope never makes its next one due sooner than a
      // new case's first one (reading noted in the report): more evidence never raises a flag.
      const repeatDue = addDays(latest.date, p.oversightIntervalDays);
      const floored = latest.date < start && firstDue > repeatDue;
      add(
        'OVERSIGHT-OVERDUE',
        floored ? firstDue : repeatDue,
        `${scope}; last management oversight on ${latest.date} (${describe(latest)})${floored ? `, before the case came into scope on ${start}` : ''}`,
        floored
          ? `came into scope ${start} + ${p.newCaseOversightDays} days (later than last oversight ${latest.date} + ${p.oversightIntervalDays} days)`
          : `last oversight ${latest.date} + ${p.oversightIntervalDays} days`,
        [...scopeEvidence, allocEvidence, asEvidence(latest, 'latest oversight evidence')],
        floored ? ['oversightIntervalDays', 'newCaseOversightDays', 'oversightContactCodes'] : ['oversightIntervalDays', 'oversightContactCodes'],
      );
    }
  }

  // MAPPA-L1-REVIEW
  if (mappaL1 && f.mapp) {
    const mapp = f.mapp;
    const reviews = [...contactsIn(p.mappaReviewContactCodes), ...f.reviews.filter((r) => r.type === MAPPA_L1_REVIEW).map((r): Dated => ({ date: r.date, kind: 'review', code: r.type }))];
    const latest = latestOf(reviews);
    const from = latest && latest.date >= mapp.date ? latest : null;
    const evidence: FlagEvidence[] = [{ source: 'registration', code: 'MAPP', date: mapp.date, note: 'active MAPP registration, level M1' }];
    if (latest) evidence.push(asEvidence(latest, 'latest MAPPA level 1 review evidence'));
    add(
      'MAPPA-L1-REVIEW',
      addDays(from ? from.date : mapp.date, p.mappaL1ReviewDays),
      from
        ? `MAPPA level 1 (MAPP since ${mapp.date}); last level 1 review on ${from.date} (${describe(from)})`
        : `MAPPA level 1 (MAPP since ${mapp.date}); no level 1 review since registration${latest ? ` (last on ${latest.date})` : ''}`,
      `${from ? `last level 1 review ${from.date}` : `MAPP registration ${mapp.date}`} + ${p.mappaL1ReviewDays} days`,
      evidence,
      ['mappaL1ReviewDays', 'mappaReviewContactCodes'],
    );
  }

  // REGISTRATION-REVIEW: one flag, every registration due listed, the earliest date.
  const reviewable = f.active.filter((r) => r.nextReview).sort((a, b) => byDateThenCode({ date: a.nextReview ?? '', code: a.code }, { date: b.nextReview ?? '', code: b.code }));
  const firstReview = reviewable[0];
  if (firstReview?.nextReview) {
    add(
      'REGISTRATION-REVIEW',
      firstReview.nextReview,
      `Registration review${reviewable.length > 1 ? 's' : ''} due: ${reviewable.map((r) => `${r.code} (registered ${r.date}) on ${r.nextReview ?? ''}`).join(', ')}`,
      `the earliest next review date, ${firstReview.nextReview}`,
      reviewable.map((r) => ({ source: 'registration', code: r.code, date: r.date, note: `next review ${r.nextReview ?? ''}` })),
      [],
    );
  }

  // ROSH-MISSING
  if (status.effectiveRosh === 'UNKNOWN') {
    add(
      'ROSH-MISSING',
      addDays(alloc, p.roshMissingDays),
      `No RoSH level: no active RoSH registration and no OASys RoSH level; allocated on ${alloc}`,
      `allocation ${alloc} + ${p.roshMissingDays} days`,
      [allocEvidence],
      ['roshMissingDays'],
    );
  }

  // ROSH-STALE
  if (ev.roshAssessedOn) {
    const level = ev.roshLevel ? ` (${norm(ev.roshLevel)})` : '';
    add(
      'ROSH-STALE',
      addDays(ev.roshAssessedOn, p.roshReassessmentDays),
      `OASys RoSH assessment dated ${ev.roshAssessedOn}${level}; reassessment due ${p.roshReassessmentDays} days later`,
      `assessment ${ev.roshAssessedOn} + ${p.roshReassessmentDays} days`,
      [{ source: 'case', code: 'rosh_assessed_on', date: ev.roshAssessedOn, note: `OASys RoSH${level}` }],
      ['roshReassessmentDays'],
    );
  }

  // ROSH-MISMATCH: the highest active RoSH registration against the OASys level.
  const topReg = f.topRoshRegs[0];
  const oasys = ev.roshLevel === null ? null : norm(ev.roshLevel);
  if (topReg && oasys && KNOWN_ROSH.has(oasys) && ROSH_REGISTERS[topReg.code] !== oasys) {
    const due = ev.roshAssessedOn ? later(topReg.date, ev.roshAssessedOn) : topReg.date;
    add(
      'ROSH-MISMATCH',
      due,
      `RoSH registration ${topReg.code} (${ROSH_REGISTERS[topReg.code] ?? ''}, since ${topReg.date}) differs from the OASys RoSH level ${oasys}${ev.roshAssessedOn ? ` assessed on ${ev.roshAssessedOn}` : ''}`,
      ev.roshAssessedOn ? `the later of registration ${topReg.date} and assessment ${ev.roshAssessedOn}` : `registration ${topReg.date}`,
      [
        { source: 'registration', code: topReg.code, date: topReg.date, note: 'highest active RoSH registration' },
        { source: 'case', code: 'rosh_level', date: ev.roshAssessedOn, note: `OASys RoSH ${oasys}` },
      ],
      [],
    );
  }

  // DA-POLICE-CHECK and CHILD-SAFEGUARDING-CHECK: (a) never requested, (b) requested, no response.
  const check = (rule: 'DA-POLICE-CHECK' | 'CHILD-SAFEGUARDING-CHECK', what: string, enquiry: string, triggerKey: SettingKey, requestKey: SettingKey, responseKey: SettingKey) => {
    const triggers = new Set(p[triggerKey] as string[]);
    const triggering = f.active.filter((r) => triggers.has(r.code));
    const first = triggering[0];
    if (!first) return;
    const regs = `${what} (${triggering.map((r) => `${r.code} since ${r.date}`).join(', ')})`;
    const regEvidence = triggering.map((r): FlagEvidence => ({ source: 'registration', code: r.code, date: r.date, note: 'active registration' }));
    const requestCodes = p[requestKey] as string[];
    const responseCodes = p[responseKey] as string[];
    const request = latestOf(contactsIn(requestCodes));
    if (!request) {
      const from = later(alloc, first.date);
      add(
        rule,
        addDays(from, p.checkRequestDays),
        `${regs}; no ${enquiry} requested (${orList(requestCodes)})`,
        `the later of allocation ${alloc} and registration ${first.date}, + ${p.checkRequestDays} days`,
        [...regEvidence, allocEvidence],
        ['checkRequestDays', triggerKey, requestKey],
      );
      return;
    }
    const response = latestOf(contactsIn(responseCodes));
    if (response && response.date >= request.date) return;
    add(
      rule,
      addDays(request.date, p.checkResponseDays),
      `${regs}; ${enquiry} requested on ${request.date} (${request.code}), no response (${orList(responseCodes)}) since`,
      `request ${request.date} + ${p.checkResponseDays} days`,
      [...regEvidence, asEvidence(request, 'latest request'), ...(response ? [asEvidence(response, 'latest response, before the request')] : [])],
      ['checkResponseDays', triggerKey, requestKey, responseKey],
    );
  };
  check('DA-POLICE-CHECK', 'Domestic abuse registration', 'police domestic-abuse enquiry', 'domesticAbuseCodes', 'policeCheckRequestCodes', 'policeCheckResponseCodes');
  check(
    'CHILD-SAFEGUARDING-CHECK',
    'Child safeguarding registration',
    'children’s services safeguarding enquiry',
    'childSafeguardingCodes',
    'childrenCheckRequestCodes',
    'childrenCheckResponseCodes',
  );

  // NEED-REFERRAL: every qualifying need without a referral since allocation, in one flag.
  if (ctx.needsFile) {
    const wanted = new Set(p.referralNeeds);
    const seen = new Set<string>();
    const unmet: { need: string; detail: string; codes: string[] }[] = [];
    for (const n of ev.needs) {
      const need = norm(n.need);
      const severity = n.severity === null ? null : norm(n.severity);
      if (!wanted.has(need) || seen.has(need)) continue;
      if ((severity !== 'STANDARD' && severity !== 'SEVERE') || !(n.linkedToHarm || n.linkedToReoffending)) continue;
      seen.add(need);
      const codes = p.referralCodes[need] ?? [];
      if (contactsIn(codes).some((c) => c.date >= alloc)) continue;
      const links = [n.linkedToHarm ? 'harm' : null, n.linkedToReoffending ? 'reoffending' : null].filter(Boolean).join(' and ');
      unmet.push({ need, detail: `${severity.toLowerCase()}, linked to ${links}`, codes });
    }
    if (unmet.length) {
      add(
        'NEED-REFERRAL',
        addDays(alloc, p.referralDays),
        `No referral since allocation on ${alloc} for ${unmet.map((u) => `${u.need} (${u.detail}; no ${orList(u.codes)} contact)`).join(', ')}`,
        `allocation ${alloc} + ${p.referralDays} days`,
        [...unmet.map((u): FlagEvidence => ({ source: 'need', code: u.need, date: null, note: u.detail })), allocEvidence],
        ['referralDays', 'referralNeeds', 'referralCodes'],
      );
    }
  }

  // ALLOCATION-GRADE: needs the staff file, and the case's practitioner in it.
  if (ctx.staffFile && status.highRisk && status.highRiskSince) {
    if (ev.staff === null) {
      notEvaluated.push({ rule: 'ALLOCATION-GRADE', reason: `staff code ${ev.staffCode} is not in the staff file` });
    } else {
      const grade = ev.staff.grade === null ? null : norm(ev.staff.grade);
      if (grade !== null && p.restrictedGrades.includes(grade)) {
        const due = later(alloc, status.highRiskSince);
        add(
          'ALLOCATION-GRADE',
          due,
          `${scopeParts[0] ?? ''} held by ${ev.staffCode}, grade ${grade}${grade === 'PSQ' ? ' (PSO)' : ''}; allocated on ${alloc}`,
          `the later of allocation ${alloc} and high risk since ${status.highRiskSince}`,
          [...scopeEvidence.filter((e) => e.code !== 'MAPP'), allocEvidence, { source: 'staff', code: grade, date: null, note: `grade of ${ev.staffCode}` }],
          ['restrictedGrades'],
        );
      }
    }
  }

  return { status, rules, notEvaluated };
}
