/**
 * Actions agreed in oversight, tracked to done (oversight-rules.md, "Actions agreed in
 * oversight"): each action of a review's current version is open until it is marked done or
 * dropped, which is its own dated event and never edits the review.
 */
import { z } from 'zod';
import { crnField, isoDate, optionalText, requiredText } from './fields.js';
import { reviewLimits as max } from './limits.js';
import type { ReviewType } from './reviews.js';

export const actionCloseKinds = ['done', 'dropped'] as const;
export type ActionCloseKind = (typeof actionCloseKinds)[number];
export const actionStatuses = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** How an action was closed: done or dropped, on a date, and who said so. */
export interface ActionClosed {
  kind: ActionCloseKind;
  /** The day it was done or dropped (Europe/London). */
  date: string;
  /** Why it was dropped, or a note on how it was done; null when none was given. */
  note: string | null;
  /** UTC ISO timestamp. */
  recordedAt: string;
  recordedByOs: string;
  recordedBy: string | null;
}

export interface TrackedAction {
  reviewId: number;
  /** Its place in the review's current version, from 1: how the CLI and the screens name it. */
  number: number;
  crn: string;
  reviewType: ReviewType;
  reviewDate: string;
  spo: string;
  text: string;
  owner: string;
  due: string;
  status: ActionStatus;
  /** Open, and its due date is before today. */
  overdue: boolean;
  closed: ActionClosed | null;
}

export interface ActionsList {
  /** Today in Europe/London: what "overdue" was judged against. */
  today: string;
  /** Open first (the earliest due first), then closed (the latest closed first). */
  actions: TrackedAction[];
}

const reviewId = z.number({ error: 'required' }).int().positive();

export const actionsListInput = z.object({
  crn: crnField.optional(),
  reviewId: reviewId.optional(),
  status: z.enum(['open', 'closed', 'all']).default('all'),
});

/** Names one action: the review and the action's number in it. */
const actionRef = { reviewId, number: z.number({ error: 'required' }).int().min(1) };

export const actionDoneInput = z.object({
  ...actionRef,
  date: isoDate,
  note: optionalText(max.reason).optional(),
});

export const actionDropInput = z.object({
  ...actionRef,
  date: isoDate,
  reason: requiredText(max.reason),
});

export const actionsInputs = {
  'actions:list': actionsListInput,
  'actions:done': actionDoneInput,
  'actions:drop': actionDropInput,
} as const satisfies Record<keyof ActionsResults, z.ZodType>;

export interface ActionsResults {
  'actions:list': ActionsList;
  'actions:done': TrackedAction;
  'actions:drop': TrackedAction;
}
