import type { RegistrationRow } from './rows.js';

/** The columns of `registrations` the engine reads (not the row id or the raw text). */
export const REGISTRATION_FIELDS = 'crn, register_code, level_code, category_code, registration_date, next_review_date, deregistration_date';
export type RegistrationFields = Omit<RegistrationRow, 'id' | 'raw_json' | 'extra_json'>;

/** An nDelius registration (risk flag), as the engine uses it. */
export interface StoredRegistration {
  crn: string;
  code: string;
  level: string | null;
  category: string | null;
  registrationDate: string;
  nextReviewDate: string | null;
  deregistrationDate: string | null;
}

export function toRegistration(r: RegistrationFields): StoredRegistration {
  return {
    crn: r.crn,
    code: r.register_code,
    level: r.level_code,
    category: r.category_code,
    registrationDate: r.registration_date,
    nextReviewDate: r.next_review_date,
    deregistrationDate: r.deregistration_date,
  };
}

/**
 * Active on `asOf`: registered on or before it, and not deregistered on or before it
 * (oversight-rules.md, "Terms"). Plain strings, as the rules call it for every registration.
 */
export function activeOn(registeredOn: string, deregisteredOn: string | null, asOf: string): boolean {
  return registeredOn <= asOf && (deregisteredOn === null || deregisteredOn > asOf);
}

/** The same test in SQL, on the named parameter `@asOf`. */
export const ACTIVE_ON_SQL = 'registration_date <= @asOf AND (deregistration_date IS NULL OR deregistration_date > @asOf)';
