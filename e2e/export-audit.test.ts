import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { londonToday, spokenDate } from '../db/contract/dates.js';
import { pdfPageTexts } from '../db/export/testing/pdf-inspect.js';
import { reseal, signatureLineOf } from '../db/export/testing/reseal.js';
import { previewTempRoot } from '../db/hosts/preview/temp-dir.js';
import { openCase } from './demo-case.js';
import { expect, test, type App } from './fixture.js';
import { AuditPage } from './pages/audit-page.js';
import { ExportPage, VerifyPage } from './pages/export-page.js';

/** A signed-in SPO with the demo caseload and one recorded review; answers the reviewed CRN. */
async function withOneReview(app: App): Promise<string> {
  await app.api('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
  const demo = await app.api('demo:load', { seed: 1 });
  expect(demo.ok).toBe(true);
  const queue = await app.api('flags:queue', { rules: ['OVERSIGHT-NEW'], status: 'overdue', limit: 1 });
  if (!queue.ok || !queue.value.rows[0]) throw new Error('the demo caseload has no overdue OVERSIGHT-NEW flag');
  const crn = queue.value.rows[0].crn;
  const review = await app.api('reviews:record', {
    crn,
    type: 'allocation-oversight',
    date: londonToday(new Date()),
    spo: { name: 'Sam Senior', staffCode: 'N99S001' },
    triggers: ['OVERSIGHT-NEW'],
    decision: 'Allocation is appropriate; risk management plan to be reviewed within 10 days.',
  });
  expect(review.ok).toBe(true);
  await app.page.reload();
  await app.page.getByRole('navigation', { name: 'Menu' }).waitFor();
  return crn;
}

test('Export: the SPO exports the log for an inspector, sees its digest, and the file verifies; a changed byte does not', async ({ app }) => {
  await withOneReview(app);
  const exporter = new ExportPage(app.page);
  await exporter.goTo('Export the log');
  await exporter.waitForIt();
  await app.check('export');

  await exporter.submit();
  expect(await exporter.errorSummary()).toEqual(['Enter why the log is being disclosed', 'Enter who the log is for']);
  await app.check('export-errors');

  await exporter.fill({ purpose: 'HMI Probation inspection', recipient: 'HM Inspectorate of Probation' });
  await exporter.chooseFormat('CSV');
  const download = await exporter.exportAndDownload();
  expect(download.suggestedFilename()).toMatch(/^oversight-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const saved = join(app.dir, download.suggestedFilename());
  await download.saveAs(saved);
  const digest = await exporter.digestShown();
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  await app.check('export-done');

  const fingerprint = await app.page.getByTestId('export-fingerprint').textContent();
  expect(fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
  const checked = await app.api('log:verify', { path: await app.uploadToVerify(saved) });
  expect(checked).toMatchObject({ ok: true, value: { intact: true, digest, signature: { status: 'this-installation', fingerprint } } });
  const disclosures = await app.api('audit:list', { operation: 'disclosure' });
  expect(disclosures.ok && disclosures.value.entries[0]).toMatchObject({ op: 'log:export', justification: 'HMI Probation inspection', recipients: ['HM Inspectorate of Probation'] });

  await app.page.getByRole('link', { name: 'Verify an exported file' }).click();
  const verifier = new VerifyPage(app.page);
  await verifier.waitForIt();
  await verifier.verify();
  expect(await verifier.errorSummary()).toEqual(['Select the exported file to verify']);
  await verifier.verify(saved);
  expect(await verifier.verdict()).toBe('Signed by this installation');
  await app.page.getByText('Yes, entry').waitFor();
  await app.check('verify-intact');

  const bytes = readFileSync(saved);
  const at = bytes.indexOf('Allocation is appropriate');
  bytes[at] = 'a'.charCodeAt(0);
  const tampered = join(app.dir, 'tampered.csv');
  writeFileSync(tampered, bytes);
  await verifier.verify(tampered);
  expect(await verifier.verdict()).toBe('Not intact: tampered.csv');
  await app.check('verify-not-intact');

  // Edited and re-sealed with a correct SHA-256, as a forger would: only the signature catches it.
  const resealed = join(app.dir, 'resealed.csv');
  writeFileSync(resealed, Buffer.concat([reseal(readFileSync(saved), (t) => t.replace('Allocation is appropriate', 'allocation is appropriate')), signatureLineOf(readFileSync(saved))]));
  await verifier.verify(resealed);
  expect(await verifier.verdict()).toBe('Signature does not match: changed since export: resealed.csv');
  await app.check('verify-bad-signature');

  // The export the inspector holds anchors the audit log: the log still holds the head it recorded,
  // and the signed checkpoint written at the export holds too.
  const audit = new AuditPage(app.page);
  await audit.goTo('Audit log');
  await audit.waitForIt();
  await app.page.locator('#audit-against').setInputFiles(saved);
  const anchored = app.page.locator('[data-field="audit-chain"] [role="status"]');
  await expect
    .poll(() => anchored.textContent())
    .toMatch(/^Intact All [\d,]+ entries are in order and unchanged\. The signed checkpoint made at an export or backup holds\. The export you chose recorded entry \d+ as the head, and the log still holds it; entry \d+ records its disclosure\.$/);
  await app.check('audit-against-export');
});

test('Preview: no call names a file on this computer; the export goes down as a download, the file to verify up as an upload, and the host keeps neither', async ({ app }) => {
  await withOneReview(app);
  const written = join(app.dir, 'written-by-the-page.csv');
  // With the session's token, as a subverted page would try (from Node: the browser would log each 400 as a page error).
  const call = async (op: string, input: unknown) => {
    const res = await fetch(`${app.preview.origin}/api/${op}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.preview.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return [res.status, await res.json()];
  };
  const answers = [
    await call('import:preview', { paths: ['/etc'] }),
    await call('log:export', { format: 'csv', out: written }),
    await call('log:verify', { path: '/etc/passwd' }),
    await call('audit:verify', { against: '/etc/hostname' }),
  ];
  const refused = (field: string) => [400, { ok: false, error: { code: 'invalid-input', field, message: `${field}: the preview takes no file paths; choose the file in the page, which uploads it` } }];
  expect(answers).toEqual([refused('paths'), refused('out'), refused('path'), refused('against')]);
  expect(existsSync(written)).toBe(false);

  const root = previewTempRoot();
  const [runDir, ...others] = readdirSync(root).filter((n) => n.startsWith(`run-${String(app.preview.pid)}-`));
  expect(runDir).toBeDefined();
  expect(others).toEqual([]);
  const held = () => readdirSync(join(root, runDir ?? ''));

  const exporter = new ExportPage(app.page);
  await exporter.goTo('Export the log');
  await exporter.waitForIt();
  await exporter.fill({ purpose: 'HMI Probation inspection', recipient: 'HM Inspectorate of Probation' });
  await exporter.chooseFormat('JSON');
  const download = await exporter.exportAndDownload();
  expect(download.suggestedFilename()).toMatch(/^oversight-log-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = join(app.dir, download.suggestedFilename());
  await download.saveAs(saved);
  // The page shows the file's name, never where the host wrote it.
  expect(await app.page.locator('main').textContent()).not.toContain(root);
  await expect.poll(held).toEqual([]);

  await app.page.getByRole('link', { name: 'Verify an exported file' }).click();
  const verifier = new VerifyPage(app.page);
  await verifier.waitForIt();
  await verifier.verify(saved);
  expect(await verifier.verdict()).toBe('Signed by this installation');
  await app.check('verify-uploaded-json');
  expect(held()).toEqual([]);
});

test('Export: filters that match nothing are refused in the error summary; the PDF\'s title page reads back who, when, why, for whom, the filters and a summary; the CSV opens with its header row', async ({ app }) => {
  const crn = await withOneReview(app);
  const listed = await app.api('reviews:list', { crn });
  const team = listed.ok ? listed.value.reviews[0]?.current.snapshot.team.code : undefined;
  if (!team) throw new Error('the reviewed case has no team');
  const today = londonToday(new Date());
  const exporter = new ExportPage(app.page);
  await exporter.goTo('Export the log');
  await exporter.waitForIt();

  // A team the caseload does not hold: refused before anything is written or disclosed.
  await exporter.fill({ purpose: 'HMI Probation inspection', recipient: 'HM Inspectorate of Probation', team: 'N99Z99' });
  await exporter.chooseFormat('PDF');
  await exporter.submit();
  expect(await exporter.errorSummary()).toEqual(['No reviews match: no team N99Z99 in this caseload']);
  await app.check('export-no-match');
  const none = await app.api('audit:list', { operation: 'disclosure' });
  expect(none.ok && none.value.entries).toEqual([]);

  await exporter.fill({ team, from: today, to: today });
  const pdf = await exporter.exportAndDownload();
  const pdfFile = join(app.dir, pdf.suggestedFilename());
  await pdf.saveAs(pdfFile);
  await app.check('export-pdf-done');
  const [title = '', ...rest] = pdfPageTexts(readFileSync(pdfFile)).map((p) => p.replace(/\s*\n\s*/g, ' '));
  const day = spokenDate(today);
  expect(title).toMatch(/Exported by: Sam Senior, staff code N99S001, team N99T01; on the computer account \S+/);
  expect(title).toMatch(new RegExp(`Exported at: ${day} at \\d\\d:\\d\\d \\(UK time\\)`));
  expect(title).toContain('Purpose: HMI Probation inspection');
  expect(title).toContain('Recipient: HM Inspectorate of Probation');
  expect(title).toContain(`Filters: review dates ${day} to ${day}; team ${team}`);
  expect(title).toContain('Summary: 1 review of 1 case, 1 counting as oversight evidence; 0 corrections and 0 withdrawals; 0 actions agreed');
  expect(title).toMatch(new RegExp(`Oversight coverage: Of [\\d,]+ high or very high RoSH or MAPPA level 1 cases? held by team ${team} on ${day}, [\\d,]+ \\(\\d+%\\) had their SPO oversight within its due date\\.`));
  expect(title).toContain('How coverage is counted: A case is in scope when');
  expect(rest.join(' ')).toMatch(new RegExp(`Case ${crn} .*Review 1: Allocation oversight, ${day} \\(review id \\d+\\)`));

  await exporter.chooseFormat('CSV');
  const csv = await exporter.exportAndDownload();
  const csvFile = join(app.dir, csv.suggestedFilename());
  await csv.saveAs(csvFile);
  const text = readFileSync(csvFile, 'utf8');
  expect(text.slice(0, text.indexOf('\r\n'))).toMatch(/^crn,review id,review number on the case,version,action,/);
  const rows = Papa.parse<Record<string, string>>(text, { header: true, newline: '\r\n' }).data;
  expect(rows[0]).toMatchObject({ crn, 'review number on the case': '1', version: '1', action: 'recorded', 'review type': 'Allocation oversight', 'team code': team });
  expect(rows[1] && Object.values(rows[1]).every((v) => !v)).toBe(true);
  expect(await app.api('log:verify', { path: await app.uploadToVerify(csvFile) })).toMatchObject({ ok: true, value: { intact: true } });

  // The case page numbers the review as the PDF does.
  const casePage = await openCase(app, crn);
  expect((await casePage.reviews())[0]?.heading).toMatch(/^Review 1: Allocation oversight, /);
  await app.check('export-case-numbered');
});

test('Audit log: the SPO sees who did what to a case, the chain checks out, and reading the log is itself logged', async ({ app }) => {
  const crn = await withOneReview(app);
  const audit = new AuditPage(app.page);
  await audit.goTo('Audit log');
  await audit.waitForIt();
  await app.check('audit');

  await audit.filterByCrn(crn);
  await app.page.getByText(/^Showing entries 1 to/).waitFor();
  const entries = await audit.entries();
  expect(entries.length).toBeGreaterThan(0);
  expect(entries.filter((e) => !e.cases.startsWith(crn))).toEqual([]);
  // What was done, in words, with the operation's name beside it.
  expect(entries).toContainEqual({ operation: 'Alteration', op: 'Recorded an oversight review reviews:record', cases: crn });

  await audit.filterByOperation('Erasure');
  await app.page.getByText('No entries match these filters.').waitFor();
  await app.check('audit-empty');

  expect(await audit.checkChain()).toMatch(/^Intact All [\d,]+ entries are in order and unchanged\.$/);
  await app.check('audit-chain-intact');

  const reads = await app.api('audit:list', { operation: 'consultation' });
  expect(reads.ok && reads.value.entries.some((e) => e.op === 'audit:list')).toBe(true);

  // An impossible date (issue 14): the GOV.UK error summary takes focus, links to the field and
  // says what is wrong in plain words, never the engine's text.
  await audit.filter({ to: '31 2 2026' });
  const summary = app.page.locator('.govuk-error-summary');
  await summary.waitFor();
  await expect.poll(() => app.page.evaluate('document.activeElement === document.querySelector(".govuk-error-summary")')).toBe(true);
  expect(await summary.getByRole('link').textContent()).toBe('To date must be a real date');
  expect(await summary.getByRole('link').getAttribute('href')).toBe('#audit-to-day');
  expect(await app.page.locator('#audit-to-error').textContent()).toContain('To date must be a real date');
  expect(await app.page.locator('main').textContent()).not.toMatch(/not a calendar date|to: /);
  await app.check('audit-bad-date');
});
