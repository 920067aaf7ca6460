/**
 * What the nDelius and OASys codes mean, in DOMAIN.md's words. A code the app does not know (a
 * local register, a contact type the generator never writes) has no entry: it is shown as written,
 * with "(not a code the app knows)", rather than guessed at. `describeCode` (meanings.ts) is the one
 * way screens, the PDF and the CSV read these tables.
 */

export const registerMeanings: Readonly<Record<string, string>> = {
  RLRH: 'Low RoSH',
  RMRH: 'Medium RoSH',
  RHRH: 'High RoSH',
  RVHR: 'Very high RoSH',
  MAPP: 'MAPPA',
  ADVP: 'Domestic abuse perpetrator',
  REG30: 'Domestic abuse history',
  ADVV: 'Domestic abuse victim',
  RCCO: 'Child concerns',
  RCPR: 'Child protection',
  RCHD: 'Risk to children',
  // Registrations no rule uses (the names HMPPS services give them).
  WEAP: 'Weapons',
  RMDO: 'Mental health issues',
  IRMO: 'Hate crime',
  STRG: 'Street gangs',
  RTAO: 'Terrorism',
  ALSH: 'Suicide or self-harm',
};

export const contactMeanings: Readonly<Record<string, string>> = {
  // Everyday supervision: most of a case's contacts, none of them evidence for a rule.
  COAP: 'Office appointment',
  COPT: 'Planned telephone contact',
  CHVS: 'Home visit',
  CRSC: 'Review of supervision',
  CTXT: 'Text message',
  CLTR: 'Letter sent',
  CUWA: 'Unpaid work attendance',
  CPRG: 'Accredited programme session',
  CAPF: 'Failed to attend',
  CMAP: 'MAPPA meeting',
  // Oversight, checks and referrals (DOMAIN.md).
  MO1: 'Management oversight',
  // DOMAIN.md gives MO8 no words of its own; the code beside it tells it from MO1.
  MO8: 'Management oversight',
  CSPO: 'Consultation with SPO',
  C053: 'Case decisions',
  C281: 'MAPPA level 1 review',
  C369: 'Police domestic-abuse enquiry requested',
  C515: 'Police domestic-abuse enquiry response',
  SFGC: "Children's services safeguarding enquiry requested",
  SFRR: "Children's services safeguarding enquiry response",
  CGRF: 'Referral',
  C347: 'Finance, benefit and debt referral',
  CLDR: 'Drug and alcohol treatment provider liaison',
};

export const gradeMeanings: Readonly<Record<string, string>> = {
  PSQ: 'Probation services officer',
  PSP: 'PQiP trainee probation officer',
  PSM: 'Probation officer',
  PSC: 'Senior probation officer',
};

export const needMeanings: Readonly<Record<string, string>> = {
  ACCOMMODATION: 'Accommodation',
  ETE: 'Education, training and employment',
  RELATIONSHIPS: 'Relationships',
  LIFESTYLE: 'Lifestyle and associates',
  DRUG: 'Drug misuse',
  ALCOHOL: 'Alcohol misuse',
  THINKING_BEHAVIOUR: 'Thinking and behaviour',
  ATTITUDES: 'Attitudes',
  FINANCE: 'Finance',
  EMOTIONAL: 'Emotional wellbeing',
};

/** `MAPP` M1/M2: MAPPA category and level in words. */
export function registrationDetail(code: string, level: string | null, category: string | null): string | null {
  if (code === 'MAPP') {
    const parts = [category ? `category ${category.replace(/^M/, '')}` : null, level ? `level ${level.replace(/^M/, '')}` : null].filter(Boolean);
    return parts.length ? parts.join(', ') : null;
  }
  const parts = [level ? `level ${level}` : null, category ? `category ${category}` : null].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}
