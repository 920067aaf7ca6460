import { z } from 'zod';
import type { Policy, SettingBasis, SettingKey, SettingValue } from '../contract/index.js';
import { codeListText, settingTitles } from '../contract/words/meanings.js';

/**
 * Every number and code list of oversight-rules.md as a setting: its default, unit, what it means,
 * and how firm the default is (DOMAIN.md's table). The app shows the basis next to each setting
 * and in each flag's explanation, so a local or inferred default is never passed off as national
 * policy.
 */
export interface SettingDef<K extends SettingKey = SettingKey> {
  key: K;
  default: Policy[K];
  unit: string;
  description: string;
  basis: SettingBasis;
  basisNote: string;
  schema: z.ZodType<Policy[K]>;
}

const MAX_DAYS = 3650;
const days = z
  .number({ error: 'expected a whole number of days' })
  .int('expected a whole number of days')
  .min(1, 'expected at least 1 day')
  .max(MAX_DAYS, `expected at most ${MAX_DAYS} days (ten years)`);

/** Codes are compared trimmed and upper-cased, so they are stored that way. */
const code = z
  .string({ error: 'expected a code' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_]{1,20}$/, 'expected a code of letters, digits or _ (e.g. MO1)');

const codeList = z
  .array(code, { error: 'expected a list of codes, e.g. ["MO1","MO8"]' })
  .min(1, 'expected at least one code')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const c of list) {
      if (seen.has(c)) ctx.addIssue({ code: 'custom', message: `${c} is listed twice` });
      seen.add(c);
    }
  });

const referralCodes = z
  .record(code, codeList, { error: 'expected codes per need, e.g. {"DRUG":["CLDR","CGRF"]}' })
  .refine((r) => Object.keys(r).length > 0, 'expected codes for at least one need');

const threshold = z
  .number({ error: 'expected a number, e.g. 1.0 for 100%' })
  .positive('expected a ratio above 0, e.g. 1.0 for 100%')
  .max(10, 'expected at most 10 (1,000%)');

const def = <K extends SettingKey>(d: SettingDef<K>): SettingDef<K> => d;

const CONFIGURABLE = 'configurable';

export const settingDefs = {
  newCaseOversightDays: def({
    key: 'newCaseOversightDays',
    default: 15,
    unit: 'days',
    description: 'First SPO oversight of a new high-risk or MAPPA level 1 case is due this many days after allocation (or after it came into scope).',
    basis: 'local practice',
    basisNote: `HMPPS "touchpoint" practice (Manage a Workforce design research), not national policy text; ${CONFIGURABLE}`,
    schema: days,
  }),
  oversightIntervalDays: def({
    key: 'oversightIntervalDays',
    default: 84,
    unit: 'days',
    description: 'Repeat SPO oversight of a high-risk or MAPPA level 1 case is due this many days after the last (84 = 12 weeks).',
    basis: 'inference',
    basisNote: `inference from the inspectorate's findings; ${CONFIGURABLE}`,
    schema: days,
  }),
  mappaL1ReviewDays: def({
    key: 'mappaL1ReviewDays',
    default: 112,
    unit: 'days',
    description: 'A MAPPA level 1 case is reviewed this many days after registration or its last level 1 review (112 = 16 weeks).',
    basis: 'MAPPA guidance',
    basisNote: 'MAPPA Guidance as quoted by HMIP/HMIC (level 1 cases reviewed every four months)',
    schema: days,
  }),
  roshMissingDays: def({
    key: 'roshMissingDays',
    default: 15,
    unit: 'days',
    description: 'A case with no RoSH level is flagged this many days after allocation.',
    basis: 'inference',
    basisNote: CONFIGURABLE,
    schema: days,
  }),
  roshReassessmentDays: def({
    key: 'roshReassessmentDays',
    default: 365,
    unit: 'days',
    description: 'An OASys RoSH assessment is due for renewal this many days after it was done.',
    basis: 'inference',
    basisNote: CONFIGURABLE,
    schema: days,
  }),
  checkRequestDays: def({
    key: 'checkRequestDays',
    default: 10,
    unit: 'days',
    description: 'A police domestic-abuse or children’s services check is due to be requested this many days after allocation or registration.',
    basis: 'inference',
    basisNote: `the inspectorate's findings; the timing is inference, ${CONFIGURABLE}`,
    schema: days,
  }),
  checkResponseDays: def({
    key: 'checkResponseDays',
    default: 14,
    unit: 'days',
    description: 'A response to a police domestic-abuse or children’s services check is due this many days after the request.',
    basis: 'inference',
    basisNote: `the inspectorate's findings; the timing is inference, ${CONFIGURABLE}`,
    schema: days,
  }),
  referralDays: def({
    key: 'referralDays',
    default: 56,
    unit: 'days',
    description: 'A referral for a need linked to harm or reoffending is due this many days after allocation.',
    basis: 'inference',
    basisNote: `inference from the inspectorate's findings; ${CONFIGURABLE}`,
    schema: days,
  }),
  dueSoonDays: def({
    key: 'dueSoonDays',
    default: 14,
    unit: 'days',
    description: 'A rule whose due date is at most this many days ahead is shown as due soon.',
    basis: 'local practice',
    basisNote: `the app's planning horizon, not a policy timescale; ${CONFIGURABLE}`,
    schema: days,
  }),
  capacityThreshold: def({
    key: 'capacityThreshold',
    default: 1.0,
    unit: 'ratio of points used to points available',
    description: 'A practitioner whose workload points used reach this share of points available is over capacity (1.0 = 100%).',
    basis: 'national policy',
    basisNote: "the Workload Measurement Tool's own threshold (100% of points)",
    schema: threshold,
  }),
  oversightContactCodes: def({
    key: 'oversightContactCodes',
    default: ['MO1', 'MO8', 'CSPO', 'C053'],
    unit: 'nDelius contact type codes',
    description: 'Contacts that evidence SPO management oversight (MO1 management oversight, MO8, CSPO consultation with SPO, C053 case decisions).',
    basis: 'nDelius',
    basisNote: 'nDelius contact types',
    schema: codeList,
  }),
  mappaReviewContactCodes: def({
    key: 'mappaReviewContactCodes',
    default: ['C281'],
    unit: 'nDelius contact type codes',
    description: 'Contacts that evidence a MAPPA level 1 review.',
    basis: 'nDelius',
    basisNote: 'nDelius contact types',
    schema: codeList,
  }),
  domesticAbuseCodes: def({
    key: 'domesticAbuseCodes',
    default: ['ADVP', 'REG30'],
    unit: 'nDelius register codes',
    description: 'Registrations that call for a police domestic-abuse check (ADVP perpetrator, REG30 history).',
    basis: 'nDelius',
    basisNote: 'nDelius registers',
    schema: codeList,
  }),
  policeCheckRequestCodes: def({
    key: 'policeCheckRequestCodes',
    default: ['C369'],
    unit: 'nDelius contact type codes',
    description: 'Contacts that record a police domestic-abuse enquiry being requested.',
    basis: 'nDelius',
    basisNote: 'nDelius contact types',
    schema: codeList,
  }),
  policeCheckResponseCodes: def({
    key: 'policeCheckResponseCodes',
    default: ['C515'],
    unit: 'nDelius contact type codes',
    description: 'Contacts that record the police response to a domestic-abuse enquiry.',
    basis: 'nDelius',
    basisNote: 'nDelius contact types',
    schema: codeList,
  }),
  childSafeguardingCodes: def({
    key: 'childSafeguardingCodes',
    default: ['RCCO', 'RCPR', 'RCHD'],
    unit: 'nDelius register codes',
    description: 'Registrations that call for a children’s services safeguarding check (RCCO child concerns, RCPR child protection, RCHD risk to children).',
    basis: 'nDelius',
    basisNote: 'nDelius registers',
    schema: codeList,
  }),
  childrenCheckRequestCodes: def({
    key: 'childrenCheckRequestCodes',
    default: ['SFGC'],
    unit: 'nDelius contact type codes',
    description: 'Contacts that record a children’s services safeguarding enquiry being requested.',
    basis: 'nDelius',
    basisNote: 'nDelius contact types',
    schema: codeList,
  }),
  childrenCheckResponseCodes: def({
    key: 'childrenCheckResponseCodes',
    default: ['SFRR'],
    unit: 'nDelius contact type codes',
    description: 'Contacts that record the children’s services response.',
    basis: 'nDelius',
    basisNote: 'nDelius contact types',
    schema: codeList,
  }),
  referralNeeds: def({
    key: 'referralNeeds',
    default: ['DRUG', 'ALCOHOL', 'ETE', 'FINANCE'],
    unit: 'OASys need sections',
    description: 'Needs that call for a referral when the need is standard or severe and linked to harm or reoffending.',
    basis: 'inference',
    basisNote: "inference from the inspectorate's findings (drug and alcohol treatment, education and employment, finance, benefits and debt)",
    schema: codeList,
  }),
  referralCodes: def({
    key: 'referralCodes',
    default: { DRUG: ['CLDR', 'CGRF'], ALCOHOL: ['CLDR', 'CGRF'], ETE: ['CGRF'], FINANCE: ['C347', 'CGRF'] },
    unit: 'nDelius contact type codes per need',
    description: 'For each referral need, the contacts that evidence a referral (CLDR drug/alcohol treatment liaison, CGRF referral, C347 finance/benefit/debt referral).',
    basis: 'nDelius',
    basisNote: 'nDelius contact types',
    schema: referralCodes,
  }),
  restrictedGrades: def({
    key: 'restrictedGrades',
    default: ['PSQ'],
    unit: 'nDelius staff grades',
    description: 'Grades that should not hold a high-risk case (PSQ probation services officer).',
    basis: 'national policy',
    basisNote: 'allocation guidance (PSOs hold low and medium RoSH cases)',
    schema: codeList,
  }),
} satisfies { [K in SettingKey]: SettingDef<K> };

export const settingList: readonly SettingDef[] = Object.values(settingDefs);

export function defaultPolicy(): Policy {
  return structuredClone(Object.fromEntries(settingList.map((d) => [d.key, d.default])) as unknown as Policy);
}

export function settingDef(key: SettingKey): SettingDef {
  return settingDefs[key];
}

export type Validated = { ok: true; value: SettingValue } | { ok: false; message: string };

/** Checks one value against its setting's schema, giving the normalised value or one line on what is wrong. */
export function validateSetting(key: SettingKey, value: unknown): Validated {
  const parsed = settingDef(key).schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  const where = first?.path.length ? ` (at ${first.path.map(String).join('.')})` : '';
  return { ok: false, message: `${first?.message ?? 'not a valid value'}${where}` };
}

/** Checks that hold between settings: every referral need must say which contacts evidence its referral. */
export function policyProblem(policy: Policy): string | null {
  const missing = policy.referralNeeds.filter((n) => !policy.referralCodes[n]);
  if (missing.length) {
    const them = missing.length === 1 ? 'it' : 'them';
    return `${settingTitles.referralNeeds} include ${codeListText('need', missing)}, but ${settingTitles.referralCodes.toLowerCase()} gives no contacts for ${them}; add ${them} there first`;
  }
  return null;
}

/** JSON equality for setting values (numbers, code lists, codes per need). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, canonical(x)]));
  }
  return v;
}
