import type { CaseRuleResult } from '../../../../db/contract/index.js';
import { spokenDate } from '../../../../db/contract/dates.js';

/** A date as people read it, with the ISO date kept machine-readable. */
export function Day({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <>not recorded</>;
  return <time dateTime={iso}>{spokenDate(iso)}</time>;
}

const days = (n: number) => `${String(n)} ${n === 1 ? 'day' : 'days'}`;

/** "Overdue by 52 days", "Due today", "Due in 8 days", "Not due yet: due in 40 days". */
export function statusText(r: CaseRuleResult): string {
  if (r.status === 'overdue') return `Overdue by ${days(r.daysOverdue ?? 0)}`;
  const until = r.daysUntilDue ?? 0;
  if (r.status === 'due-soon') return until === 0 ? 'Due today' : `Due in ${days(until)}`;
  return `Not due yet: due in ${days(until)}`;
}

export const statusTag: Record<CaseRuleResult['status'], string> = {
  overdue: 'govuk-tag--red',
  'due-soon': 'govuk-tag--yellow',
  'not-due': 'govuk-tag--grey',
};

/** A basis as DOMAIN.md words it; a local default is never called national policy. */
export function basisText(basis: string): string {
  return basis.charAt(0).toUpperCase() + basis.slice(1);
}
