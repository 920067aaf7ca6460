import { isAbsolute, relative, resolve } from 'node:path';

/**
 * The files and folders the user has picked in one of the app's own native dialogs during this
 * launch. Operations that read or write a path (import, export, verify) only accept paths inside
 * a grant, so a page that has been subverted cannot make the main process read `~/.ssh` as an
 * "extract" or write an "export" over a system file: the path must have come from the user.
 */
export interface PathGrants {
  grant(paths: readonly string[]): void;
  allows(path: string): boolean;
}

export function pathGrants(): PathGrants {
  const granted = new Set<string>();
  return {
    grant: (paths) => {
      for (const p of paths) granted.add(resolve(p));
    },
    allows: (path) => {
      const target = resolve(path);
      for (const root of granted) {
        const rel = relative(root, target);
        if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return true;
      }
      return false;
    },
  };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The paths an operation's input names, for the operations that take any; `[]` for the rest. */
export function pathsNamedBy(op: string, input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return [];
  const fields: Record<string, unknown> = { ...input };
  switch (op) {
    case 'import:preview':
    case 'import:commit':
      return strings(fields.paths);
    case 'log:export':
      return strings(fields.out);
    case 'log:verify':
      return strings(fields.path);
    default:
      return [];
  }
}
