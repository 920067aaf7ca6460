import { describe, expect, it } from 'vitest';
import { benchMode } from './args.js';

describe('npm run bench arguments', () => {
  it('runs PDU and region without arguments, as before', () => {
    expect(benchMode([])).toEqual({ mode: 'suite', options: { scales: ['pdu', 'region'], pdf: false, ui: false, fresh: false } });
  });

  it('takes --tier national as the national scale with the queue in Chromium on the same database', () => {
    expect(benchMode(['--tier', 'national'])).toEqual({ mode: 'suite', options: { scales: ['national'], pdf: false, ui: true, fresh: false } });
  });

  it('keeps --scales and --ui working', () => {
    expect(benchMode(['--scales', 'pdu, national', '--ui', '--pdf', '--fresh'])).toEqual({
      mode: 'suite',
      options: { scales: ['pdu', 'national'], pdf: true, ui: true, fresh: true },
    });
    expect(benchMode(['--ui-db', '/tmp/n.sqlite'])).toEqual({ mode: 'ui-db', file: '/tmp/n.sqlite' });
  });

  it('refuses --tier with --scales, an unknown tier or scale, and an unknown option, in one line each', () => {
    expect(benchMode(['--tier', 'pdu', '--scales', 'pdu'])).toEqual({ mode: 'usage', message: 'give --tier or --scales, not both' });
    expect(benchMode(['--tier', 'county'])).toEqual({ mode: 'usage', message: 'unknown tier county: --tier takes one of pdu, region, national' });
    expect(benchMode(['--tier', 'pdu,region'])).toMatchObject({ mode: 'usage' });
    expect(benchMode(['--scales', 'pdu,nation'])).toEqual({ mode: 'usage', message: 'unknown scale nation: --scales takes pdu, region, national' });
    const unknownOption = benchMode(['--tiers', 'pdu']);
    expect(unknownOption.mode === 'usage' && unknownOption.message).toMatch(/'--tiers'/);
  });

  it('passes a child its measurement, extract, database and scale', () => {
    expect(benchMode(['--child', 'startup', '--dir', 'x', '--db', 'y/bench.sqlite', '--scales', 'pdu'])).toEqual({
      mode: 'child',
      kind: 'startup',
      args: { dir: 'x', db: 'y/bench.sqlite', scale: 'pdu', pdf: false },
    });
    expect(benchMode(['--child', 'startup', '--dir', 'x', '--db', 'y'])).toMatchObject({ mode: 'usage' });
  });
});
