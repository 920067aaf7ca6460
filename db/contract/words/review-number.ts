import { spokenDate } from '../dates.js';
import type { Review } from '../reviews.js';
import { reviewTypeLabels } from './reviews.js';

/**
 * A review's number on its case, as the case page and the oversight log's PDF both show it: the
 * case's reviews counted from 1 in the order they were recorded (review id). A correction keeps the
 * number (it is a version of the same review) and a withdrawn review keeps its own, so a number
 * quoted from the PDF finds the same review on the case page, whatever the export's filters left out.
 */
export function reviewNumbers(caseReviewIds: Iterable<number>): Map<number, number> {
  return new Map([...new Set(caseReviewIds)].sort((a, b) => a - b).map((id, i) => [id, i + 1]));
}

/** "Review 2: Management oversight, 12 March 2026". */
export function reviewHeading(n: number, r: Pick<Review, 'current'>): string {
  return `Review ${String(n)}: ${reviewTypeLabels[r.current.type]}, ${spokenDate(r.current.date)}`;
}
