import { operationNames, type InputOf, type Operation, type Progress, type Result, type ResultOf } from '../contract/index.js';
import type { Service } from './index.js';
import { appUserLabel } from './profile.js';
import type { CallContext } from './types.js';

export type HostCall = <O extends Operation>(op: O, input: unknown, onProgress?: (p: Progress) => void) => Promise<Result<ResultOf<O>>>;

export function isOperation(name: string): name is Operation {
  return (operationNames as readonly string[]).includes(name);
}

/**
 * How a host (Electron IPC, the preview host) runs a call that came from the renderer. The input
 * stays unknown until dispatch validates it against the contract. The app user is whoever said who
 * they are on first run, so reviews and the audit log name them beside the OS account.
 */
export function hostCaller(service: Service): HostCall {
  // Read once, then kept in step with profile:set: every call needs it, and only this host changes it.
  let appUser: Promise<string | undefined> | undefined;
  const currentAppUser = () =>
    (appUser ??= service.call('profile:get', {}).then((r) => (r.ok && r.value ? appUserLabel(r.value) : undefined)));

  return async (op, input, onProgress) => {
    const user = await currentAppUser();
    const ctx: CallContext = { ...(user ? { appUser: user } : {}), ...(onProgress ? { onProgress } : {}) };
    // Unknown on purpose: dispatch checks it against the contract's schema before any handler runs.
    const result = await service.call(op, input as InputOf<typeof op>, ctx);
    if (op === 'profile:set' && result.ok) appUser = undefined;
    return result;
  };
}
