import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFile } from './data-file.js';
import { defaultExportName, exportFilter, isExportFormat } from './export-log.js';

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

describe('the export save dialog', () => {
  it('suggests a dated file name with the chosen format as its extension', () => {
    expect(defaultExportName('2026-11-20')).toBe('oversight-log-2026-11-20.csv');
    expect(defaultExportName('2026-11-20', 'pdf')).toBe('oversight-log-2026-11-20.pdf');
  });

  it('offers only the chosen format, and refuses a format the page made up', () => {
    expect(exportFilter('json')).toEqual({ name: 'JSON', extensions: ['json'] });
    expect(isExportFormat('csv')).toBe(true);
    expect(isExportFormat('exe')).toBe(false);
    expect(isExportFormat(undefined)).toBe(false);
  });
});
