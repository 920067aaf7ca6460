/**
 * Who is using the app (asked on first run; recorded in reviews and the audit log beside the
 * operating-system account).
 */
import { z } from 'zod';
import { orgCode, requiredText } from './fields.js';

export const profileSetInput = z.object({
  name: requiredText(200),
  /** The nDelius staff code, e.g. N99S001. */
  staffCode: orgCode,
  /** The team the user oversees; the queue opens on it. */
  teamCode: orgCode,
});

export interface Profile {
  osUser: string;
  name: string;
  staffCode: string;
  teamCode: string;
  /** UTC ISO timestamp. */
  updatedAt: string;
}

export const profileInputs = {
  'profile:get': z.object({}),
  'profile:set': profileSetInput,
} as const satisfies Record<keyof ProfileResults, z.ZodType>;

export interface ProfileResults {
  'profile:get': Profile | null;
  'profile:set': Profile;
}
