import type { CaseRuleId, FlagEvidence, Policy, SettingBasis, SettingKey } from '../../contract/index.js';
import type { Facts } from '../case-facts.js';
import type { CaseEvidence, EvalContext } from '../evidence.js';
import type { Dated } from './evidence-words.js';

/**
 * One case rule of oversight-rules.md. A new rule is one file exporting one of these, listed in
 * ./index.ts, plus its tests; the driver (../evaluate-case.ts) runs them in that order.
 */
export interface CaseRule {
  id: CaseRuleId;
  /** The rule's title on the case screen and in the oversight log. */
  title: string;
  /**
   * How firm the rule's timing is, where no day setting times it (REGISTRATION-REVIEW, ROSH-MISMATCH);
   * otherwise the basis of the first setting its finding names.
   */
  basis?: { basis: SettingBasis; basisNote: string };
  /** The spec's "applies to" column: whether the rule is looked at for this case at all. */
  appliesTo: (c: RuleCase) => boolean;
  /** The rule's due date and words, nothing when the evidence satisfies it, or why it cannot be evaluated. */
  evaluate: (c: RuleCase) => Finding | NotEvaluatedFinding | null;
}

/** A rule that applies, with its due date; its words are only built when it is due within the horizon. */
export interface Finding {
  dueDate: string;
  words: () => Words;
}

/** The rule could not be evaluated for this case alone (ALLOCATION-GRADE with an unknown staff code). */
export interface NotEvaluatedFinding {
  notEvaluated: string;
}

/** A finding's words: its reason, how its due date was reached, the evidence and the settings it used. */
export interface Words {
  reason: string;
  dueRule: string;
  evidence: FlagEvidence[];
  keys: SettingKey[];
}

/** What every rule sees of one case as of the evaluation date. */
export interface RuleCase {
  ev: CaseEvidence;
  ctx: EvalContext;
  policy: Policy;
  facts: Facts;
  /** The case's allocation date. */
  alloc: string;
  allocEvidence: FlagEvidence;
  /** MAPPA level 1 on the as-of date, with its MAPP registration. */
  mappaL1: boolean;
  /** Contacts dated on or before as-of whose code is in `codes`, as rule evidence. */
  contactsIn: (codes: readonly string[]) => Dated[];
  /** The oversight evidence on or after allocation, when the case is in scope of SPO oversight. */
  oversight: OversightEvidence | null;
  /** What puts the case in scope of SPO oversight, in words and as evidence. */
  scope: () => Scope;
}

export interface OversightEvidence {
  /** The later of allocation and in-scope-since: when the first oversight is counted from. */
  start: string;
  latest: Dated | null;
}

export interface Scope {
  roshWords: string | null;
  words: string;
  evidence: FlagEvidence[];
}
