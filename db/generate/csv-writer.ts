import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * RFC 4180 quoting for one field. The generator's own values never need it, but free text (names,
 * sentence types) goes through here so a future word list cannot silently break a file.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One LF-terminated record. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

export interface LineSink {
  /** `line` is a complete record ending in "\n", already quoted where needed. */
  write(line: string): void;
}

export interface WrittenFile {
  name: string;
  rows: number;
  bytes: number;
}

const DEFAULT_BUFFER_BYTES = 1 << 20;

/**
 * Appends records to a file through a fixed buffer flushed with writeSync: a national extract is
 * hundreds of megabytes and must never be held in memory, and one syscall per row would be slow.
 */
export class CsvFileWriter implements LineSink {
  private readonly fd: number;
  private readonly buffer: Buffer;
  private used = 0;
  private bytes = 0;
  private closed = false;
  rows = 0;

  constructor(
    readonly dir: string,
    readonly name: string,
    header: readonly string[],
    bufferBytes = DEFAULT_BUFFER_BYTES,
  ) {
    this.buffer = Buffer.allocUnsafe(bufferBytes);
    this.fd = openSync(join(dir, name), 'w');
    this.append(csvLine(header));
  }

  write(line: string): void {
    this.append(line);
    this.rows++;
  }

  /** Flushes and closes; safe to call twice so error paths can close everything unconditionally. */
  close(): WrittenFile {
    if (!this.closed) {
      this.closed = true;
      try {
        this.flush();
      } finally {
        closeSync(this.fd);
      }
    }
    return { name: this.name, rows: this.rows, bytes: this.bytes };
  }

  private append(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8, so this bound guarantees the write fits.
    const worst = text.length * 3;
    if (this.used + worst > this.buffer.length) {
      this.flush();
      if (worst > this.buffer.length) {
        this.writeAll(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private flush(): void {
    if (this.used === 0) return;
    this.writeAll(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(data: Uint8Array): void {
    let off = 0;
    // writeSync may write less than asked (e.g. to a pipe or a full disk's last blocks).
    while (off < data.length) off += writeSync(this.fd, data, off, data.length - off);
    this.bytes += data.length;
  }
}

/** The file name of the n-th (1-based) part of a split kind: contacts-01.csv, contacts-02.csv, … */
export function partName(stem: string, n: number): string {
  return `${stem}-${String(n).padStart(2, '0')}.csv`;
}

/**
 * Splits one kind across numbered files of at most `maxRows` data rows each: the importer refuses
 * any single file over 2,000,000 rows or 200 MB, and a national extract has ~15M contacts.
 */
export class RotatingCsvWriter implements LineSink {
  private readonly done: WrittenFile[] = [];
  private current: CsvFileWriter;

  constructor(
    private readonly dir: string,
    private readonly stem: string,
    private readonly header: readonly string[],
    private readonly maxRows: number,
  ) {
    if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`maxRows must be a positive integer: ${maxRows}`);
    // The first part always exists, so a kind with no rows still yields a file with its header.
    this.current = new CsvFileWriter(dir, partName(stem, 1), header);
  }

  write(line: string): void {
    if (this.current.rows >= this.maxRows) {
      this.done.push(this.current.close());
      this.current = new CsvFileWriter(this.dir, partName(this.stem, this.done.length + 1), this.header);
    }
    this.current.write(line);
  }

  close(): WrittenFile[] {
    return [...this.done, this.current.close()];
  }
}
