import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportWarning } from '../contract/index.js';
import { DomainError } from '../errors.js';

/** The CSV files an import reads: each file named, and every .csv in each folder named (in name order). */
export async function listFiles(paths: readonly string[], warnings: ImportWarning[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new DomainError('invalid-input', `no such file or folder: ${p}`, 'paths');
    if (info.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        if (e.isFile() && e.name.toLowerCase().endsWith('.csv')) files.push(join(p, e.name));
        else if (e.isFile()) warnings.push({ file: e.name, reason: 'not a .csv file; ignored' });
      }
    } else files.push(p);
  }
  if (files.length === 0) throw new DomainError('invalid-input', `no CSV files in ${paths.join(', ')}`, 'paths');
  return files;
}
