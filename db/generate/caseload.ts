import type { Allocator } from './allocation.js';
import { caseFacts } from './case-facts.js';
import { CONTACT_CODES, SPO_CODES } from './codes.js';
import { ContactList } from './contact-list.js';
import { csvField, type LineSink } from './csv-writer.js';
import type { DayFormatter } from './dates.js';
import { addEverydayContacts } from './everyday-contacts.js';
import { addEvidence } from './evidence.js';
import { personName } from './names.js';
import type { CasePlan } from './plan.js';
import type { Rng } from './random.js';
import { buildRegistrations, type Registration } from './registrations.js';

export interface CaseSinks {
  cases: LineSink;
  registrations: LineSink;
  contacts: LineSink;
  needs: LineSink;
}

/** The oldest date the generator writes: birth dates of the oldest people on probation. */
export const DAYS_BACK = 80 * 366;

const BY_SPO: readonly boolean[] = CONTACT_CODES.map((c) => SPO_CODES.has(c));

const yn = (b: boolean): string => (b ? 'Y' : 'N');

/**
 * Turns one case plan into its rows in every file, case by case, so nothing but the case in hand
 * is ever held in memory. Contact IDs run on across cases and files.
 */
export class CaseWriter {
  private readonly contacts: ContactList;
  private nextContactId: number;

  constructor(
    private readonly sinks: CaseSinks,
    private readonly dates: DayFormatter,
    private readonly asOf: number,
    firstContactId: number,
  ) {
    this.contacts = new ContactList(asOf - DAYS_BACK);
    this.nextContactId = firstContactId;
  }

  write(rng: Rng, crn: string, plan: CasePlan, allocator: Allocator): void {
    const asOf = this.asOf;
    const allocDay = asOf - plan.allocDaysAgo;
    const assessedDay = plan.roshAssessedDaysAgo === null ? null : asOf - plan.roshAssessedDaysAgo;
    const regs = buildRegistrations(plan, rng, asOf);
    const facts = caseFacts(regs, plan.rosh, assessedDay, allocDay, asOf);
    const holder = allocator.holder(rng, facts.highRiskSince !== null, plan.heldByPso);
    const previous = allocator.anyone(rng);
    const born = asOf - Math.floor(plan.ageYears * 365.25) - rng.int(0, 364);

    this.sinks.cases.write(
      `${crn},${csvField(personName(rng))},${this.date(born)},${holder.code},${this.date(allocDay)},${plan.caseType},${csvField(plan.sentenceType)},${plan.tier},${plan.rosh ?? ''},${assessedDay === null ? '' : this.date(assessedDay)}\n`,
    );
    for (const r of regs) this.sinks.registrations.write(this.registrationLine(crn, r));
    for (const n of plan.needs) this.sinks.needs.write(`${crn},${n.need},${n.severity},${yn(n.harm)},${yn(n.reoffending)}\n`);

    const list = this.contacts;
    list.clear();
    addEvidence(rng, list, plan, facts, allocDay, asOf);
    addEverydayContacts(rng, list, plan, allocDay, asOf);
    list.forEachSorted((day, codeIndex) => {
      const bySpo = BY_SPO[codeIndex] ?? false;
      // Before this allocation the case was someone else's, and so was its SPO.
      const who = day < allocDay ? previous : holder;
      const staff = bySpo ? who.spoCode : who.code;
      this.sinks.contacts.write(`${crn},${this.nextContactId++},${this.date(day)},${CONTACT_CODES[codeIndex] ?? ''},${staff}\n`);
    });
  }

  private registrationLine(crn: string, r: Registration): string {
    // next_review_date is a schedule, not an event: the one date allowed to lie after as-of.
    const review = r.review === null ? '' : this.dates.format(r.review);
    const ended = r.ended === null ? '' : this.date(r.ended);
    return `${crn},${r.code},${r.level},${r.category},${this.date(r.day)},${review},${ended}\n`;
  }

  /** Every event date goes through here: one dated after as-of would be a generator bug. */
  private date(day: number): string {
    if (day > this.asOf) throw new RangeError(`generator bug: event dated ${day - this.asOf} days after as-of`);
    return this.dates.format(day);
  }
}
