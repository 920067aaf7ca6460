import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFile } from './data-file.js';
import { defaultExportName, exportFormatFor } from './export-log.js';

describe('the data file', () => {
  it('lives in the user-data folder', () => {
    expect(databaseFile(['electron', '.'], '/home/spo/.config/SPO Oversight', true, '/repo')).toBe(join('/home/spo/.config/SPO Oversight', 'spo-oversight.sqlite'));
  });

  it('can be the demo database when run from the repository, never in a packaged app', () => {
    const argv = ['electron', 'dist/electron', '--db', 'data/demo.sqlite'];
    expect(databaseFile(argv, '/ud', false, '/repo')).toBe(join('/repo', 'data', 'demo.sqlite'));
    expect(databaseFile(argv, '/ud', true, '/repo')).toBe(join('/ud', 'spo-oversight.sqlite'));
  });
});

describe('exporting the log from the menu', () => {
  it('writes the format the chosen file name asks for, CSV otherwise', () => {
    expect(exportFormatFor('/tmp/log.PDF')).toBe('pdf');
    expect(exportFormatFor('/tmp/log.json')).toBe('json');
    expect(exportFormatFor('/tmp/log.csv')).toBe('csv');
    expect(exportFormatFor('/tmp/log')).toBe('csv');
  });

  it('suggests a dated file name', () => {
    expect(defaultExportName('2026-11-20')).toBe('oversight-log-2026-11-20.csv');
  });
});
