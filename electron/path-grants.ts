import { extname, isAbsolute, relative, resolve } from 'node:path';
import { expectedExtension, inputs, pathValues, type Operation, type PathValue, type Result } from '../db/contract/index.js';

/**
 * The files and folders the user has picked in one of the app's own native dialogs during this
 * launch, split by what the dialog was for. Operations that read or write a path (import, export,
 * verify) only accept a path their kind of dialog gave, so a page that has been subverted cannot
 * make the main process read `~/.ssh` as an "extract", write an "export" over a system file, or
 * write into the folder the user only chose to import from: the path must have come from the user,
 * for that purpose.
 */
export interface PathGrants {
  /** A folder or file picked to open: it and (a folder) everything inside it may be read. */
  grantRead(paths: readonly string[]): void;
  /** The exact file picked in a save dialog for a file of `extension` (`csv`, `pdf`, `json`). */
  grantWrite(path: string, extension: string): void;
  allowsRead(path: string): boolean;
  allowsWrite(path: string, extension: string): boolean;
}

const within = (root: string, target: string) => {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** `.CSV` and `.csv` are the same type; the dialog's filter and the export agree on the lower case. */
const extensionOf = (path: string) => extname(path).slice(1).toLowerCase();

export function pathGrants(): PathGrants {
  const reads = new Set<string>();
  /** Resolved path → the extension the save dialog was opened for. */
  const writes = new Map<string, string>();
  return {
    grantRead: (paths) => {
      for (const p of paths) reads.add(resolve(p));
    },
    grantWrite: (path, extension) => {
      writes.set(resolve(path), extension.toLowerCase());
    },
    allowsRead: (path) => {
      const target = resolve(path);
      for (const root of reads) if (within(root, target)) return true;
      return false;
    },
    allowsWrite: (path, extension) => {
      const granted = writes.get(resolve(path));
      return granted !== undefined && granted === extension.toLowerCase() && extensionOf(path) === granted;
    },
  };
}

/**
 * The save dialog's answer with the format's extension: a name typed without one (`log`) is saved
 * as `log.pdf`, so the file, its write grant and the export agree on what it is.
 */
export function withExtension(path: string, extension: string): string {
  return extensionOf(path) === extension.toLowerCase() ? path : `${path}.${extension}`;
}

export const ungrantedPath = {
  ok: false,
  error: { code: 'forbidden', message: 'refused: choose the file or folder in the app’s own dialog' },
} as const satisfies Result<never>;

function allowed(p: PathValue, grants: PathGrants, parsed: unknown): boolean {
  if (p.spec.access === 'read') {
    // A folder for the import is read whole (its name may hold a dot); a single file must be of a type the field reads.
    const typed = p.spec.kind === 'folder-or-files' || p.spec.extensions.includes(extensionOf(p.value));
    return typed && grants.allowsRead(p.value);
  }
  const extension = expectedExtension(p.spec, parsed);
  return extension !== undefined && grants.allowsWrite(p.value, extension);
}

/**
 * Whether every path the input names was granted by a dialog of its field's kind, the fields found
 * by walking the operation's schema (db/contract/path-fields.ts). An input the schema refuses is
 * let through: the service refuses it before any handler, so before any path is touched.
 */
export function checkPaths(op: Operation, input: unknown, grants: PathGrants): Result<never> | null {
  const schema = inputs[op];
  const parsed = schema.safeParse(input);
  if (!parsed.success) return null;
  return pathValues(schema, parsed.data).every((p) => allowed(p, grants, parsed.data)) ? null : ungrantedPath;
}
