import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'binary';

export interface Sniffed {
  sha256: string;
  bytes: number;
  encoding: DetectedEncoding;
  /** Records after the header, counted by line breaks outside quotes (before parsing). */
  rows: number;
}

const CHUNK = 1 << 20;

/** Length of an incomplete UTF-8 sequence at the end of `buf` (0–3), so it can be carried over. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

function bomEncoding(head: Buffer): DetectedEncoding | null {
  if (head[0] === 0xff && head[1] === 0xfe) return head[2] === 0 && head[3] === 0 ? 'utf-32le' : 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return 'utf-32be';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  return null;
}

/** Text without a BOM whose every other byte is NUL is UTF-16; text full of control bytes is not text. */
function guessFromHead(head: Buffer): DetectedEncoding | null {
  const n = Math.min(head.length, 4096);
  if (n === 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i] ?? 0;
    if (b === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    } else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) controls++;
  }
  if (oddNul > n / 4 && evenNul < n / 20) return 'utf-16le';
  if (evenNul > n / 4 && oddNul < n / 20) return 'utf-16be';
  if ((evenNul + oddNul + controls) > n / 20) return 'binary';
  return null;
}

/**
 * One pass over the raw bytes before anything is parsed: the SHA-256 for the import log, the
 * encoding (a BOM, strict UTF-8, or not UTF-8 at all), and the row count for the row limit.
 */
export async function sniffFile(path: string): Promise<Sniffed> {
  const hash = createHash('sha256');
  let bytes = 0;
  let encoding: DetectedEncoding | null = null;
  let utf8Valid = true;
  let carry = Buffer.alloc(0);
  let inQuotes = false;
  let breaks = 0;
  let lastByte = -1;

  for await (const raw of createReadStream(path, { highWaterMark: CHUNK })) {
    const chunk = raw as Buffer;
    hash.update(chunk);
    if (bytes === 0) encoding = bomEncoding(chunk) ?? guessFromHead(chunk);
    bytes += chunk.length;
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1] ?? -1;

    if (utf8Valid) {
      const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const tail = incompleteTail(joined);
      utf8Valid = isUtf8(joined.subarray(0, joined.length - tail));
      carry = Buffer.from(joined.subarray(joined.length - tail));
    }

    // Record breaks are LF (CRLF ends in LF) outside quotes; "" inside quotes toggles twice.
    // The next quote is looked up only once it has been passed: rescanning per line is quadratic.
    let i = 0;
    let q = chunk.indexOf(0x22);
    for (;;) {
      if (q !== -1 && q < i) q = chunk.indexOf(0x22, i);
      if (inQuotes) {
        if (q === -1) break;
        inQuotes = false;
        i = q + 1;
        continue;
      }
      const nl = chunk.indexOf(0x0a, i);
      if (nl !== -1 && (q === -1 || nl < q)) {
        breaks++;
        i = nl + 1;
      } else if (q !== -1) {
        inQuotes = true;
        i = q + 1;
      } else break;
    }
  }
  if (carry.length) utf8Valid = false;

  if (encoding === null) encoding = utf8Valid ? 'utf-8' : 'windows-1252';
  const lines = bytes === 0 ? 0 : breaks + (lastByte === 0x0a ? 0 : 1);
  return { sha256: hash.digest('hex'), bytes, encoding, rows: Math.max(0, lines - 1) };
}

/**
 * The characters outside ASCII in a Windows-1252 file, each with the first line it is on, so the
 * user can see what they are confirming (`£`, `’`, `é`).
 */
export async function nonAsciiCharacters(path: string, max = 20): Promise<{ char: string; line: number }[]> {
  const decoder = new TextDecoder('windows-1252');
  const found = new Map<string, number>();
  let line = 1;
  for await (const raw of createReadStream(path, { highWaterMark: CHUNK })) {
    const text = decoder.decode(raw as Buffer, { stream: true });
    for (const ch of text) {
      if (ch === '\n') line++;
      else if (ch.charCodeAt(0) > 0x7f && !found.has(ch)) {
        found.set(ch, line);
        if (found.size >= max) return [...found].map(([char, l]) => ({ char, line: l }));
      }
    }
  }
  return [...found].map(([char, l]) => ({ char, line: l }));
}
