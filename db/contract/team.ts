/** The team view: caseloads, workload, coverage and the 12-week heatmap (issue 7). */
import { z } from 'zod';
import { isoDate, teamCodeField } from './fields.js';

export const teamViewInput = z.object({
  /** One team (staff file team code); every practitioner holding a case when omitted. */
  team: teamCodeField.optional(),
  asOf: isoDate.optional(),
});

export interface TeamWorkload {
  pointsUsed: number | null;
  pointsAvailable: number | null;
  /** points used / points available as a whole percentage; null without points available. */
  percent: number | null;
  /** PRACTITIONER-CAPACITY's test: percent at or above the capacityThreshold setting. */
  overCapacity: boolean;
}

/** A practitioner's caseload counted on one date, as the team view and the weekly trends count it. */
export interface CaseloadCounts {
  staffCode: string;
  teamCode: string | null;
  /** Cases held in the caseload. */
  cases: number;
  highRisk: number;
  mappaL1: number;
  /** High-risk or MAPPA level 1 cases: those that need SPO oversight. */
  inScope: number;
  /** In-scope cases whose latest oversight evidence is at most oversightIntervalDays old. */
  covered: number;
}

export interface TeamPractitioner extends CaseloadCounts {
  /** Null when the staff file does not hold the practitioner. */
  name: string | null;
  grade: string | null;
  /** covered / inScope, 0–1; null with no case in scope. */
  coverage: number | null;
  /** Case flags overdue and due soon. */
  overdue: number;
  dueSoon: number;
  /** Actions agreed in oversight on the practitioner's cases, still open; and of those, past their due date. */
  openActions: number;
  overdueActions: number;
  /** The most days any in-scope case has gone without SPO oversight (since it came into scope, if never); null with none in scope. */
  longestWithoutOversightDays: number | null;
  /** Null when the extract had no staff file or it does not hold the practitioner. */
  workload: TeamWorkload | null;
}

export interface TeamHeatCell {
  /** The week-end date (a Sunday) the rules were evaluated as of. */
  weekEnding: string;
  inScope: number;
  /** In-scope cases without oversight within the interval on that date. */
  notCovered: number;
  /** Whole weeks the longest-waiting in-scope case had gone without oversight; null with none in scope. */
  weeksSinceOversight: number | null;
}

export interface TeamView {
  asOf: string;
  team: string | null;
  /** The settings the figures used. */
  oversightIntervalDays: number;
  capacityThreshold: number;
  /** Whether the snapshot came with a staff file (workload and grade need it). */
  staffFile: boolean;
  practitioners: TeamPractitioner[];
  heatmap: {
    /** How to read a cell, in words for the screen and screen readers. */
    reading: string;
    weeks: string[];
    rows: { staffCode: string; name: string | null; cells: TeamHeatCell[] }[];
  };
}

export const teamInputs = {
  'team:view': teamViewInput,
} as const satisfies Record<keyof TeamResults, z.ZodType>;

export interface TeamResults {
  'team:view': TeamView;
}
