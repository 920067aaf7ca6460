import { suggestedContactCodes, type ParsedInputOf, type Review, type ReviewActionItem, type ReviewVersion } from '../contract/index.js';
import type { Db } from '../connection.js';
import { londonToday, spokenDate } from '../contract/dates.js';
import { DomainError } from '../errors.js';
import { groupReviews, ReviewRepository } from './repository.js';
import { Snapshots } from './snapshot.js';
import { checkCheckDates, toChecks } from './checks.js';
import { loadPolicy } from '../rules/settings-store.js';

export type RecordInput = ParsedInputOf<'reviews:record'>;
export type AmendInput = ParsedInputOf<'reviews:amend'>;
export type WithdrawInput = ParsedInputOf<'reviews:withdraw'>;

export interface Who {
  osUser: string;
  appUser: string | null;
  now: () => Date;
}

type Fields = Pick<ReviewVersion, 'type' | 'date' | 'spo' | 'triggers' | 'checks' | 'analysis' | 'decision' | 'actions' | 'nextReviewDate' | 'ndelius'>;

function actions(list: readonly ReviewActionItem[]): ReviewActionItem[] {
  return list.map((a) => ({ text: a.text, owner: a.owner, due: a.due }));
}

/** The refusals a schema cannot make: they need today's date or the whole review. */
function checkDates(f: Fields, today: string): void {
  if (f.date > today) {
    throw new DomainError('invalid-input', `date: ${f.date} is in the future (today is ${today} in Europe/London)`, 'date');
  }
  checkCheckDates(f.checks, today);
  if (f.nextReviewDate !== null && f.nextReviewDate < f.date) {
    throw new DomainError('invalid-input', `nextReviewDate: ${f.nextReviewDate} is before the review date ${f.date}`, 'nextReviewDate');
  }
  f.actions.forEach((a, i) => {
    if (a.due < f.date) {
      throw new DomainError('invalid-input', `actions.${i}.due: ${a.due} is before the review date ${f.date}`, `actions.${i}.due`);
    }
  });
}

function sameFields(a: Fields, b: Fields): boolean {
  const pick = (f: Fields) => JSON.stringify([f.type, f.date, f.spo, f.triggers, f.checks, f.analysis, f.decision, f.actions, f.nextReviewDate, f.ndelius]);
  return pick(a) === pick(b);
}

/**
 * Records, amends and withdraws reviews, inside the caller's transaction (the service's unit of
 * work, with its audit entry): a refusal throws a DomainError naming the field, and the caller's
 * rollback leaves the database as it was. Nothing is edited in place: an amendment or a
 * withdrawal is a new version of the review.
 */
export class ReviewWriter {
  private readonly repo: ReviewRepository;
  private readonly snapshots: Snapshots;

  constructor(private readonly db: Db) {
    this.repo = new ReviewRepository(db);
    this.snapshots = new Snapshots(db);
  }

  get(id: number): Review | undefined {
    return this.repo.get(id);
  }

  byCrn(crn: string): Review[] {
    return this.repo.byCrn(crn);
  }

  record(input: RecordInput, who: Who): Review {
    this.mustBeInTransaction();
    const now = who.now();
    const today = londonToday(now);
    const status = this.snapshots.caseStatus(input.crn);
    if (!status) throw new DomainError('invalid-input', `crn: no case ${input.crn} in the database`, 'crn');
    if (!status.inCaseload) {
      throw new DomainError('invalid-input', `crn: ${input.crn} has left the caseload; reviews are recorded only for cases in it`, 'crn');
    }
    const fields: Fields = {
      type: input.type,
      date: input.date,
      spo: { name: input.spo.name, staffCode: input.spo.staffCode ?? null },
      triggers: [...input.triggers],
      checks: toChecks(input.checks, loadPolicy(this.db)),
      analysis: input.analysis,
      decision: input.decision,
      actions: actions(input.actions),
      nextReviewDate: input.nextReviewDate ?? null,
      ndelius: { contactCode: input.ndeliusContactCode ?? suggestedContactCodes[input.type], contactId: input.ndeliusContactId ?? null },
    };
    checkDates(fields, today);
    this.checkFitsCase(input.crn, fields);
    const snapshot = this.snapshots.take(input.crn, today, now.toISOString());
    if (!snapshot) throw new DomainError('invalid-input', `crn: no case ${input.crn} in the database`, 'crn');
    const id = this.repo.nextRowId();
    const version: ReviewVersion = {
      reviewId: id,
      version: 1,
      action: 'recorded',
      reason: null,
      crn: input.crn,
      ...fields,
      snapshot,
      recordedAt: now.toISOString(),
      recordedByOs: who.osUser,
      recordedBy: who.appUser,
    };
    this.repo.append(version, id);
    return this.finish([version]);
  }

  amend(input: AmendInput, who: Who): Review {
    this.mustBeInTransaction();
    const now = who.now();
    const review = this.current(input.id, 'amended');
    const prev = review.current;
    const type = input.type ?? prev.type;
    // A review retyped before it reached nDelius takes the new type's contact code, unless the
    // user chose a code of their own.
    const retypedCode =
      input.type && input.type !== prev.type && prev.ndelius.contactId === null && prev.ndelius.contactCode === suggestedContactCodes[prev.type]
        ? suggestedContactCodes[type]
        : prev.ndelius.contactCode;
    const fields: Fields = {
      type,
      date: input.date ?? prev.date,
      spo: input.spo ? { name: input.spo.name, staffCode: input.spo.staffCode ?? null } : prev.spo,
      triggers: input.triggers ? [...input.triggers] : prev.triggers,
      checks: input.checks ? toChecks(input.checks, loadPolicy(this.db)) : prev.checks,
      analysis: input.analysis ?? prev.analysis,
      decision: input.decision ?? prev.decision,
      actions: input.actions ? actions(input.actions) : prev.actions,
      nextReviewDate: input.nextReviewDate === undefined ? prev.nextReviewDate : input.nextReviewDate,
      ndelius: {
        contactCode: input.ndeliusContactCode === undefined ? retypedCode : input.ndeliusContactCode,
        contactId: input.ndeliusContactId === undefined ? prev.ndelius.contactId : input.ndeliusContactId,
      },
    };
    checkDates(fields, londonToday(now));
    // A review recorded before this check stays as it was; only a change of type or date is judged.
    if (fields.type !== prev.type || fields.date !== prev.date) this.checkFitsCase(prev.crn, fields);
    if (sameFields(fields, prev)) {
      throw new DomainError('invalid-input', `id: the amendment changes nothing in review ${input.id}; give the fields to correct`, 'id');
    }
    return this.appendVersion(review, { ...prev, ...fields }, 'amended', input.reason, who, now);
  }

  withdraw(input: WithdrawInput, who: Who): Review {
    this.mustBeInTransaction();
    const review = this.current(input.id, 'withdrawn');
    return this.appendVersion(review, review.current, 'withdrawn', input.reason, who, who.now());
  }

  /**
   * A MAPPA level 1 review counts as MAPPA level 1 review evidence (oversight-rules.md), so it is
   * refused for a case that was not managed at MAPPA level 1 on the review date.
   */
  private checkFitsCase(crn: string, f: Fields): void {
    if (f.type !== 'mappa-l1-review') return;
    const mappa = this.snapshots.mappaOn(crn, f.date);
    if (mappa?.level === 'M1') return;
    const held = mappa
      ? `was managed at MAPPA level ${(mappa.level ?? '').replace(/^M/, '') || 'not recorded'} (MAPP registration of ${spokenDate(mappa.registrationDate)})`
      : 'had no active MAPPA registration (MAPP)';
    throw new DomainError(
      'invalid-input',
      `type: a MAPPA level 1 review can be recorded only for a case managed at MAPPA level 1 on the review date; on ${spokenDate(f.date)} ${crn} ${held}. Record a management oversight review instead`,
      'type',
    );
  }

  private current(id: number, doing: 'amended' | 'withdrawn'): Review {
    const review = this.repo.get(id);
    if (!review) throw new DomainError('invalid-input', `id: no review ${id}`, 'id');
    if (review.withdrawn) {
      throw new DomainError(
        'invalid-input',
        `id: review ${id} was withdrawn on ${review.current.recordedAt.slice(0, 10)} and cannot be ${doing}; record a new review instead`,
        'id',
      );
    }
    return review;
  }

  /** A correction or a withdrawal: the next version of the review, with its reason, appended. */
  private appendVersion(review: Review, fields: ReviewVersion, action: 'amended' | 'withdrawn', reason: string, who: Who, now: Date): Review {
    const version: ReviewVersion = {
      ...fields,
      version: review.current.version + 1,
      action,
      reason,
      recordedAt: now.toISOString(),
      recordedByOs: who.osUser,
      recordedBy: who.appUser,
    };
    this.repo.append(version, this.repo.nextRowId());
    return this.finish([...review.versions, version]);
  }

  private finish(versions: ReviewVersion[]): Review {
    const review = groupReviews(versions)[0];
    if (!review) throw new Error('a review without versions');
    return review;
  }

  private mustBeInTransaction(): void {
    if (!this.db.inTransaction) throw new Error('reviews are written only inside the service’s unit of work (a transaction)');
  }
}
