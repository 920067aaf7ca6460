import { checkOutcomeLabels } from '../contract/words/index.js';
import type { CheckItem, CheckOutcome, ExportFilters, ExportMeta, ReviewAction, ReviewSnapshot, ReviewVersion } from '../contract/index.js';

export const TITLE = 'SPO Oversight: oversight log';
export const MARKING = 'OFFICIAL-SENSITIVE';

/** A check's outcome inside a line of the log: "sought, not available". */
const outcomeInLine = (o: CheckOutcome): string => `${checkOutcomeLabels[o].charAt(0).toLowerCase()}${checkOutcomeLabels[o].slice(1)}`;

export const actionLabels: Readonly<Record<ReviewAction, string>> = {
  recorded: 'recorded',
  amended: 'amended',
  withdrawn: 'withdrawn',
};

export function describeFilters(f: ExportFilters): string {
  const parts: string[] = [];
  if (f.from || f.to) parts.push(`review dates ${f.from ?? 'any'} to ${f.to ?? 'any'}`);
  if (f.team) parts.push(`team ${f.team}`);
  if (f.practitioner) parts.push(`practitioner ${f.practitioner}`);
  if (f.rule) parts.push(`prompted by ${f.rule}`);
  return parts.length ? parts.join('; ') : 'none: every review';
}

export function describePeriod(f: ExportFilters): string {
  if (!f.from && !f.to) return 'all review dates';
  return `${f.from ?? 'the first review'} to ${f.to ?? 'the latest review'}`;
}

export function describeChainHead(m: Pick<ExportMeta, 'chainHead'>): string {
  return m.chainHead ? `entry ${m.chainHead.id}, hash ${m.chainHead.hash}` : 'the audit log was empty';
}

export function effectiveRosh(s: ReviewSnapshot): string {
  const e = s.effectiveRosh;
  if (e.source === 'registration') return `${e.level} (${e.registrationCode ?? ''} registered ${e.registeredOn ?? 'on an unknown date'})`;
  if (e.source === 'oasys') return `${e.level} (OASys)`;
  return 'UNKNOWN';
}

export function oasysRosh(s: ReviewSnapshot): string {
  if (!s.rosh.level) return 'not assessed';
  return s.rosh.assessedOn ? `${s.rosh.level}, assessed ${s.rosh.assessedOn}` : s.rosh.level;
}

export function mappa(s: ReviewSnapshot): string {
  if (!s.mappa) return 'not MAPPA';
  return `category ${s.mappa.category ?? '?'}, level ${s.mappa.level ?? '?'} (registered ${s.mappa.registrationDate})`;
}

export function registrations(s: ReviewSnapshot): string {
  if (s.registrations.length === 0) return 'none';
  return s.registrations
    .map((r) => {
      const detail = [r.level, r.category].filter(Boolean).join('/');
      return `${r.code}${detail ? ` ${detail}` : ''} since ${r.registrationDate}${r.nextReviewDate ? `, review due ${r.nextReviewDate}` : ''}`;
    })
    .join('; ');
}

export function practitioner(s: ReviewSnapshot): string {
  const p = s.practitioner;
  return `${p.name ?? 'name not in the staff file'} (${p.staffCode}${p.grade ? `, ${p.grade}` : ''})`;
}

export function team(s: ReviewSnapshot): string {
  const t = s.team;
  if (!t.code) return 'not in the staff file';
  return `${t.name ?? t.code} (${t.code})${t.pduName ? `, ${t.pduName}` : ''}`;
}

export function check(v: ReviewVersion, item: CheckItem): string {
  const c = v.checks.find((x) => x.item === item);
  if (!c) return 'not recorded';
  return c.note ? `${outcomeInLine(c.outcome)}: ${c.note}` : outcomeInLine(c.outcome);
}

export function actions(v: ReviewVersion): string {
  if (v.actions.length === 0) return 'none';
  return v.actions.map((a) => `${a.text} (owner ${a.owner}, due ${a.due})`).join('\n');
}

export function ndelius(v: ReviewVersion): string {
  const code = v.ndelius.contactCode ?? 'no contact code';
  return v.ndelius.contactId ? `${code}, contact ID ${v.ndelius.contactId}` : `${code}, not yet entered`;
}

export function spo(v: ReviewVersion): string {
  return v.spo.staffCode ? `${v.spo.name} (${v.spo.staffCode})` : v.spo.name;
}

export function triggers(v: ReviewVersion): string {
  return v.triggers.length ? v.triggers.join('; ') : 'not stated';
}

export function recordedBy(v: ReviewVersion): string {
  return v.recordedBy ? `${v.recordedBy} (OS user ${v.recordedByOs})` : `OS user ${v.recordedByOs}`;
}
