import type { CaseFlag, DueSoonFlag, FlagStatus, NotEvaluated, StaffFlag } from '../contract/index.js';
import { dayNumber } from './days.js';

export interface Classified {
  status: FlagStatus | 'not-due';
  /** as-of − due date: positive when overdue, 0 when due today, negative when still to come. */
  daysOverdue: number;
}

/** Overdue when as-of > due date; due soon when 0 ≤ due date − as-of ≤ dueSoonDays. */
export function classify(dueDate: string, asOf: string, dueSoonDays: number): Classified {
  const d = dayNumber(asOf) - dayNumber(dueDate);
  if (d > 0) return { status: 'overdue', daysOverdue: d };
  return { status: -d <= dueSoonDays ? 'due-soon' : 'not-due', daysOverdue: d };
}

/** Days until a due date that is not overdue (never -0). */
export function daysUntil(k: Classified): number {
  return k.daysOverdue === 0 ? 0 : -k.daysOverdue;
}

/** Code-unit order, as SQLite's BINARY collation sorts: the JSON and the tables agree. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `caseFlags`: daysOverdue (largest first), then crn, then rule. */
export function byOverdue(a: CaseFlag, b: CaseFlag): number {
  return b.daysOverdue - a.daysOverdue || cmp(a.crn, b.crn) || cmp(a.rule, b.rule);
}

/** `dueSoon`: daysUntilDue, then crn, then rule. */
export function byDueSoon(a: DueSoonFlag, b: DueSoonFlag): number {
  return a.daysUntilDue - b.daysUntilDue || cmp(a.crn, b.crn) || cmp(a.rule, b.rule);
}

/** `staffFlags`: staffCode (then rule). */
export function byStaff(a: StaffFlag, b: StaffFlag): number {
  return cmp(a.staffCode, b.staffCode) || cmp(a.rule, b.rule);
}

export function byRule(a: NotEvaluated, b: NotEvaluated): number {
  return cmp(a.rule, b.rule) || cmp(a.reason, b.reason);
}
