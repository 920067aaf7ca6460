import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';

export interface CsvRecord {
  fields: string[];
  /** Physical line the record starts on; the header is line 1. */
  line: number;
}

export interface CsvProblem {
  line: number;
  reason: string;
}

const CHUNK = 1 << 20;

/**
 * Decoded text in chunks, with CRLF folded to LF so files with mixed line ends parse as one.
 * Decoding is strict: bytes that are not valid in the encoding throw, never become U+FFFD.
 */
async function* decodedText(path: string, encoding: 'utf-8' | 'windows-1252'): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let pendingCr = false;
  for await (const raw of createReadStream(path, { highWaterMark: CHUNK })) {
    let text = decoder.decode(raw as Buffer, { stream: true });
    if (pendingCr) text = `\r${text}`;
    pendingCr = text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    if (text) yield text.replaceAll('\r\n', '\n');
  }
  let rest = decoder.decode();
  if (pendingCr) rest = `\r${rest}`;
  if (rest) yield rest.replaceAll('\r\n', '\n');
}

function newlinesIn(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) {
    let i = f.indexOf('\n');
    while (i !== -1) {
      n++;
      i = f.indexOf('\n', i + 1);
    }
  }
  return n;
}

/**
 * Streams the records of an RFC 4180 file to `onRecord`, synchronously one at a time, with the
 * physical line each record starts on. Blank lines are skipped. A quoting error makes the rest of
 * the file unreadable, so it ends the file with a problem naming the line where the bad record
 * starts. `onChunkEnd` is called after the records of each chunk of the file (and when it ends,
 * however it ends), synchronously, before anything is awaited: a caller may write a chunk's records
 * in a transaction that it opens with the first and closes there, and no other work can run inside it.
 */
export function readCsv(
  path: string,
  encoding: 'utf-8' | 'windows-1252',
  onRecord: (record: CsvRecord) => 'stop' | undefined,
  onChunkEnd: () => void = () => undefined,
): Promise<CsvProblem | null> {
  return new Promise((resolve, reject) => {
    let line = 1;
    let problem: CsvProblem | null = null;
    const source = Readable.from(decodedText(path, encoding));
    source.on('error', reject);
    Papa.parse<string[]>(source as unknown as File, {
      delimiter: ',',
      newline: '\n',
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      skipEmptyLines: false,
      step(result, parser) {
        const fields = result.data;
        const start = line;
        line += 1 + newlinesIn(fields);
        const quoteError = result.errors.find((e) => e.type === 'Quotes');
        if (quoteError) {
          problem = {
            line: start,
            reason:
              quoteError.code === 'MissingQuotes'
                ? 'a quoted field is never closed; the rest of the file cannot be read'
                : 'a quoted field is not closed properly (a quote must be followed by a comma or a line end); the rest of the file cannot be read',
          };
          parser.abort();
          return;
        }
        if (fields.length === 1 && fields[0] === '') return; // a blank line
        if (onRecord({ fields, line: start }) === 'stop') parser.abort();
      },
      chunk() {
        onChunkEnd();
      },
      complete() {
        source.destroy();
        onChunkEnd();
        resolve(problem);
      },
      error(err) {
        source.destroy();
        try {
          onChunkEnd();
        } catch {
          // The file's own error is the one to report; the caller's rows were rolled back.
        }
        reject(err);
      },
    });
  });
}

/** The first record of a file, or why it cannot be read. */
export async function readHeader(path: string, encoding: 'utf-8' | 'windows-1252'): Promise<{ header: string[] } | { problem: CsvProblem }> {
  const found: string[][] = [];
  try {
    const problem = await readCsv(path, encoding, (r) => {
      found.push(r.fields);
      return 'stop';
    });
    const header = found[0];
    if (header) return { header };
    return { problem: problem ?? { line: 1, reason: 'the file has no header row' } };
  } catch (e) {
    return { problem: { line: 1, reason: `cannot be decoded as ${encoding}: ${(e as Error).message}` } };
  }
}
