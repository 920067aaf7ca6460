import { describe, expect, it } from 'vitest';
import { previewArgs } from './args.js';

describe('npm run preview arguments', () => {
  it('take the database, a port and --no-open', () => {
    expect(previewArgs(['--db', 'data/demo.sqlite', '--port', '8080', '--no-open'], {})).toEqual({ db: 'data/demo.sqlite', port: 8080, open: false });
    expect(previewArgs(['--db', 'x.sqlite'], {})).toEqual({ db: 'x.sqlite', port: 0, open: true });
  });

  it('take the database from SPO_OVERSIGHT_DB when --db is not given', () => {
    expect(previewArgs([], { SPO_OVERSIGHT_DB: 'env.sqlite' })).toMatchObject({ db: 'env.sqlite' });
  });

  it('name the problem in one line', () => {
    expect(previewArgs([], {})).toEqual({ problem: '--db FILE is required (the database to open)' });
    expect(previewArgs(['--db', 'x', '--port', 'eighty'], {})).toEqual({ problem: '--port must be a number from 0 to 65535, not eighty' });
    expect(previewArgs(['--db', 'x', '--colour'], {})).toMatchObject({ problem: expect.stringContaining('--colour') as string });
  });
});
