import type { Policy } from '../contract/index.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection.js';
import { CASE_CORE_FIELDS, toCaseCore, toCaseCoreFromRaw, type CaseCore, type CaseCoreFields, type CaseCoreRaw } from '../store/cases.js';
import { ACTIVE_ON_SQL } from '../store/registrations.js';
import type { NeedRow, RegistrationRow } from '../store/rows.js';
import { STAFF_FIELDS, toStaff, type StaffFields, type StoredStaff } from '../store/staff.js';
import { actionKey } from '../reviews/actions.js';
import type { ActionEvidence, CaseEvidence, DatedCode, NeedEvidence, RegistrationEvidence, ReviewEvidence } from './evidence.js';

/**
 * Reads what the rules need from SQL. Contacts are never read one by one: SQL gives the latest
 * contact per case and relevant code (dated on or before the as-of date), and the latest app
 * review per case and type. Two ways in:
 *
 * - `each(visit)`: the whole caseload in CRN order, a few hundred cases at a time, each kind of
 *   evidence read for the chunk's CRN range through an index that leads with the CRN (contacts
 *   through the one that leads with the contact type, so only relevant codes are read). Nothing
 *   is held beyond one chunk, and no statement is left open between chunks, so the caller may
 *   write in between.
 * - `one(crn)`: the same for one case by indexed per-CRN look-ups (a review recorded → ≤ 10 ms).
 */

/** CRNs after `after` up to and including `upTo` (a part of the caseload, for a sweep in parallel). */
export interface CrnRange {
  after: string;
  upTo: string;
}

/** Sorts after every CRN: CRNs are ASCII, and SQLite compares text as UTF-8 bytes. */
export const LAST_CRN = '\uffff';
export const WHOLE_CASELOAD: CrnRange = { after: '', upTo: LAST_CRN };

export interface LoadedCase {
  row: CaseCore;
  evidence: CaseEvidence;
  staff: StoredStaff | null;
}

/** Which optional files the snapshot in force came with, and which import it is. */
export interface SnapshotInfo {
  /** The latest import that committed a snapshot; null before the first. */
  importId: number | null;
  staffFile: boolean;
  needsFile: boolean;
}

export function snapshotInfo(db: Db): SnapshotInfo {
  const committed = db.prepare<[], { id: number }>(`SELECT id FROM import_log WHERE outcome = 'committed' ORDER BY id DESC LIMIT 1`).get();
  // The files of the snapshot in force: the latest import that committed it or confirmed it unchanged.
  const latest = db
    .prepare<[], { files_json: string }>(`SELECT files_json FROM import_log WHERE outcome IN ('committed', 'already-imported') ORDER BY id DESC LIMIT 1`)
    .get();
  const kinds = new Set<string>();
  if (latest) {
    for (const f of JSON.parse(latest.files_json) as { kind?: string | null }[]) if (f.kind) kinds.add(f.kind);
  }
  return { importId: committed?.id ?? null, staffFile: kinds.has('staff'), needsFile: kinds.has('needs') };
}

/** Every contact code any rule looks at. */
export function relevantContactCodes(p: Policy): string[] {
  const codes = new Set<string>([
    ...p.oversightContactCodes,
    ...p.mappaReviewContactCodes,
    ...p.policeCheckRequestCodes,
    ...p.policeCheckResponseCodes,
    ...p.childrenCheckRequestCodes,
    ...p.childrenCheckResponseCodes,
  ]);
  for (const need of p.referralNeeds) for (const c of p.referralCodes[need] ?? []) codes.add(c);
  return [...codes].sort();
}

// Evidence is read as arrays, not objects (tens of millions of rows nationally), typed from the row types.
type R = RegistrationRow;
type RegRaw = [crn: R['crn'], code: R['register_code'], level: R['level_code'], date: R['registration_date'], next: R['next_review_date'], dereg: R['deregistration_date']];
/** The latest contact of a code (or app review of a type) for a case: an aggregate, not a table row. */
type CodeRaw = [crn: string, code: string, date: string];
type N = NeedRow;
type NeedRaw = [crn: N['crn'], need: N['need'], severity: N['severity'], harm: N['linked_to_harm'], reoffending: N['linked_to_reoffending']];

/** A current, not withdrawn, review that agreed actions; and an action's done or dropped event. */
type ActionsRaw = [crn: string, reviewId: number, reviewType: string, reviewDate: string, actionsJson: string];
type ActionEventRaw = [crn: string, reviewId: number, text: string, owner: string, due: string, date: string];
const ACTIONS_SELECT = `SELECT crn, review_id, review_type, review_date, actions_json FROM current_reviews
  WHERE action <> 'withdrawn' AND actions_json <> '[]' AND review_date <= @asOf`;
const ACTION_EVENTS_SELECT = 'SELECT crn, review_id, action_text, action_owner, action_due, event_date FROM action_events WHERE event_date <= @asOf';

/** Each action of the case's reviews, with the day its event closed it (the rules judge open against their own as-of). */
function toActions(reviews: ActionsRaw[], events: ActionEventRaw[]): ActionEvidence[] {
  if (reviews.length === 0) return [];
  const closedOn = new Map(events.map((e) => [actionKey(e[1], { text: e[2], owner: e[3], due: e[4] }), e[5]]));
  return reviews.flatMap(([, reviewId, reviewType, reviewDate, json]) =>
    (JSON.parse(json) as { text: string; owner: string; due: string }[]).map((a, i) => ({
      reviewId,
      reviewType,
      reviewDate,
      number: i + 1,
      text: a.text,
      owner: a.owner,
      due: a.due,
      closedOn: closedOn.get(actionKey(reviewId, a)) ?? null,
    })),
  );
}

const REG_COLUMNS = 'crn, register_code, level_code, registration_date, next_review_date, deregistration_date';
const NEED_COLUMNS = 'crn, need, severity, linked_to_harm, linked_to_reoffending';
const NEED_FILTER = `severity IN ('STANDARD', 'SEVERE') AND (linked_to_harm = 1 OR linked_to_reoffending = 1)`;

function groupBy<T extends readonly unknown[]>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const crn = r[0] as string;
    const list = m.get(crn);
    if (list) list.push(r);
    else m.set(crn, [r]);
  }
  return m;
}

const toReg = (r: RegRaw): RegistrationEvidence => ({ code: r[1], level: r[2], date: r[3], nextReview: r[4], deregistered: r[5] });
const toCode = (r: CodeRaw): DatedCode => ({ code: r[1], date: r[2] });
const toReview = (r: CodeRaw): ReviewEvidence => ({ type: r[1], date: r[2] });
const toNeed = (r: NeedRaw): NeedEvidence => ({ need: r[1], severity: r[2], linkedToHarm: r[3] === 1, linkedToReoffending: r[4] === 1 });

const STAFF_SELECT = `SELECT ${STAFF_FIELDS} FROM staff`;

/** The staff file, which is small (thousands of rows even nationally). */
export function allStaff(db: Db): Map<string, StoredStaff> {
  const staff = new Map<string, StoredStaff>();
  for (const s of db.prepare<[], StaffFields>(STAFF_SELECT).iterate()) staff.set(s.staff_code, toStaff(s));
  return staff;
}

export class EvidenceLoader {
  private staff: ReadonlyMap<string, StoredStaff> | null = null;
  private readonly codes: string[];
  private readonly needs: string[];
  private readonly params: Record<string, string>;

  /** Registrations to read: active on the as-of date, or (history) every one registered by then. */
  private readonly regFilter: string;
  /** Extra GROUP BY columns: with history, every dated contact and review up to as-of, not only the latest. */
  private readonly contactDates: string;
  private readonly reviewDates: string;

  /**
   * With `history`, the evidence of every date up to `asOf`, so one read serves the evaluation of
   * several earlier as-of dates (the weekly trends): the rules filter every dated item by their own
   * as-of date and take the latest themselves.
   */
  constructor(
    private readonly db: Db,
    policy: Policy,
    readonly asOf: string,
    opts: { history?: boolean } = {},
  ) {
    // Only registrations active on the as-of date can trigger a rule.
    this.regFilter = opts.history ? 'registration_date <= @asOf' : ACTIVE_ON_SQL;
    this.contactDates = opts.history ? ', contact_date' : '';
    this.reviewDates = opts.history ? ', review_date' : '';
    this.codes = relevantContactCodes(policy);
    this.needs = [...policy.referralNeeds];
    this.params = { asOf };
    this.codes.forEach((c, i) => (this.params[`c${i}`] = c));
    this.needs.forEach((n, i) => (this.params[`n${i}`] = n));
  }

  private staffStatement?: Statement<[string], StaffFields>;

  private staffOf(code: string): StoredStaff | null {
    if (this.staff) return this.staff.get(code) ?? null;
    this.staffStatement ??= this.db.prepare<[string], StaffFields>(`${STAFF_SELECT} WHERE staff_code = ?`);
    const row = this.staffStatement.get(code);
    return row ? toStaff(row) : null;
  }

  private get codeList(): string {
    return this.codes.map((_, i) => `@c${i}`).join(', ') || 'NULL';
  }

  private get needList(): string {
    return this.needs.map((_, i) => `@n${i}`).join(', ') || 'NULL';
  }

  private assemble(c: CaseCore, regs: RegRaw[], contacts: CodeRaw[], reviews: CodeRaw[], needs: NeedRaw[], actions: ActionEvidence[]): LoadedCase {
    const staff = this.staffOf(c.staffCode);
    return {
      row: c,
      staff,
      evidence: {
        crn: c.crn,
        allocationDate: c.allocationDate,
        roshLevel: c.roshLevel,
        roshAssessedOn: c.roshAssessedOn,
        staffCode: c.staffCode,
        registrations: regs.map(toReg),
        contacts: contacts.map(toCode),
        reviews: reviews.map(toReview),
        needs: needs.map(toNeed),
        actions,
        staff: staff ? { grade: staff.grade } : null,
      },
    };
  }

  /**
   * Visits the caseload in CRN order, reading `size` cases' evidence at a time. Each case is
   * assembled only when it is visited, so its objects die young: a chunk assembled whole before
   * its first visit lived through several of V8's young-generation collections and was copied to
   * the old generation, which cost national evaluation a third of its time when the young
   * generation had not grown (5,000 cases at a time tripled the collector's work).
   */
  private visitAll(visit: (c: LoadedCase) => void, range: CrnRange = WHOLE_CASELOAD, size = 250): void {
    const db = this.db;
    this.staff ??= allStaff(db);
    const cases = db
      .prepare<{ after: string; upTo: string; size: number }, CaseCoreRaw>(
        `SELECT ${CASE_CORE_FIELDS} FROM cases INDEXED BY cases_caseload_cover WHERE in_caseload = 1 AND crn > @after AND crn <= @upTo ORDER BY crn LIMIT @size`,
      )
      .raw();
    const between = 'crn > @after AND crn <= @last';
    const regs = db.prepare(`SELECT ${REG_COLUMNS} FROM registrations INDEXED BY registrations_cover WHERE ${between} AND ${this.regFilter}`).raw();
    const contacts = db
      .prepare(
        `SELECT crn, contact_type_code, max(contact_date) FROM contacts INDEXED BY contacts_type_crn_date
         WHERE contact_type_code IN (${this.codeList}) AND ${between} AND contact_date <= @asOf GROUP BY contact_type_code, crn${this.contactDates}`,
      )
      .raw();
    const reviews = db
      .prepare(`SELECT crn, review_type, max(review_date) FROM review_evidence WHERE ${between} AND review_date <= @asOf GROUP BY crn, review_type${this.reviewDates}`)
      .raw();
    const needs = db
      .prepare(`SELECT ${NEED_COLUMNS} FROM needs INDEXED BY needs_cover WHERE ${between} AND need IN (${this.needList}) AND ${NEED_FILTER}`)
      .raw();
    const actions = db.prepare(`${ACTIONS_SELECT} AND ${between}`).raw();
    const actionEvents = db.prepare(`${ACTION_EVENTS_SELECT} AND ${between}`).raw();

    const { upTo } = range;
    let { after } = range;
    for (;;) {
      // Every statement is run to its end before a case is visited: none is left open while the caller writes.
      const rows = cases.all({ after, upTo, size });
      const lastRow = rows[rows.length - 1];
      if (!lastRow) return;
      const p = { ...this.params, after, last: lastRow[0] };
      const r = groupBy(regs.all(p) as RegRaw[]);
      const c = groupBy(contacts.all(p) as CodeRaw[]);
      const v = groupBy(reviews.all(p) as CodeRaw[]);
      const n = groupBy(needs.all(p) as NeedRaw[]);
      const a = groupBy(actions.all(p) as ActionsRaw[]);
      const e = a.size ? groupBy(actionEvents.all(p) as ActionEventRaw[]) : new Map<string, ActionEventRaw[]>();
      for (const raw of rows) {
        const row = toCaseCoreFromRaw(raw);
        const crn = row.crn;
        visit(this.assemble(row, r.get(crn) ?? [], c.get(crn) ?? [], v.get(crn) ?? [], n.get(crn) ?? [], toActions(a.get(crn) ?? [], e.get(crn) ?? [])));
      }
      after = lastRow[0];
    }
  }

  /** Visits the cases of the caseload whose CRN is in `range`, through the chunked bulk reads. */
  eachIn(range: CrnRange, visit: (c: LoadedCase) => void): void {
    this.visitAll(visit, range);
  }

  /**
   * Visits every case in the caseload, through the chunked bulk reads, or only those of `crns` that
   * are in it, through per-CRN look-ups (a short list: a case just reviewed, a team's cases).
   */
  each(visit: (c: LoadedCase) => void, crns?: readonly string[]): void {
    if (!crns) {
      this.visitAll(visit);
      return;
    }
    for (const crn of crns) {
      const c = this.one(crn);
      if (c?.row.inCaseload) visit(c);
    }
  }

  private oneStatements?: {
    kase: Statement<{ crn: string }, CaseCoreFields>;
    regs: ReturnType<Db['prepare']>;
    contacts: ReturnType<Db['prepare']>;
    reviews: ReturnType<Db['prepare']>;
    needs: ReturnType<Db['prepare']>;
    actions: ReturnType<Db['prepare']>;
    actionEvents: ReturnType<Db['prepare']>;
  };

  /** One case, in the caseload or not, by indexed per-CRN look-ups; null when the CRN is unknown. */
  one(crn: string): LoadedCase | null {
    const db = this.db;
    this.oneStatements ??= {
      kase: db.prepare<{ crn: string }, CaseCoreFields>(`SELECT ${CASE_CORE_FIELDS} FROM cases WHERE crn = @crn`),
      regs: db.prepare(`SELECT ${REG_COLUMNS} FROM registrations INDEXED BY registrations_cover WHERE crn = @crn AND ${this.regFilter}`).raw(),
      contacts: db
        .prepare(
          `SELECT crn, contact_type_code, max(contact_date) FROM contacts INDEXED BY contacts_crn_type_date
           WHERE crn = @crn AND contact_type_code IN (${this.codeList}) AND contact_date <= @asOf GROUP BY contact_type_code${this.contactDates}`,
        )
        .raw(),
      reviews: db.prepare(`SELECT crn, review_type, max(review_date) FROM review_evidence WHERE crn = @crn AND review_date <= @asOf GROUP BY review_type${this.reviewDates}`).raw(),
      needs: db.prepare(`SELECT ${NEED_COLUMNS} FROM needs INDEXED BY needs_cover WHERE crn = @crn AND need IN (${this.needList}) AND ${NEED_FILTER}`).raw(),
      actions: db.prepare(`${ACTIONS_SELECT} AND crn = @crn`).raw(),
      actionEvents: db.prepare(`${ACTION_EVENTS_SELECT} AND crn = @crn`).raw(),
    };
    const s = this.oneStatements;
    const row = s.kase.get({ crn });
    if (!row) return null;
    const p = { ...this.params, crn };
    const actions = s.actions.all(p) as ActionsRaw[];
    const events = actions.length ? (s.actionEvents.all(p) as ActionEventRaw[]) : [];
    return this.assemble(
      toCaseCore(row),
      s.regs.all(p) as RegRaw[],
      s.contacts.all(p) as CodeRaw[],
      s.reviews.all(p) as CodeRaw[],
      s.needs.all(p) as NeedRaw[],
      toActions(actions, events),
    );
  }
}
