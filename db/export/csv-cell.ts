/**
 * One CSV cell, RFC 4180, made safe to open in a spreadsheet.
 *
 * OWASP "CSV injection": a cell that begins with =, +, -, @, tab or carriage return can be read
 * as a formula (or a DDE call) by Excel and LibreOffice — and so can one where spaces, tabs, line
 * breaks or quotes come before the trigger (spreadsheets trim them), or where the trigger is its
 * full-width form (＝ ＋ － ＠, which some locales' spreadsheets take as the ASCII sign). Such a
 * cell gets a leading single quote, which both show as text. A genuine number (-5, -3.2, +7) is
 * left alone so it still reads back as a number. A cell that already begins with a quote gets one
 * more, so the rule can be undone exactly (`readCell`).
 */

/** Whitespace and quotes a spreadsheet may skip, then a formula trigger (ASCII or full-width). */
const triggerAfterPadding = /^[\s\u00a0\u3000'"]*[=+\-@\uff1d\uff0b\uff0d\uff20]/u;
const number = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

/**
 * The characters a risky cell can begin with, by char code: the common case (a letter or digit)
 * costs one comparison before any pattern runs.
 */
const riskyStart = new Set([
  0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d, 0x27, // = + - @ tab CR '
  0x20, 0x0a, 0x0b, 0x0c, 0x22, 0xa0, 0x3000, // space LF VT FF " no-break space, ideographic space
  0xff1d, 0xff0b, 0xff0d, 0xff20, // full-width = + - @
]);

function risky(value: string): boolean {
  const first = value.charCodeAt(0);
  if (!riskyStart.has(first)) return false;
  // A tab, carriage return or quote at the start is marked whatever follows, so readCell can undo it.
  return first === 0x09 || first === 0x0d || first === 0x27 || triggerAfterPadding.test(value);
}

export function neutralise(value: string): string {
  return risky(value) && !number.test(value) ? `'${value}` : value;
}

/** The inverse of `neutralise`, for reading an export's own header back. */
export function readCell(value: string): string {
  return value.startsWith("'") && risky(value.slice(1)) ? value.slice(1) : value;
}

const needsQuotes = /[",\r\n]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and line
 * breaks).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
