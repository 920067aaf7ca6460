import { useEffect, type RefObject } from 'react';
import type { QueueTableHandle } from './QueueTable.js';

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable)
  );
}

/**
 * The queue's keys: "/" focuses the search; j or ↓ and k or ↑ move the selected row; Enter opens
 * it. j and k work anywhere but in a form field; the arrows and Enter only in the list (or with
 * nothing focused), so they keep their usual jobs everywhere else.
 */
export function useQueueKeys(opts: {
  search: RefObject<HTMLInputElement | null>;
  table: RefObject<QueueTableHandle | null>;
  move: (delta: number) => number;
  open: () => void;
}): void {
  const { search, table, move, open } = opts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (typingIn(e.target)) return;
      if (e.key === '/') {
        e.preventDefault();
        search.current?.focus();
        return;
      }
      const inList = table.current?.hasFocus() === true || e.target === document.body;
      const step = e.key === 'j' || (inList && e.key === 'ArrowDown') ? 1 : e.key === 'k' || (inList && e.key === 'ArrowUp') ? -1 : 0;
      if (step !== 0) {
        e.preventDefault();
        table.current?.focusRow(move(step));
        return;
      }
      // On a row's link, Enter follows the link itself.
      if (e.key === 'Enter' && inList && !(e.target instanceof HTMLAnchorElement)) {
        e.preventDefault();
        open();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [search, table, move, open]);
}
