import type { ActionClosed, ActionCloseKind, ParsedInputOf, ReviewActionItem, ReviewType, TrackedAction } from '../contract/index.js';
import type { Db } from '../connection.js';
import { spokenDate } from '../contract/dates.js';
import { DomainError } from '../errors.js';
import type { Who } from './write.js';

/**
 * Actions agreed in oversight, tracked to done or dropped (migration 010). The actions are those
 * of each review's current version that is not withdrawn; each one's state comes from its event,
 * matched by the review and the action's own words, so a correction never moves an event onto
 * another action.
 */

/** The current, not withdrawn, version of each review that agreed actions. */
interface CurrentRow {
  review_id: number;
  crn: string;
  review_type: ReviewType;
  review_date: string;
  spo_name: string;
  actions_json: string;
}

interface EventRow {
  review_id: number;
  action_text: string;
  action_owner: string;
  action_due: string;
  kind: ActionCloseKind;
  event_date: string;
  note: string | null;
  recorded_at: string;
  recorded_by_os: string;
  recorded_by: string | null;
}

const CURRENT = `SELECT r.review_id, r.crn, r.review_type, r.review_date, r.spo_name, r.actions_json FROM current_reviews r
  WHERE r.action <> 'withdrawn' AND r.actions_json <> '[]'`;
const EVENT_COLUMNS = 'review_id, action_text, action_owner, action_due, kind, event_date, note, recorded_at, recorded_by_os, recorded_by';

/** An action's key among its review's events: its own words. */
export const actionKey = (reviewId: number, a: Pick<ReviewActionItem, 'text' | 'owner' | 'due'>): string => JSON.stringify([reviewId, a.text, a.owner, a.due]);

const toClosed = (e: EventRow): ActionClosed => ({
  kind: e.kind,
  date: e.event_date,
  note: e.note,
  recordedAt: e.recorded_at,
  recordedByOs: e.recorded_by_os,
  recordedBy: e.recorded_by,
});

function track(rows: readonly CurrentRow[], events: readonly EventRow[], today: string): TrackedAction[] {
  const closed = new Map(events.map((e) => [actionKey(e.review_id, { text: e.action_text, owner: e.action_owner, due: e.action_due }), e]));
  return rows.flatMap((r) =>
    (JSON.parse(r.actions_json) as ReviewActionItem[]).map((a, i): TrackedAction => {
      const event = closed.get(actionKey(r.review_id, a));
      return {
        reviewId: r.review_id,
        number: i + 1,
        crn: r.crn,
        reviewType: r.review_type,
        reviewDate: r.review_date,
        spo: r.spo_name,
        text: a.text,
        owner: a.owner,
        due: a.due,
        status: event ? event.kind : 'open',
        overdue: !event && a.due < today,
        closed: event ? toClosed(event) : null,
      };
    }),
  );
}

/** Open first, the earliest due first; then closed, the latest closed first. */
function byAttention(a: TrackedAction, b: TrackedAction): number {
  if ((a.status === 'open') !== (b.status === 'open')) return a.status === 'open' ? -1 : 1;
  if (a.status === 'open') return a.due.localeCompare(b.due) || a.crn.localeCompare(b.crn) || a.reviewId - b.reviewId || a.number - b.number;
  return (b.closed?.date ?? '').localeCompare(a.closed?.date ?? '') || a.reviewId - b.reviewId || a.number - b.number;
}

export class ActionTracker {
  private readonly currentByCrn;
  private readonly currentById;
  private readonly currentAll;
  private readonly eventsByCrn;
  private readonly eventsById;
  private readonly eventsAll;
  private readonly insert;
  private readonly currentAction;

  constructor(db: Db) {
    this.currentByCrn = db.prepare<[string], CurrentRow>(`${CURRENT} AND r.crn = ?`);
    this.currentById = db.prepare<[number], CurrentRow>(`${CURRENT} AND r.review_id = ?`);
    this.currentAll = db.prepare<[], CurrentRow>(CURRENT);
    this.eventsByCrn = db.prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM action_events WHERE crn = ?`);
    this.eventsById = db.prepare<[number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM action_events WHERE review_id = ?`);
    this.eventsAll = db.prepare<[], EventRow>(`SELECT ${EVENT_COLUMNS} FROM action_events`);
    this.currentAction = db.prepare<[number], { action: string }>(`SELECT action FROM current_reviews WHERE review_id = ?`);
    this.insert = db.prepare(
      `INSERT INTO action_events (review_id, crn, action_text, action_owner, action_due, kind, event_date, note, recorded_at, recorded_by_os, recorded_by)
       VALUES (@reviewId, @crn, @text, @owner, @due, @kind, @date, @note, @recordedAt, @recordedByOs, @recordedBy)`,
    );
  }

  list(input: ParsedInputOf<'actions:list'>, today: string): TrackedAction[] {
    const [rows, events] =
      input.reviewId !== undefined
        ? [this.currentById.all(input.reviewId), this.eventsById.all(input.reviewId)]
        : input.crn !== undefined
          ? [this.currentByCrn.all(input.crn), this.eventsByCrn.all(input.crn)]
          : [this.currentAll.all(), this.eventsAll.all()];
    return track(rows, events, today)
      .filter((a) => (input.crn === undefined || a.crn === input.crn) && (input.status === 'all' || (input.status === 'open') === (a.status === 'open')))
      .sort(byAttention);
  }

  /** Marks one action done or dropped, inside the caller's transaction; refusals name the field. */
  close(input: { reviewId: number; number: number; date: string; note: string | null }, kind: ActionCloseKind, who: Who, today: string): TrackedAction {
    const current = this.currentAction.get(input.reviewId);
    if (!current) throw new DomainError('not-found', `reviewId: no review ${input.reviewId}`, 'reviewId');
    if (current.action === 'withdrawn') {
      throw new DomainError('invalid-input', `reviewId: review ${input.reviewId} has been withdrawn, so its actions are no longer tracked`, 'reviewId');
    }
    const actions = track(this.currentById.all(input.reviewId), this.eventsById.all(input.reviewId), today);
    const action = actions.find((a) => a.number === input.number);
    if (!action) {
      const has = actions.length === 0 ? 'agreed no actions' : `has ${actions.length === 1 ? 'one action' : `${actions.length} actions`}`;
      throw new DomainError('not-found', `number: review ${input.reviewId} ${has}; there is no action ${input.number}`, 'number');
    }
    if (action.closed) {
      throw new DomainError('conflict', `number: action ${input.number} of review ${input.reviewId} was already marked ${action.closed.kind} on ${spokenDate(action.closed.date)}`, 'number');
    }
    if (input.date > today) throw new DomainError('invalid-input', `date: ${spokenDate(input.date)} is in the future (today is ${spokenDate(today)})`, 'date');
    if (input.date < action.reviewDate) {
      throw new DomainError('invalid-input', `date: ${spokenDate(input.date)} is before the review that agreed the action (${spokenDate(action.reviewDate)})`, 'date');
    }
    const recordedAt = who.now().toISOString();
    this.insert.run({
      reviewId: action.reviewId,
      crn: action.crn,
      text: action.text,
      owner: action.owner,
      due: action.due,
      kind,
      date: input.date,
      note: input.note,
      recordedAt,
      recordedByOs: who.osUser,
      recordedBy: who.appUser,
    });
    return {
      ...action,
      status: kind,
      overdue: false,
      closed: { kind, date: input.date, note: input.note, recordedAt, recordedByOs: who.osUser, recordedBy: who.appUser },
    };
  }
}
