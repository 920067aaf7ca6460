import type { Operation } from '../contract/index.js';
import { auditRule } from '../service/audit-map.js';
import type { Service } from '../service/index.js';

/**
 * Whether an operation can answer from a database opened read-only: it writes nothing, not even an
 * audit entry (a logged read must log, and what cannot be logged is not shown).
 */
export function answersReadOnly(op: Operation): boolean {
  const rule = auditRule(op);
  return rule !== undefined && 'notLogged' in rule && op !== 'import:preview';
}

/**
 * A service over a database that failed its start-up check: reads that log nothing work, the rest
 * answer `message`. So does a read that fails anyway (one that keeps a cache, say, cannot write it).
 */
export function readOnlyService(inner: Service, message: string): Service {
  const refused = { ok: false, error: { code: 'io', message } } as const;
  return {
    call: async (op, input, ctx) => {
      if (!answersReadOnly(op)) return refused;
      const result = await inner.call(op, input, ctx);
      return !result.ok && result.error.code === 'internal' ? refused : result;
    },
    close: () => {
      inner.close();
    },
  };
}
