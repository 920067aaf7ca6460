import { checkContactSettings, type CheckItem, type ContactToEnter, type Policy, type Referral, type ReviewCheck, type ReviewCheckInput } from '../contract/index.js';
import { DomainError } from '../errors.js';

const firstCode = (policy: Policy, key: keyof Policy): string | undefined => {
  const value = policy[key];
  return Array.isArray(value) ? value[0] : undefined;
};

/**
 * The nDelius contacts that put a check on the record, with the first code of each list the rules
 * look for: the rule clears only when that contact reaches an extract, so the review says which
 * to enter. A RoSH assessment or plan is recorded in OASys, so it has none.
 */
export function contactsToEnter(check: Pick<ReviewCheck, 'item' | 'requestedOn' | 'responseOn' | 'referrals'>, policy: Policy): ContactToEnter[] {
  const out: ContactToEnter[] = [];
  const keys = checkContactSettings[check.item];
  if (keys) {
    const request = firstCode(policy, keys[0]);
    const response = firstCode(policy, keys[1]);
    if (request && check.requestedOn) out.push({ for: 'request', code: request, date: check.requestedOn });
    if (response && check.responseOn) out.push({ for: 'response', code: response, date: check.responseOn });
  }
  for (const r of check.referrals) {
    const code = policy.referralCodes[r.need]?.[0];
    if (code && r.answer === 'referred' && r.date) out.push({ for: 'referral', code, date: r.date });
  }
  return out;
}

/** A check as the schema passed it, with its empty parts made explicit and its contacts worked out. */
export function toChecks(list: readonly ReviewCheckInput[], policy: Policy): ReviewCheck[] {
  return list.map((c) => {
    const referrals: Referral[] = (c.referrals ?? []).map((r) => ({
      need: r.need,
      answer: r.answer,
      service: r.answer === 'referred' ? (r.service ?? null) : null,
      date: r.answer === 'referred' ? (r.date ?? null) : null,
      reason: r.answer === 'referred' ? null : r.reason || null,
    }));
    const base = { item: c.item, outcome: c.outcome, note: c.note ? c.note : null, requestedOn: c.requestedOn ?? null, responseOn: c.responseOn ?? null, referrals };
    return { ...base, enter: contactsToEnter(base, policy) };
  });
}

/** A stored check; those saved before checks had dates and referrals read as having none. */
export function readChecks(json: string): ReviewCheck[] {
  return (JSON.parse(json) as Partial<ReviewCheck>[]).map((c) => ({
    item: c.item as CheckItem,
    outcome: c.outcome ?? 'checked',
    note: c.note ?? null,
    requestedOn: c.requestedOn ?? null,
    responseOn: c.responseOn ?? null,
    referrals: c.referrals ?? [],
    enter: c.enter ?? [],
  }));
}

/** The refusals that need today's date: nothing requested, answered or referred in the future. */
export function checkCheckDates(checks: readonly ReviewCheck[], today: string): void {
  checks.forEach((c, i) => {
    const future = (field: string, date: string | null) => {
      if (date !== null && date > today) throw new DomainError('invalid-input', `checks.${i}.${field}: ${date} is in the future (today is ${today} in Europe/London)`, `checks.${i}.${field}`);
    };
    future('requestedOn', c.requestedOn);
    future('responseOn', c.responseOn);
    c.referrals.forEach((r, j) => {
      future(`referrals.${j}.date`, r.date);
    });
  });
}
