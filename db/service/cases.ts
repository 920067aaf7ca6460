import type { CaseDetail, CaseNeed, CaseRegistration, TimelineEvent } from '../contract/index.js';
import type { Db } from '../connection.js';
import { londonToday } from '../contract/dates.js';
import { DomainError } from '../errors.js';
import { isReviewType, reviewTypeInSentence } from '../contract/words/reviews.js';
import { contactMeanings, gradeMeanings, needMeanings, registerMeanings, registrationDetail } from '../contract/words/codes.js';
import type { Handlers, HandlerDeps } from './types.js';

/** The timeline shows the latest contacts only: a long licence holds thousands. */
export const TIMELINE_CONTACTS = 100;

interface CaseRow {
  crn: string;
  name: string;
  date_of_birth: string | null;
  staff_code: string;
  allocation_date: string;
  case_type: string | null;
  sentence_type: string | null;
  tier: string | null;
  rosh_level: string | null;
  rosh_assessed_on: string | null;
  in_caseload: number;
  staff_name: string | null;
  grade: string | null;
  team_code: string | null;
  team_name: string | null;
  pdu_code: string | null;
  pdu_name: string | null;
}
interface RegistrationRow {
  register_code: string;
  level_code: string | null;
  category_code: string | null;
  registration_date: string;
  next_review_date: string | null;
  deregistration_date: string | null;
}
interface ContactRow {
  contact_id: string;
  contact_date: string;
  contact_type_code: string;
}
interface NeedRow {
  need: string;
  severity: string | null;
  linked_to_harm: number | null;
  linked_to_reoffending: number | null;
}
interface ReviewRow {
  review_id: number;
  review_type: string;
  review_date: string;
  action: string;
  version: number;
}

/** Reads one case for the case screen, by prepared per-CRN look-ups. */
export class CaseReader {
  private readonly caseRow;
  private readonly registrations;
  private readonly contacts;
  private readonly contactCount;
  private readonly needs;
  private readonly reviews;

  constructor(db: Db) {
    this.caseRow = db.prepare<[string], CaseRow>(
      `SELECT c.crn, c.name, c.date_of_birth, c.staff_code, c.allocation_date, c.case_type, c.sentence_type, c.tier, c.rosh_level,
              c.rosh_assessed_on, c.in_caseload, s.name AS staff_name, s.grade, s.team_code, s.team_name, s.pdu_code, s.pdu_name
       FROM cases c LEFT JOIN staff s ON s.staff_code = c.staff_code WHERE c.crn = ?`,
    );
    this.registrations = db.prepare<[string], RegistrationRow>(
      `SELECT register_code, level_code, category_code, registration_date, next_review_date, deregistration_date
       FROM registrations WHERE crn = ? ORDER BY registration_date DESC, register_code, id`,
    );
    this.contacts = db.prepare<[string, number], ContactRow>(
      `SELECT contact_id, contact_date, contact_type_code FROM contacts WHERE crn = ?
       ORDER BY contact_date DESC, id DESC LIMIT ?`,
    );
    this.contactCount = db.prepare<[string], number>('SELECT count(*) FROM contacts WHERE crn = ?').pluck();
    this.needs = db.prepare<[string], NeedRow>('SELECT need, severity, linked_to_harm, linked_to_reoffending FROM needs WHERE crn = ? ORDER BY need, id');
    this.reviews = db.prepare<[string], ReviewRow>(
      'SELECT review_id, review_type, review_date, action, version FROM current_reviews WHERE crn = ? ORDER BY review_date DESC, review_id DESC',
    );
  }

  read(crn: string, asOf: string): CaseDetail {
    const c = this.caseRow.get(crn);
    if (!c) throw new DomainError('not-found', `crn: no case with CRN ${crn}`, 'crn');
    const registrations = this.registrations.all(crn).map((r) => registration(r, asOf));
    const contacts = this.contacts.all(crn, TIMELINE_CONTACTS);
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
        const registered: TimelineEvent = { date: r.registrationDate, kind: 'registration', code: r.code, meaning: r.meaning, detail };
        return r.deregistrationDate
          ? [registered, { date: r.deregistrationDate, kind: 'deregistration', code: r.code, meaning: r.meaning, detail }]
          : [registered];
      }),
      ...contacts.map(
        (x): TimelineEvent => ({
          date: x.contact_date,
          kind: 'contact',
          code: x.contact_type_code,
          meaning: contactMeanings[x.contact_type_code] ?? null,
          detail: `contact ID ${x.contact_id}`,
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
      dateOfBirth: c.date_of_birth,
      inCaseload: c.in_caseload === 1,
      allocationDate: c.allocation_date,
      caseType: c.case_type,
      sentenceType: c.sentence_type,
      tier: c.tier,
      rosh: { level: c.rosh_level, assessedOn: c.rosh_assessed_on },
      practitioner: { staffCode: c.staff_code, name: c.staff_name, grade: c.grade, gradeMeaning: c.grade ? (gradeMeanings[c.grade] ?? null) : null },
      team: { code: c.team_code, name: c.team_name, pduCode: c.pdu_code, pduName: c.pdu_name },
      registrations,
      needs,
      timeline,
      contactsShown: contacts.length,
      contactsTotal: this.contactCount.get(crn) ?? 0,
    };
  }
}

function registration(r: RegistrationRow, asOf: string): CaseRegistration {
  return {
    code: r.register_code,
    meaning: registerMeanings[r.register_code] ?? null,
    level: r.level_code,
    category: r.category_code,
    registrationDate: r.registration_date,
    nextReviewDate: r.next_review_date,
    deregistrationDate: r.deregistration_date,
    active: r.registration_date <= asOf && (r.deregistration_date === null || r.deregistration_date > asOf),
  };
}

export function casesHandlers(deps: HandlerDeps): Pick<Handlers, 'cases:get'> {
  const reader = new CaseReader(deps.db);
  return {
    'cases:get': (input, ctx) => Promise.resolve(deps.uow.run('cases:get', input, ctx, () => reader.read(input.crn, londonToday(deps.now())))),
  };
}
