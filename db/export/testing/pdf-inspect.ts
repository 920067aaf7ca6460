/** Test helper: the text of each page content stream of a PDF written by pdfkit with standard fonts. */
import { inflateSync } from 'node:zlib';

export function pdfPageTexts(pdf: Buffer): string[] {
  const latin = pdf.toString('latin1');
  const texts: string[] = [];
  const header = /<<\n([^]*?)\n>>\nstream\n/g;
  for (let m = header.exec(latin); m; m = header.exec(latin)) {
    const dict = m[1] ?? '';
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const start = m.index + m[0].length;
    const raw = pdf.subarray(start, start + length);
    const content = (/\/Filter \/FlateDecode/.test(dict) ? inflateSync(raw) : raw).toString('latin1');
    const lines: string[] = [];
    for (const tj of content.matchAll(/\[([^\]]*)\] TJ/g)) {
      const hex = [...(tj[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1] ?? '').join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
    if (/ TJ/.test(content)) texts.push(lines.join('\n'));
  }
  return texts;
}
