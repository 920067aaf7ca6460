import type { Scale } from '../contract/index.js';
import { csvField } from './csv-writer.js';
import { personName, placeName, teamName } from './names.js';
import { Rng, STREAM, type Weighted } from './random.js';

/*
 * The organisation: PDUs, their teams and staff. Small enough at every scale (about 7,700 staff
 * nationally) to hold in memory, and built before any case so cases can be allocated to it.
 */

export type Grade = 'PSQ' | 'PSP' | 'PSM' | 'PSC';
type PractitionerGrade = Exclude<Grade, 'PSC'>;

export interface StaffMember {
  readonly code: string;
  readonly name: string;
  readonly grade: Grade;
  readonly teamCode: string;
  readonly teamName: string;
  /** The team's SPO, who records the oversight contacts on the team's cases. */
  readonly spoCode: string;
  readonly pointsAvailable: number | null;
  readonly pointsUsed: number | null;
}

export interface Pdu {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  /** Team by team, each team's SPO first. */
  readonly staff: readonly StaffMember[];
  readonly practitioners: readonly StaffMember[];
  readonly caseCount: number;
}

export const PDUS_PER_SCALE = { pdu: 1, region: 10, national: 100 } as const satisfies Record<Scale, number>;
const PDUS_PER_REGION = 10;

const PRACTITIONER_GRADES: Weighted<PractitionerGrade> = [
  ['PSQ', 30],
  ['PSP', 10],
  ['PSM', 60],
];

/** Workload points available by grade: a PSO's (PSQ) is lower than a probation officer's. */
const POINTS_AVAILABLE: Record<PractitionerGrade, readonly [number, number]> = {
  PSQ: [90, 130],
  PSP: [100, 140],
  PSM: [130, 180],
};

/** The share of practitioners at or over 100% of their points (the WMT's own threshold). */
const OVER_CAPACITY_SHARE = 0.1;

export function pduCode(index: number): string {
  const region = Math.floor(index / PDUS_PER_REGION);
  const within = (index % PDUS_PER_REGION) + 1;
  return `N9${region}A${String(within).padStart(2, '0')}`;
}

function capacityRatio(rng: Rng, over: boolean): number {
  if (over) return 1 + rng.int(0, 25) / 100;
  return rng.chance(0.08) ? rng.int(50, 69) / 100 : rng.int(70, 99) / 100;
}

export function buildPdu(seed: readonly [number, number], index: number): Pdu {
  const rng = new Rng([seed[0], seed[1], STREAM.org, index]);
  const code = pduCode(index);
  const name = placeName(index, seed[0] % 10);
  const practitionerCount = rng.int(66, 74);
  const caseCount = rng.int(2400, 2600);

  const grades = Array.from({ length: practitionerCount }, () => rng.weighted(PRACTITIONER_GRADES));
  // Scenario cases need a PSO to hold a high-risk case and a PSM to hold the rest.
  if (!grades.includes('PSM')) grades[0] = 'PSM';
  if (!grades.includes('PSQ')) grades[grades.length - 1] = 'PSQ';
  const over = grades.map(() => rng.chance(OVER_CAPACITY_SHARE));
  // Every PDU has at least one practitioner over capacity, so PRACTITIONER-CAPACITY always fires.
  if (!over.includes(true)) over[rng.int(0, over.length - 1)] = true;

  const teamCount = Math.max(1, Math.round(practitionerCount / 10));
  const staff: StaffMember[] = [];
  const practitioners: StaffMember[] = [];
  let serial = 0;
  const nextCode = (): string => `${code}P${String(++serial).padStart(3, '0')}`;
  let p = 0;
  for (let t = 0; t < teamCount; t++) {
    const size = Math.floor(practitionerCount / teamCount) + (t < practitionerCount % teamCount ? 1 : 0);
    const teamCode = `${code}T${String(t + 1).padStart(2, '0')}`;
    const team = teamName(name, t);
    const spoCode = nextCode();
    staff.push({ code: spoCode, name: personName(rng), grade: 'PSC', teamCode, teamName: team, spoCode, pointsAvailable: null, pointsUsed: null });
    for (let i = 0; i < size; i++, p++) {
      const grade = grades[p] ?? 'PSM';
      const [lo, hi] = POINTS_AVAILABLE[grade];
      const available = rng.int(lo, hi);
      const member: StaffMember = {
        code: nextCode(),
        name: personName(rng),
        grade,
        teamCode,
        teamName: team,
        spoCode,
        pointsAvailable: available,
        pointsUsed: Math.round(available * capacityRatio(rng, over[p] ?? false)),
      };
      staff.push(member);
      practitioners.push(member);
    }
  }
  return { index, code, name, staff, practitioners, caseCount };
}

export function staffLine(pdu: Pdu, s: StaffMember): string {
  return `${s.code},${csvField(s.name)},${s.grade},${s.teamCode},${csvField(s.teamName)},${pdu.code},${csvField(pdu.name)},${s.pointsAvailable ?? ''},${s.pointsUsed ?? ''}\n`;
}
