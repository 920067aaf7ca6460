import PDFDocument from 'pdfkit';
import { type ExportMeta, type Review, type ReviewVersion } from '../contract/index.js';
import { spokenDate } from '../contract/dates.js';
import { actionProgressText, codeText, reviewFieldTexts, reviewHeading } from '../contract/words/index.js';
import { coverageRules, type ExportCoverage } from './coverage.js';
import type { ActionsNow, Exporter, LogExtras } from './export-log.js';
import * as L from './labels.js';
import { HOW_TO_CHECK, pdfMetaLine } from './meta.js';
import { pdfText } from './pdf-text.js';
import { PLACEHOLDER, layouts } from './seal.js';

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 };
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MONO = 'Courier';
const INK = '#1b1b1b';
const MUTED = '#505a5f';
const WITHDRAWN = '#a11c1c';

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

/** Keeps a heading with at least `space` points of what follows it on the page. */
function keepWith(doc: Doc, space: number): void {
  if (doc.y + space > doc.page.height - MARGIN.bottom) doc.addPage();
}

function heading(doc: Doc, text: string, size: number, space = 60): void {
  keepWith(doc, space);
  doc.x = MARGIN.left;
  doc.font(BOLD).fontSize(size).fillColor(INK).text(pdfText(text), { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

/** "Label: value", wrapped across the full width (and across pages) so nothing is cut off. */
function field(doc: Doc, label: string, value: string, indent = 0): void {
  doc.x = MARGIN.left + indent;
  doc
    .font(BOLD)
    .fontSize(9.5)
    .fillColor(INK)
    .text(`${pdfText(label)}: `, { continued: true, width: contentWidth(doc) - indent })
    .font(REGULAR)
    .text(pdfText(value || '-'), { width: contentWidth(doc) - indent });
  doc.moveDown(0.15);
}

function titlePage(doc: Doc, meta: ExportMeta, reviews: readonly Review[], extras: LogExtras): void {
  const left = MARGIN.left;
  const width = contentWidth(doc);
  // Drawn first so that it is the first text of the (uncompressed) title page: seal.ts fills the
  // digest into this placeholder.
  doc.font(MONO).fontSize(8.5).fillColor(INK).text(PLACEHOLDER, left, 232, { lineBreak: false });

  doc.font(BOLD).fontSize(22).fillColor(INK).text('Oversight log', left, MARGIN.top + 20, { width });
  doc.font(REGULAR).fontSize(11).fillColor(MUTED).text('SPO oversight of high-risk and MAPPA level 1 cases', { width });
  doc.moveDown(0.6);
  doc.font(BOLD).fontSize(12).fillColor(INK).text(L.MARKING, { width });
  doc.font(BOLD).fontSize(9.5).fillColor(INK).text('SHA-256 digest (see below):', left, 218, { width });
  doc.y = 252;

  const pdus = [...new Set(reviews.map((r) => r.current.snapshot.team.pduName ?? r.current.snapshot.team.pduCode).filter((x): x is string => !!x))].sort();
  const teams = [...new Set(reviews.map((r) => L.team(r.current.snapshot)))].sort();
  const list = (xs: string[], max: number) =>
    xs.length === 0 ? 'none in the log' : xs.length > max ? `${xs.slice(0, max).join('; ')}; and ${xs.length - max} more` : xs.join('; ');

  const rows: [string, string][] = [
    ['PDU', list(pdus, 10)],
    ['Teams', list(teams, 25)],
    ['Period', L.describePeriod(meta.filters)],
    ['Filters', L.describeFilters(meta.filters)],
    ['Exported by', exportedBy(meta, extras.exporter)],
    ['Exported at', `${ukDateTime.format(new Date(meta.exportedAt))} (UK time)`],
    ['Purpose', meta.purpose ?? 'not stated'],
    ['Recipient', meta.recipient ?? 'not stated'],
    ['Summary', summaryText(reviews, extras.actions)],
    ...(extras.coverage ? ([['Oversight coverage', coverageText(extras.coverage, meta.filters)], ['How coverage is counted', COVERAGE_DEFINITION]] as [string, string][]) : []),
    ['Rows', `${plural(meta.rowCount, 'review version')} in ${plural(meta.reviewCount, 'review')} of ${plural(meta.caseCount, 'case')}`],
    ['App version', `SPO Oversight ${meta.appVersion}`],
    ['Audit chain head', L.describeChainHead(meta)],
    // What an inspector compares with the fingerprint the PDU gave them in advance (spo-oversight keys show).
    ...(meta.signingKey ? ([['Signed by key', `${meta.signingKey.fingerprint} (Ed25519 fingerprint; compare it with the one the sender gave you)`]] as [string, string][]) : []),
  ];
  for (const [label, value] of rows) field(doc, label, value);
  doc.moveDown(0.8);
  doc.x = left;
  doc.font(REGULAR).fontSize(9).fillColor(MUTED).text(pdfText(HOW_TO_CHECK), { width });
  doc.moveDown(0.5);
  doc.text(
    'Each review shows every version: the first record, each amendment with its reason and what it changed, and any withdrawal. ' +
      'Only the current version of a review that has not been withdrawn counts as oversight evidence.',
    { width },
  );
}

/** The fields a correction can change, as the case screen shows them (db/contract/words/review-text.ts). */
const amendable = reviewFieldTexts;

function versionBlock(doc: Doc, v: ReviewVersion, prev: ReviewVersion | undefined): void {
  const when = `${v.recordedAt.slice(0, 16).replace('T', ' ')} UTC by ${L.recordedBy(v)}`;
  keepWith(doc, 40);
  doc.x = MARGIN.left + 10;
  doc
    .font(BOLD)
    .fontSize(10)
    .fillColor(v.action === 'withdrawn' ? WITHDRAWN : INK)
    .text(pdfText(`Version ${v.version}: ${L.actionLabels[v.action]} ${when}`), { width: contentWidth(doc) - 10 });
  doc.fillColor(INK);
  doc.moveDown(0.15);
  if (v.reason) field(doc, 'Reason', v.reason, 20);
  if (v.action === 'withdrawn') return;
  let changed = 0;
  for (const [label, value] of amendable) {
    const now = value(v);
    if (!prev) field(doc, label, now, 20);
    else if (value(prev) !== now) {
      changed++;
      field(doc, `${label} (was: ${value(prev)})`, now, 20);
    }
  }
  if (prev && changed === 0) field(doc, 'Changed', 'nothing visible in the log', 20);
}

function reviewBlock(doc: Doc, r: Review, n: number, actions: ActionsNow): void {
  const c = r.current;
  // Numbered as on the case page; the id is what the CSV and JSON key a review by.
  heading(doc, `${reviewHeading(n, r)} (review id ${String(r.id)})`, 11.5, 90);
  doc.x = MARGIN.left;
  if (r.withdrawn) {
    doc.font(BOLD).fontSize(9.5).fillColor(WITHDRAWN).text('WITHDRAWN: does not count as oversight evidence.', { width: contentWidth(doc) });
    doc.fillColor(INK);
  } else {
    doc.font(REGULAR).fontSize(9.5).fillColor(INK).text(`Current version ${c.version}; counts as oversight evidence.`, { width: contentWidth(doc) });
  }
  doc.moveDown(0.2);
  const s = c.snapshot;
  doc.x = MARGIN.left;
  doc.font(BOLD).fontSize(9.5).text(pdfText(`What the SPO saw (taken ${s.takenAt.slice(0, 16).replace('T', ' ')} UTC)`), { width: contentWidth(doc) });
  field(doc, 'Practitioner', L.practitioner(s), 10);
  field(doc, 'Team', L.team(s), 10);
  field(doc, 'RoSH (OASys)', L.oasysRosh(s), 10);
  field(doc, 'Effective RoSH', L.effectiveRosh(s), 10);
  field(doc, 'MAPPA', L.mappa(s), 10);
  field(doc, 'Tier', s.tier ?? 'not known', 10);
  field(doc, 'Active registrations', L.registrations(s), 10);
  doc.moveDown(0.2);
  r.versions.forEach((v, i) => {
    versionBlock(doc, v, i > 0 ? r.versions[i - 1] : undefined);
  });
  const now = actionProgressText(actions.get(r.id) ?? []);
  if (now) field(doc, 'Actions now (done or dropped as their own dated events)', now, 10);
  doc.moveDown(0.6);
}

function caseSection(doc: Doc, crn: string, reviews: readonly Review[], extras: LogExtras): void {
  const latest = reviews[reviews.length - 1]?.current.snapshot;
  keepWith(doc, 140);
  doc.moveTo(MARGIN.left, doc.y).lineTo(doc.page.width - MARGIN.right, doc.y).lineWidth(0.5).strokeColor(MUTED).stroke();
  doc.moveDown(0.4);
  heading(doc, `Case ${crn}`, 14, 120);
  if (latest) {
    doc.x = MARGIN.left;
    doc
      .font(REGULAR)
      .fontSize(9.5)
      .fillColor(MUTED)
      .text(pdfText(`${L.practitioner(latest)}; ${L.team(latest)}; ${reviews.length} review${reviews.length === 1 ? '' : 's'}`), { width: contentWidth(doc) });
    doc.fillColor(INK);
  }
  doc.moveDown(0.5);
  // In the case page's order, so the numbers read as they do there.
  const byNumber = [...reviews].sort((a, b) => (extras.numbers.get(a.id) ?? a.id) - (extras.numbers.get(b.id) ?? b.id));
  for (const r of byNumber) reviewBlock(doc, r, extras.numbers.get(r.id) ?? 0, extras.actions);
}

/** OFFICIAL-SENSITIVE top and bottom of every page, and "Page n of N". */
function frame(doc: Doc, meta: ExportMeta): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const width = contentWidth(doc);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(BOLD).fontSize(9).fillColor(INK);
    doc.text(L.MARKING, MARGIN.left, 28, { width, align: 'center', lineBreak: false });
    doc.text(L.MARKING, MARGIN.left, doc.page.height - 38, { width, align: 'center', lineBreak: false });
    doc.font(REGULAR).fontSize(8).fillColor(MUTED);
    doc.text(`Oversight log exported ${meta.exportedAt.slice(0, 16).replace('T', ' ')} UTC`, MARGIN.left, doc.page.height - 38, { lineBreak: false });
    const label = `Page ${i - range.start + 1} of ${range.count}`;
    doc.text(label, doc.page.width - MARGIN.right - doc.widthOfString(label), doc.page.height - 38, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

const ukDateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Who exported the log: the app user with staff code and team when known, and always the computer account. */
export function exportedBy(meta: Pick<ExportMeta, 'exportedBy'>, exporter: Exporter | null): string {
  const account = meta.exportedBy.osUser;
  if (exporter) {
    const team = exporter.team.name ? `${exporter.team.name} (${exporter.team.code})` : exporter.team.code;
    return `${exporter.name}, staff code ${exporter.staffCode}, team ${team}; on the computer account ${account}`;
  }
  return meta.exportedBy.appUser ? `${meta.exportedBy.appUser}, on the computer account ${account}` : `the computer account ${account} (no app user named)`;
}

export const COVERAGE_DEFINITION =
  'A case is in scope when it is in the caseload on the day of export and its RoSH is high or very high, or it is managed at MAPPA level 1; ' +
  'with a team or practitioner filter, when that team or practitioner holds it now. The dates and rule filters choose reviews, not cases. ' +
  `A case in scope is covered when none of these is overdue for it: ${coverageRules.map((r) => codeText('rule', r)).join(', ')}; ` +
  'a case whose first oversight is not yet due counts as covered. These are the flags the queue shows.';

/** "Of 412 high or very high RoSH or MAPPA level 1 cases …, 377 (92%) …". */
export function coverageText(c: ExportCoverage, f: Pick<ExportMeta['filters'], 'team' | 'practitioner'>): string {
  const held = [f.team ? `team ${f.team}` : null, f.practitioner ? `practitioner ${f.practitioner}` : null].filter(Boolean).join(' and ');
  const scope = `high or very high RoSH or MAPPA level 1 case${c.inScope === 1 ? '' : 's'}${held ? ` held by ${held}` : ' in the caseload'} on ${spokenDate(c.asOf)}`;
  if (c.inScope === 0) return `No ${scope}: there is no coverage to report.`;
  // Rounded down, so 100% means every case.
  const percent = Math.floor((c.covered / c.inScope) * 100);
  return `Of ${c.inScope.toLocaleString('en-GB')} ${scope}, ${c.covered.toLocaleString('en-GB')} (${String(percent)}%) had their SPO oversight within its due date.`;
}

/** What the log holds, in one paragraph an inspector reads first. */
export function summaryText(reviews: readonly Review[], actions: ActionsNow): string {
  const cases = new Set(reviews.map((r) => r.crn)).size;
  const evidence = reviews.filter((r) => r.countsAsEvidence).length;
  const corrections = reviews.reduce((n, r) => n + r.versions.filter((v) => v.action === 'amended').length, 0);
  const withdrawn = reviews.filter((r) => r.withdrawn).length;
  const all = [...actions.values()].flat();
  const open = all.filter((a) => a.status === 'open');
  return [
    `${plural(reviews.length, 'review')} of ${plural(cases, 'case')}, ${evidence.toLocaleString('en-GB')} counting as oversight evidence`,
    `${plural(corrections, 'correction')} and ${plural(withdrawn, 'withdrawal')}`,
    `${plural(all.length, 'action')} agreed: ${open.length.toLocaleString('en-GB')} open (${open.filter((a) => a.overdue).length.toLocaleString('en-GB')} overdue), ${all.filter((a) => a.status === 'done').length.toLocaleString('en-GB')} done, ${all.filter((a) => a.status === 'dropped').length.toLocaleString('en-GB')} dropped`,
  ].join('; ') + '.';
}

/** The PDF body: title page, a section per case, then the header comment line after %%EOF. */
export async function renderPdf(meta: ExportMeta, reviews: readonly Review[], extras: LogExtras): Promise<{ body: Buffer; slots: number[] }> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    info: {
      Title: 'Oversight log (OFFICIAL-SENSITIVE)',
      Creator: `SPO Oversight ${meta.appVersion}`,
      Producer: `SPO Oversight ${meta.appVersion}`,
      CreationDate: new Date(meta.exportedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  // The title page's content stream is left uncompressed so the digest can be written into it.
  doc.compress = false;
  doc.addPage();
  doc.compress = true;
  titlePage(doc, meta, reviews, extras);

  // An export that matches nothing is refused before rendering (export-log.ts): there is always a review.
  doc.addPage();
  let i = 0;
  while (i < reviews.length) {
    const crn = reviews[i]?.crn ?? '';
    let j = i;
    while (j < reviews.length && reviews[j]?.crn === crn) j++;
    caseSection(doc, crn, reviews.slice(i, j), extras);
    i = j;
  }
  frame(doc, meta);
  doc.end();
  await ended;

  const pdf = Buffer.concat(chunks);
  const placeholder = Buffer.from(layouts.pdf.shown(PLACEHOLDER), 'latin1');
  const slot = pdf.indexOf(placeholder);
  if (slot < 0) throw new Error('the digest placeholder is missing from the title page');
  const ending = pdf.subarray(-1)[0] === 0x0a ? '' : '\n';
  return { body: Buffer.concat([pdf, Buffer.from(`${ending}${pdfMetaLine(meta)}`, 'latin1')]), slots: [slot] };
}
