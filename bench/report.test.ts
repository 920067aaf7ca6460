import { describe, expect, it } from 'vitest';
import { checksJson, formatTable, info, missedTargets, row, verdictLines } from './report.js';
import { atLeast, atMost, targets } from './targets.js';

describe('the bench report', () => {
  it('prints every figure with its target and PASS or FAIL', () => {
    const table = formatTable([
      row('queue national', 'p95 12 ms', atMost('queueP95Ms', 12, 'ms p95')),
      row('queue scroll national', 'median 40 fps', atLeast('uiScrollMedianFps', 40, 'fps median')),
    ]);
    expect(table).toContain('[≤ 50 ms p95: PASS]');
    expect(table).toContain('[≥ 58 fps median: FAIL]');
  });

  it('names each missed target with its figure and where the target comes from', () => {
    const rows = [
      row('import national', '15,000,000 rows, peak RSS 1,300 MiB', atMost('importPeakRssMiB', 1300, 'MiB peak RSS')),
      row('evaluate national', '2,500 ms', atMost('evaluateMs', 2500, 'ms')),
    ];
    expect(missedTargets(rows)).toEqual([`import national (15,000,000 rows, peak RSS 1,300 MiB) missed ≤ 1,024 MiB peak RSS — ${targets.importPeakRssMiB.source}`]);
    expect(verdictLines(rows)).toMatch(/1 of 2 targets MISSED:\n {2}- import national/);
  });

  it('counts a figure that could not be measured (NaN) as a miss', () => {
    expect(atMost('cliOpenMs', NaN, 'ms').pass).toBe(false);
    expect(atLeast('uiScrollMedianFps', NaN, 'fps').pass).toBe(false);
  });

  it('holds a target exactly at its limit as met', () => {
    expect(atMost('pduImportMs', 2000, 'ms').pass).toBe(true);
    expect(atLeast('regionImportRatio', 0.5, '×').pass).toBe(true);
  });

  it('reports a yardstick without a target, and does not count it as missed', () => {
    const rows = [info('raw insert pdu', '900,000 rows/s', 'the yardstick'), row('evaluate pdu', '80 ms', atMost('pduEvaluateMs', 80, 'ms'))];
    expect(formatTable(rows)).toContain('[no target: the yardstick]');
    expect(missedTargets(rows)).toEqual([]);
    expect(verdictLines(rows)).toBe('\nAll 1 targets met.\n');
    expect(checksJson(rows)[0]).toEqual({ name: 'raw insert pdu', figure: '900,000 rows/s', target: null, pass: null, source: 'the yardstick' });
  });

  it('says which measurement did not finish, and does not call the run a success', () => {
    const rows = [row('generate pdu', '0.7 s, peak RSS 166 MiB', atMost('generatePeakRssMiB', 166, 'MiB peak RSS'))];
    const lines = verdictLines(rows, 'import pdu: the measurement ended with 1');
    expect(lines).toContain('NOT FINISHED: import pdu: the measurement ended with 1');
    expect(lines).toContain('Of the figures measured, all 1 targets met.');
    expect(lines).not.toMatch(/^All/m);
  });
});
