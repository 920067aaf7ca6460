/** Input fields several domains' schemas share. */
import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { contactCodePattern, reviewLimits } from './limits.js';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  // Tagged so a form's words can tell a date that does not exist from a rule between two dates.
  .refine(isIsoDate, { message: 'not a calendar date', params: { notARealDate: true } });

export const crnField = z
  .string({ error: 'required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][0-9]{6}$/, 'expected a CRN: one letter and six digits');
export const requiredText = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, `at most ${max} characters`);
export const optionalText = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
export const contactCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(contactCodePattern, `an nDelius contact type code: letters and digits, at most ${String(reviewLimits.contactCode)}`);

export const orgCode = z
  .string({ error: 'required' })
  .trim()
  .toUpperCase()
  .min(1, 'required')
  .regex(/^[A-Z0-9]{1,20}$/, 'letters and digits only, at most 20');

export const teamCodeField = z.string().trim().min(1).max(20).toUpperCase();
