import type { CaseDetail, CaseNeed, CaseRegistration, TimelineEvent } from '../contract/index.js';
import type { Db } from '../connection.js';
import { DomainError } from '../errors.js';
import { CASE_FIELDS, toCase, type CaseFields } from './cases.js';
import { activeOn, REGISTRATION_FIELDS, toRegistration, type RegistrationFields } from './registrations.js';
import type * as Rows from './rows.js';
import { isReviewType, reviewTypeInSentence } from '../contract/words/reviews.js';
import { contactMeanings, gradeMeanings, needMeanings, registerMeanings, registrationDetail } from '../contract/words/codes.js';
import { contactEvidenceKind, type EvidenceCodeLists } from '../contract/words/meanings.js';

/**
 * The timeline shows the latest everyday contacts only (a long licence holds thousands), but every
 * contact a rule counts, however old: the oversight, checks and referrals are what an SPO looks for.
 */
export const TIMELINE_CONTACTS = 100;

/** The case and, from a LEFT JOIN, its practitioner (null when the staff file does not hold them). */
type CaseRow = CaseFields & { staff_name: string | null } & { [K in 'grade' | 'team_code' | 'team_name' | 'pdu_code' | 'pdu_name']: Rows.StaffRow[K] | null };
type ContactRow = Pick<Rows.ContactRow, 'id' | 'contact_id' | 'contact_date' | 'contact_type_code'>;
type NeedRow = Pick<Rows.NeedRow, 'need' | 'severity' | 'linked_to_harm' | 'linked_to_reoffending'>;
/** A current review version (the `current_reviews` view, migration 2). */
interface ReviewRow {
  review_id: number;
  review_type: string;
  review_date: string;
  action: string;
  version: number;
}

/** Reads one case for the case screen (`cases:open`), by prepared per-CRN look-ups. */
export class CaseReader {
  private readonly caseRow;
  private readonly registrations;
  private readonly contacts;
  private readonly evidenceContacts;
  private readonly contactCount;
  private readonly needs;
  private readonly reviews;

  constructor(db: Db) {
    this.caseRow = db.prepare<[string], CaseRow>(
      `SELECT ${CASE_FIELDS.split(', ').map((f) => `c.${f}`).join(', ')}, s.name AS staff_name, s.grade, s.team_code, s.team_name, s.pdu_code, s.pdu_name
       FROM cases c LEFT JOIN staff s ON s.staff_code = c.staff_code WHERE c.crn = ?`,
    );
    this.registrations = db.prepare<[string], RegistrationFields>(
      `SELECT ${REGISTRATION_FIELDS} FROM registrations WHERE crn = ? ORDER BY registration_date DESC, register_code, id`,
    );
    this.contacts = db.prepare<[string, number], ContactRow>(
      `SELECT id, contact_id, contact_date, contact_type_code FROM contacts WHERE crn = ?
       ORDER BY contact_date DESC, id DESC LIMIT ?`,
    );
    this.evidenceContacts = db.prepare<[string, string], ContactRow>(
      `SELECT id, contact_id, contact_date, contact_type_code FROM contacts INDEXED BY contacts_crn_type_date
       WHERE crn = ? AND contact_type_code IN (SELECT value FROM json_each(?))`,
    );
    this.contactCount = db.prepare<[string], number>('SELECT count(*) FROM contacts WHERE crn = ?').pluck();
    this.needs = db.prepare<[string], NeedRow>('SELECT need, severity, linked_to_harm, linked_to_reoffending FROM needs WHERE crn = ? ORDER BY need, id');
    this.reviews = db.prepare<[string], ReviewRow>(
      'SELECT review_id, review_type, review_date, action, version FROM current_reviews WHERE crn = ? ORDER BY review_date DESC, review_id DESC',
    );
  }

  /** `lists`: the rules' code lists in force, which decide each event's kind and which old contacts are kept. */
  read(crn: string, asOf: string, lists: EvidenceCodeLists): CaseDetail {
    const row = this.caseRow.get(crn);
    if (!row) throw new DomainError('not-found', `crn: no case with CRN ${crn}`, 'crn');
    const c = toCase(row);
    const registrations = this.registrations.all(crn).map((r) => registration(r, asOf));
    const latest = this.contacts.all(crn, TIMELINE_CONTACTS);
    const seen = new Set(latest.map((x) => x.id));
    const counted = this.evidenceContacts.all(crn, JSON.stringify(evidenceCodes(lists))).filter((x) => !seen.has(x.id));
    const contacts = [...latest, ...counted];
    const needs = this.needs.all(crn).map(
      (n): CaseNeed => ({
        need: n.need,
        meaning: needMeanings[n.need] ?? null,
        severity: n.severity,
        linkedToHarm: n.linked_to_harm === 1,
        linkedToReoffending: n.linked_to_reoffending === 1,
      }),
    );
    const timeline: TimelineEvent[] = [
      ...registrations.flatMap((r): TimelineEvent[] => {
        const detail = registrationDetail(r.code, r.level, r.category);
        const registered: TimelineEvent = { date: r.registrationDate, kind: 'registration', code: r.code, meaning: r.meaning, detail, evidenceKind: 'registrations' };
        return r.deregistrationDate
          ? [registered, { date: r.deregistrationDate, kind: 'deregistration', code: r.code, meaning: r.meaning, detail, evidenceKind: 'registrations' }]
          : [registered];
      }),
      ...contacts.map(
        (x): TimelineEvent => ({
          date: x.contact_date,
          kind: 'contact',
          code: x.contact_type_code,
          meaning: contactMeanings[x.contact_type_code] ?? null,
          detail: `contact ID ${x.contact_id}`,
          evidenceKind: contactEvidenceKind(x.contact_type_code, lists),
        }),
      ),
      ...this.reviews.all(crn).map((r): TimelineEvent => {
        const withdrawn = r.action === 'withdrawn';
        return {
          date: r.review_date,
          kind: 'review',
          code: r.review_type,
          meaning: isReviewType(r.review_type) ? reviewTypeInSentence(r.review_type) : null,
          detail: withdrawn ? 'withdrawn: not evidence' : r.version > 1 ? `version ${r.version} (amended)` : null,
          reviewId: r.review_id,
          countsAsEvidence: !withdrawn,
          evidenceKind: 'oversight',
        };
      }),
    ];
    // Newest first; on one day, reviews then contacts then registrations (the order they are read in).
    const kindOrder = { review: 0, contact: 1, deregistration: 2, registration: 3 } as const;
    timeline.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : kindOrder[a.kind] - kindOrder[b.kind]));
    return {
      asOf,
      crn: c.crn,
      name: c.name,
      dateOfBirth: c.dateOfBirth,
      inCaseload: c.inCaseload,
      allocationDate: c.allocationDate,
      caseType: c.caseType,
      sentenceType: c.sentenceType,
      tier: c.tier,
      rosh: { level: c.roshLevel, assessedOn: c.roshAssessedOn },
      practitioner: { staffCode: c.staffCode, name: row.staff_name, grade: row.grade, gradeMeaning: row.grade ? (gradeMeanings[row.grade] ?? null) : null },
      team: { code: row.team_code, name: row.team_name, pduCode: row.pdu_code, pduName: row.pdu_name },
      registrations,
      needs,
      timeline,
      contactsShown: contacts.length,
      contactsTotal: this.contactCount.get(crn) ?? 0,
    };
  }
}

function evidenceCodes(lists: EvidenceCodeLists): string[] {
  return [
    ...lists.oversightContactCodes,
    ...lists.mappaReviewContactCodes,
    ...lists.policeCheckRequestCodes,
    ...lists.policeCheckResponseCodes,
    ...lists.childrenCheckRequestCodes,
    ...lists.childrenCheckResponseCodes,
    ...Object.values(lists.referralCodes).flat(),
  ];
}

function registration(row: RegistrationFields, asOf: string): CaseRegistration {
  const r = toRegistration(row);
  return {
    code: r.code,
    meaning: registerMeanings[r.code] ?? null,
    level: r.level,
    category: r.category,
    registrationDate: r.registrationDate,
    nextReviewDate: r.nextReviewDate,
    deregistrationDate: r.deregistrationDate,
    active: activeOn(r.registrationDate, r.deregistrationDate, asOf),
  };
}
