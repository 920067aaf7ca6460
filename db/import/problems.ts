import type { ExtractKind, ImportWarning, RowError } from '../contract/index.js';

/** Collects row errors, listing the first few hundred and counting the rest. */
export class ErrorList {
  readonly listed: RowError[] = [];
  omitted = 0;
  rejectedRows = 0;
  fileErrors = 0;
  constructor(private readonly max: number) {}
  add(e: RowError): void {
    if (this.listed.length < this.max) this.listed.push(e);
    else this.omitted++;
  }
  fileError(file: string, reason: string, line?: number): void {
    this.fileErrors++;
    this.add(line === undefined ? { file, reason } : { file, line, reason });
  }
}

/** Codes outside the app's lists are kept as written; the report says which, once per column. */
export class UnknownCodes {
  private readonly seen = new Map<string, { file: string; column: string; count: number; values: Set<string> }>();
  note(kind: ExtractKind, file: string, column: string, value: string): void {
    const key = `${kind}\u0000${column}`;
    let entry = this.seen.get(key);
    if (!entry) {
      entry = { file, column, count: 0, values: new Set() };
      this.seen.set(key, entry);
    }
    entry.count++;
    if (entry.values.size < 8) entry.values.add(value);
  }
  warnings(): ImportWarning[] {
    return [...this.seen.values()].map((e) => ({
      file: e.file,
      reason: `${e.count} rows have a ${e.column} the app does not know (${[...e.values].join(', ')}${e.values.size >= 8 ? ', …' : ''}); kept as written`,
    }));
  }
}
