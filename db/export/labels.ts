import { spokenDate } from '../contract/dates.js';
import { codeText, roshLabels } from '../contract/words/index.js';
import type { ExportFilters, ExportMeta, ReviewAction, ReviewSnapshot, ReviewVersion } from '../contract/index.js';

export const TITLE = 'SPO Oversight: oversight log';
export const MARKING = 'OFFICIAL-SENSITIVE';

// A review version's fields read the same in the log as on the case screen (db/contract/words/review-text.ts).
export { actionsText as actions, checkText as check, ndeliusText as ndelius, spoText as spo, triggersText as triggers } from '../contract/words/index.js';

export const actionLabels: Readonly<Record<ReviewAction, string>> = {
  recorded: 'recorded',
  amended: 'amended',
  withdrawn: 'withdrawn',
};

/*
 * The log is read by inspectors: codes are in words with the code beside them (as nDelius has
 * them), and a date inside a sentence is "12 March 2026". Cells that hold only a date stay ISO, so
 * a spreadsheet sorts them.
 */
const day = (iso: string | null | undefined, missing: string): string => (iso ? spokenDate(iso) : missing);

export function describeFilters(f: ExportFilters): string {
  const parts: string[] = [];
  if (f.from || f.to) parts.push(`review dates ${day(f.from, 'any')} to ${day(f.to, 'any')}`);
  if (f.team) parts.push(`team ${f.team}`);
  if (f.practitioner) parts.push(`practitioner ${f.practitioner}`);
  if (f.rule) parts.push(`prompted by ${codeText('rule', f.rule)}`);
  return parts.length ? parts.join('; ') : 'none: every review';
}

export function describePeriod(f: ExportFilters): string {
  if (!f.from && !f.to) return 'all review dates';
  return `${day(f.from, 'the first review')} to ${day(f.to, 'the latest review')}`;
}

export function describeChainHead(m: Pick<ExportMeta, 'chainHead'>): string {
  return m.chainHead ? `entry ${m.chainHead.id}, hash ${m.chainHead.hash}` : 'the audit log was empty';
}

export function effectiveRosh(s: ReviewSnapshot): string {
  const e = s.effectiveRosh;
  if (e.source === 'registration') {
    const reg = e.registrationCode ? ` ${codeText('register', e.registrationCode)}` : '';
    return `${roshLabels[e.level]} (${e.level}), from the registration${reg} of ${day(e.registeredOn, 'an unknown date')}`;
  }
  if (e.source === 'oasys') return `${roshLabels[e.level]} (${e.level}), from OASys`;
  return `${roshLabels.UNKNOWN} (UNKNOWN)`;
}

export function oasysRosh(s: ReviewSnapshot): string {
  if (!s.rosh.level) return 'not assessed';
  const level = codeText('rosh', s.rosh.level);
  return s.rosh.assessedOn ? `${level}, assessed on ${spokenDate(s.rosh.assessedOn)}` : level;
}

export function mappaCategory(s: ReviewSnapshot): string | null {
  return s.mappa?.category ? codeText('mappa-category', s.mappa.category) : null;
}

export function mappaLevel(s: ReviewSnapshot): string | null {
  return s.mappa?.level ? codeText('mappa-level', s.mappa.level) : null;
}

export function mappa(s: ReviewSnapshot): string {
  if (!s.mappa) return 'not MAPPA';
  return `${mappaLevel(s) ?? 'level not recorded'}; ${mappaCategory(s) ?? 'category not recorded'}; registered on ${spokenDate(s.mappa.registrationDate)}`;
}

export function registrations(s: ReviewSnapshot): string {
  if (s.registrations.length === 0) return 'none';
  return s.registrations
    .map((r) => {
      const detail = r.code === 'MAPP' ? [r.level && codeText('mappa-level', r.level), r.category && codeText('mappa-category', r.category)] : [r.level, r.category];
      const extra = detail.filter(Boolean).join(', ');
      return `${codeText('register', r.code)}${extra ? `, ${extra}` : ''}, since ${spokenDate(r.registrationDate)}${r.nextReviewDate ? `, review due ${spokenDate(r.nextReviewDate)}` : ''}`;
    })
    .join('; ');
}

export function grade(s: ReviewSnapshot): string | null {
  return s.practitioner.grade ? codeText('grade', s.practitioner.grade) : null;
}

export function practitioner(s: ReviewSnapshot): string {
  const p = s.practitioner;
  const g = grade(s);
  return `${p.name ?? 'name not in the staff file'} (${p.staffCode})${g ? `, ${g}` : ''}`;
}

export function team(s: ReviewSnapshot): string {
  const t = s.team;
  if (!t.code) return 'not in the staff file';
  return `${t.name ?? t.code} (${t.code})${t.pduName ? `, ${t.pduName}` : ''}`;
}






export function recordedBy(v: ReviewVersion): string {
  return v.recordedBy ? `${v.recordedBy} (OS user ${v.recordedByOs})` : `OS user ${v.recordedByOs}`;
}
