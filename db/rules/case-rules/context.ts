import type { FlagEvidence } from '../../contract/index.js';
import type { Facts } from '../case-facts.js';
import type { CaseEvidence, EvalContext } from '../evidence.js';
import { roshLabels } from '../../contract/words/index.js';
import { later, latestOf, type Dated } from './evidence-words.js';
import type { OversightEvidence, RuleCase, Scope } from './rule.js';

/** Builds what every rule sees of one case; the words are made only when a rule asks for them. */
export function ruleCase(ev: CaseEvidence, ctx: EvalContext, facts: Facts): RuleCase {
  const { policy } = ctx;
  const alloc = ev.allocationDate;
  const { status } = facts;
  const mappaL1 = status.mappaLevel === 'M1' && facts.mapp !== null;
  const contactsIn = (codes: readonly string[]): Dated[] =>
    facts.contacts.filter((c) => codes.includes(c.code)).map((c) => ({ date: c.date, kind: 'contact', code: c.code }));

  // oversight-rules.md, "Oversight evidence": oversight contacts and current app reviews, on or after allocation.
  let oversight: OversightEvidence | null = null;
  if ((status.highRisk || mappaL1) && status.inScopeSince) {
    const items = [...contactsIn(policy.oversightContactCodes), ...facts.reviews.map((r): Dated => ({ date: r.date, kind: 'review', code: r.type }))];
    oversight = { start: later(alloc, status.inScopeSince), latest: latestOf(items.filter((e) => e.date >= alloc)) };
  }

  const scope = (): Scope => {
    const parts: string[] = [];
    const evidence: FlagEvidence[] = [];
    let roshWords: string | null = null;
    if (status.highRisk) {
      const label = `${roshLabels[status.effectiveRosh]} RoSH`;
      if (status.roshSource === 'registration') {
        roshWords = `${label} (${facts.highRegs.map((r) => `${r.code} since ${r.date}`).join(', ')})`;
        for (const r of facts.highRegs) evidence.push({ source: 'registration', code: r.code, date: r.date, note: 'active RoSH registration' });
      } else {
        roshWords = `${label} (OASys RoSH ${ev.roshAssessedOn ? `assessed on ${ev.roshAssessedOn}` : 'with no assessment date; counted from allocation'})`;
        evidence.push({ source: 'case', code: 'rosh_level', date: ev.roshAssessedOn, note: `OASys RoSH ${status.effectiveRosh}` });
      }
      parts.push(roshWords);
    }
    if (mappaL1 && facts.mapp) {
      parts.push(`MAPPA level 1 (MAPP since ${facts.mapp.date})`);
      evidence.push({ source: 'registration', code: 'MAPP', date: facts.mapp.date, note: 'active MAPP registration, level M1' });
    }
    return { roshWords, words: parts.join(' and '), evidence };
  };

  return {
    ev,
    ctx,
    policy,
    facts,
    alloc,
    allocEvidence: { source: 'case', code: 'allocation_date', date: alloc, note: 'allocated to the practitioner' },
    mappaL1,
    contactsIn,
    oversight,
    scope,
  };
}
