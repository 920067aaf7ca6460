import type { EffectiveRosh, ReviewSnapshot } from '../contract/index.js';
import type { Db } from '../connection.js';
import { ACTIVE_ON_SQL } from '../store/registrations.js';
import type * as Rows from '../store/rows.js';

type CaseRow = Pick<Rows.CaseRow, 'crn' | 'staff_code' | 'allocation_date' | 'tier' | 'rosh_level' | 'rosh_assessed_on' | 'in_caseload'>;
type StaffRow = Pick<Rows.StaffRow, 'name' | 'grade' | 'team_code' | 'team_name' | 'pdu_code' | 'pdu_name'>;
type RegistrationRow = Pick<Rows.RegistrationRow, 'register_code' | 'level_code' | 'category_code' | 'registration_date' | 'next_review_date'>;

/** oversight-rules.md "Effective RoSH": RoSH registrations, highest first. */
const roshRegistrations: readonly (readonly [string, EffectiveRosh])[] = [
  ['RVHR', 'VERY_HIGH'],
  ['RHRH', 'HIGH'],
  ['RMRH', 'MEDIUM'],
  ['RLRH', 'LOW'],
];
const mappaLevelRank: Readonly<Record<string, number>> = { M3: 3, M2: 2, M1: 1 };
const oasysLevels: readonly string[] = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];

/**
 * oversight-rules.md "MAPPA level": the active MAPP registration with the latest registration date,
 * the higher level where several share it.
 */
function mappaOf(regs: readonly RegistrationRow[]): ReviewSnapshot['mappa'] {
  let mappa: ReviewSnapshot['mappa'] = null;
  for (const r of regs) {
    if (r.register_code !== 'MAPP') continue;
    const better =
      !mappa ||
      r.registration_date > mappa.registrationDate ||
      (r.registration_date === mappa.registrationDate && (mappaLevelRank[r.level_code ?? ''] ?? 0) > (mappaLevelRank[mappa.level ?? ''] ?? 0));
    if (better) mappa = { category: r.category_code, level: r.level_code, registrationDate: r.registration_date };
  }
  return mappa;
}

/** Reads what the SPO sees of a case at the moment a review is recorded. */
export class Snapshots {
  private readonly caseRow;
  private readonly staffRow;
  private readonly activeRegistrations;

  constructor(db: Db) {
    this.caseRow = db.prepare<[string], CaseRow>(
      'SELECT crn, staff_code, allocation_date, tier, rosh_level, rosh_assessed_on, in_caseload FROM cases WHERE crn = ?',
    );
    this.staffRow = db.prepare<[string], StaffRow>('SELECT name, grade, team_code, team_name, pdu_code, pdu_name FROM staff WHERE staff_code = ?');
    this.activeRegistrations = db.prepare<{ crn: string; asOf: string }, RegistrationRow>(
      `SELECT register_code, level_code, category_code, registration_date, next_review_date FROM registrations
       WHERE crn = @crn AND ${ACTIVE_ON_SQL}
       ORDER BY registration_date, register_code, id`,
    );
  }

  /** The case as stored, or undefined when the database has never held the CRN. */
  caseStatus(crn: string): { inCaseload: boolean } | undefined {
    const c = this.caseRow.get(crn);
    return c ? { inCaseload: c.in_caseload === 1 } : undefined;
  }

  /** The case's MAPPA registration in force on `date` (null with none active then). */
  mappaOn(crn: string, date: string): ReviewSnapshot['mappa'] {
    return mappaOf(this.activeRegistrations.all({ crn, asOf: date }));
  }

  /** `asOf` is the London date active registrations are judged on; `takenAt` the UTC instant. */
  take(crn: string, asOf: string, takenAt: string): ReviewSnapshot | undefined {
    const c = this.caseRow.get(crn);
    if (!c) return undefined;
    const staff = this.staffRow.get(c.staff_code);
    const regs = this.activeRegistrations.all({ crn, asOf });

    let effectiveRosh: ReviewSnapshot['effectiveRosh'] = { level: 'UNKNOWN', source: 'none', registrationCode: null, registeredOn: null };
    const rosh = roshRegistrations.find(([code]) => regs.some((r) => r.register_code === code));
    if (rosh) {
      const [code, level] = rosh;
      const first = regs.find((r) => r.register_code === code);
      effectiveRosh = { level, source: 'registration', registrationCode: code, registeredOn: first?.registration_date ?? null };
    } else if (c.rosh_level && oasysLevels.includes(c.rosh_level)) {
      effectiveRosh = { level: c.rosh_level as EffectiveRosh, source: 'oasys', registrationCode: null, registeredOn: null };
    }

    const mappa = mappaOf(regs);

    return {
      takenAt,
      asOf,
      crn: c.crn,
      inCaseload: c.in_caseload === 1,
      allocationDate: c.allocation_date,
      tier: c.tier,
      rosh: { level: c.rosh_level, assessedOn: c.rosh_assessed_on },
      effectiveRosh,
      mappa,
      registrations: regs.map((r) => ({
        code: r.register_code,
        level: r.level_code,
        category: r.category_code,
        registrationDate: r.registration_date,
        nextReviewDate: r.next_review_date,
      })),
      practitioner: { staffCode: c.staff_code, name: staff?.name ?? null, grade: staff?.grade ?? null },
      team: { code: staff?.team_code ?? null, name: staff?.team_name ?? null, pduCode: staff?.pdu_code ?? null, pduName: staff?.pdu_name ?? null },
    };
  }
}
