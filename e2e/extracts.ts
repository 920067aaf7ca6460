import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headers, minimalExtract } from '../db/testing/extract.js';

/** Writes synthetic extract files into `dir` and answers their paths, for the file picker. */
function write(dir: string, files: Record<string, string | Buffer>): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, body]) => {
    writeFileSync(join(dir, name), body);
    return join(dir, name);
  });
}

/** Two rows with errors in cases.csv: a RoSH level on line 2, a date on line 3; a third case is fine. */
export function extractWithRowErrors(dir: string): string[] {
  return write(dir, {
    'cases.csv': `${headers.cases}
X000001,Ann Example,1980-01-02,N99P001,2026-09-17,COMMUNITY,Community Order,B2,EXTREME,2026-09-10
X000002,Bo Sample,,N99P002,2025-03-01,LICENCE,Licence,C1,LOW,2025-13-05
X000003,Cy Sample,,N99P002,2025-03-01,LICENCE,Licence,C1,LOW,2025-03-05
`,
    'registrations.csv': `${headers.registrations}\nX000003,RHRH,,,2026-09-10,2027-03-10,\n`,
    'contacts.csv': `${headers.contacts}\nX000003,1001,2026-09-20,COAP,N99P002\n`,
  });
}

/** The minimal valid extract with its cases file saved from Excel as "CSV" (Windows-1252). */
export function windows1252Extract(dir: string): string[] {
  const files = minimalExtract();
  const cases = String(files['cases.csv']).replace('Ann Example', 'Zoë Bréton');
  return write(dir, { ...files, 'cases.csv': Buffer.from(cases, 'latin1') });
}
