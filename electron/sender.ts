import { isAppUrl } from './security.js';

/** What an IPC event says about who sent it (IpcMainInvokeEvent, or a fake in the tests). */
export interface IpcSender {
  senderFrame: { url: string; parent: unknown } | null;
  sender: { id: number };
}

/**
 * A handler answers only the app's own page: the top frame of a window the app opened, showing
 * app://renderer. Anything else — a frame that navigated away, an iframe, another web contents —
 * is refused before its input is even read.
 */
export function isTrustedSender(event: IpcSender, appContentsIds: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && appContentsIds.has(event.sender.id) && isAppUrl(frame.url);
}
