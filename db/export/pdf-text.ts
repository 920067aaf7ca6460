/**
 * pdfkit's standard fonts (Helvetica, Courier) cover WinAnsi only; any other character comes out
 * as a broken hex string. The PDF is the reading copy — the CSV and JSON keep every character —
 * so text is brought into WinAnsi: accents are kept where WinAnsi has the letter, otherwise the
 * base letter is used, and anything else becomes "?".
 */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const fallbacks: Readonly<Record<string, string>> = {
  Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't', Ø: 'Ø', ß: 'ß',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2212': '-', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2192': '->',
};

function inWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0x0a) return true;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return false;
  return code <= 0xff || winAnsiExtras.has(ch);
}

export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (inWinAnsi(ch)) out += ch;
    else if (ch === '\t' || ch === '\r') out += ' ';
    else if (fallbacks[ch] !== undefined) out += fallbacks[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && Array.from(base).every(inWinAnsi) ? base : '?';
    }
  }
  return out;
}
