import { describe, expect, it } from 'vitest';
import { checkPaths, pathGrants, withExtension } from './path-grants.js';

const forbidden = { ok: false, error: { code: 'forbidden' } };

describe('path grants', () => {
  it('reads a folder picked to open and what is inside it, and nothing beside or above it', () => {
    const grants = pathGrants();
    grants.grantRead(['/home/spo/extracts/2026-11']);
    expect(grants.allowsRead('/home/spo/extracts/2026-11')).toBe(true);
    expect(grants.allowsRead('/home/spo/extracts/2026-11/cases.csv')).toBe(true);
    expect(grants.allowsRead('/home/spo/extracts/2026-11/../2026-10/cases.csv')).toBe(false);
    expect(grants.allowsRead('/home/spo/extracts/2026-11-old/cases.csv')).toBe(false);
    expect(grants.allowsRead('/home/spo/extracts')).toBe(false);
    expect(grants.allowsRead('/etc/passwd')).toBe(false);
  });

  it('allows nothing before the user has picked anything', () => {
    const grants = pathGrants();
    expect(grants.allowsRead('/tmp/x.csv')).toBe(false);
    expect(grants.allowsWrite('/tmp/x.csv', 'csv')).toBe(false);
  });

  it('writes only the exact file picked in a save dialog, as the type the dialog was for', () => {
    const grants = pathGrants();
    grants.grantWrite('/home/spo/oversight-log.pdf', 'pdf');
    expect(grants.allowsWrite('/home/spo/oversight-log.pdf', 'pdf')).toBe(true);
    expect(grants.allowsWrite('/home/spo/oversight-log.pdf', 'csv')).toBe(false);
    expect(grants.allowsWrite('/home/spo/other.pdf', 'pdf')).toBe(false);
    expect(grants.allowsWrite('/home/spo', 'pdf')).toBe(false);
    // A save grant is for writing: it does not let the page read the file back, or the folder.
    expect(grants.allowsRead('/home/spo/oversight-log.pdf')).toBe(false);
  });

  it('does not let a folder picked to open be written, nor a file in it', () => {
    const grants = pathGrants();
    grants.grantRead(['/home/spo/extracts/2026-11']);
    expect(grants.allowsWrite('/home/spo/extracts/2026-11', 'csv')).toBe(false);
    expect(grants.allowsWrite('/home/spo/extracts/2026-11/cases.csv', 'csv')).toBe(false);
  });

  it('gives a name typed without the format its extension, and leaves one that has it', () => {
    expect(withExtension('/home/spo/log', 'pdf')).toBe('/home/spo/log.pdf');
    expect(withExtension('/home/spo/log.csv', 'pdf')).toBe('/home/spo/log.csv.pdf');
    expect(withExtension('/home/spo/log.PDF', 'pdf')).toBe('/home/spo/log.PDF');
  });
});

describe('checking an operation’s paths against the grants, from the contract', () => {
  const granted = () => {
    const grants = pathGrants();
    grants.grantRead(['/extracts/2026-11', '/received/log.pdf']);
    grants.grantWrite('/home/spo/oversight-log.csv', 'csv');
    return grants;
  };

  it('lets the import read the picked folder and its files, and nothing else', () => {
    const grants = granted();
    expect(checkPaths('import:preview', { paths: ['/extracts/2026-11'] }, grants)).toBeNull();
    expect(checkPaths('import:commit', { paths: ['/extracts/2026-11/cases.csv', '/extracts/2026-11/staff.csv'] }, grants)).toBeNull();
    expect(checkPaths('import:preview', { paths: ['/extracts/2026-11', '/home/spo/.ssh'] }, grants)).toMatchObject(forbidden);
  });

  it('lets log:export write only the file picked in the save dialog, in the format it was picked for', () => {
    const grants = granted();
    expect(checkPaths('log:export', { format: 'csv', out: '/home/spo/oversight-log.csv' }, grants)).toBeNull();
    // The format defaults to csv, as the schema says.
    expect(checkPaths('log:export', { out: '/home/spo/oversight-log.csv' }, grants)).toBeNull();
    expect(checkPaths('log:export', { format: 'pdf', out: '/home/spo/oversight-log.csv' }, grants)).toMatchObject(forbidden);
    expect(checkPaths('log:export', { format: 'csv', out: '/home/spo/.bashrc' }, grants)).toMatchObject(forbidden);
  });

  it('does not let log:export write into a folder picked for import, nor over a file picked to verify', () => {
    const grants = granted();
    expect(checkPaths('log:export', { format: 'csv', out: '/extracts/2026-11/cases.csv' }, grants)).toMatchObject(forbidden);
    expect(checkPaths('log:export', { format: 'pdf', out: '/received/log.pdf' }, grants)).toMatchObject(forbidden);
  });

  it('lets log:verify and audit:verify’s against read a file picked to open, and no other', () => {
    const grants = granted();
    expect(checkPaths('log:verify', { path: '/received/log.pdf' }, grants)).toBeNull();
    expect(checkPaths('audit:verify', { against: '/received/log.pdf' }, grants)).toBeNull();
    expect(checkPaths('audit:verify', {}, grants)).toBeNull();
    expect(checkPaths('audit:verify', { against: '/home/spo/.ssh/id_ed25519' }, grants)).toMatchObject(forbidden);
    expect(checkPaths('log:verify', { path: '/etc/shadow' }, grants)).toMatchObject(forbidden);
    // The file just saved is for writing; reading it back needs the open dialog.
    expect(checkPaths('log:verify', { path: '/home/spo/oversight-log.csv' }, grants)).toMatchObject(forbidden);
  });

  it('refuses a file to verify of a type no export has, even inside a folder picked to open', () => {
    expect(checkPaths('log:verify', { path: '/extracts/2026-11/notes.txt' }, granted())).toMatchObject(forbidden);
  });

  it('leaves an input the schema refuses to the service, which refuses it before touching a path', () => {
    expect(checkPaths('log:export', { out: '/etc/passwd', format: 'exe' }, pathGrants())).toBeNull();
    expect(checkPaths('flags:queue', { search: '/etc/passwd' }, pathGrants())).toBeNull();
  });
});
