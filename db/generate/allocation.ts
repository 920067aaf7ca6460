import type { Grade, StaffMember } from './org.js';
import { type Rng, WeightedTable } from './random.js';

/**
 * Who holds a high-risk case: probation officers, sometimes trainees. The rare PSO holding one
 * is the plan's choice (heldByPso), so that it stays a deliberate, countable exception.
 */
const HIGH_RISK_GRADES = new WeightedTable<Grade>([
  ['PSM', 94],
  ['PSP', 6],
]);

/**
 * Chooses the practitioner for each case of one PDU. Cases go to practitioners in proportion to
 * their workload points used, so the over-capacity practitioners also hold the most cases.
 */
export class Allocator {
  private readonly all: WeightedTable<StaffMember>;
  private readonly byGrade = new Map<Grade, WeightedTable<StaffMember>>();

  constructor(private readonly practitioners: readonly StaffMember[]) {
    if (practitioners.length === 0) throw new RangeError('a PDU needs at least one practitioner');
    const weigh = (list: readonly StaffMember[]): WeightedTable<StaffMember> =>
      new WeightedTable(list.map((s) => [s, Math.max(1, s.pointsUsed ?? 1)] as const));
    this.all = weigh(practitioners);
    for (const grade of ['PSQ', 'PSP', 'PSM'] as const) {
      const list = practitioners.filter((s) => s.grade === grade);
      if (list.length > 0) this.byGrade.set(grade, weigh(list));
    }
  }

  /** `pso`: the plan puts a high-risk case with a PSO (ALLOCATION-GRADE). */
  holder(rng: Rng, highRisk: boolean, pso: boolean): StaffMember {
    if (!highRisk) return this.all.draw(rng);
    const grade = pso ? 'PSQ' : HIGH_RISK_GRADES.draw(rng);
    return (this.byGrade.get(grade) ?? this.byGrade.get('PSM') ?? this.all).draw(rng);
  }

  /** A previous holder, for contacts recorded before this allocation. */
  anyone(rng: Rng): StaffMember {
    return rng.pick(this.practitioners);
  }
}
