/**
 * What the nDelius and OASys codes mean, in DOMAIN.md's words, for the case screen. Codes the
 * app does not know (local registers, everyday contact types) have no entry: the screen shows the
 * code as written rather than guess.
 */

export const registerMeanings: Readonly<Record<string, string>> = {
  RLRH: 'RoSH low',
  RMRH: 'RoSH medium',
  RHRH: 'RoSH high',
  RVHR: 'RoSH very high',
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
  MO1: 'Management oversight',
  MO8: 'Management oversight (MO8)',
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
  PSQ: 'Probation services officer (PSO)',
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
