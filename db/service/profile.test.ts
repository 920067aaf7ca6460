import { describe, expect, it } from 'vitest';
import { memoryDb } from '../testing/extract.js';
import { createService } from './index.js';
import { appUserLabel } from './profile.js';

const NOW = new Date('2026-11-20T10:00:00Z');

function service(osUser = 'spo-test', db = memoryDb()) {
  return createService({ db, osUser, now: () => NOW, dataDir: '/nonexistent' });
}

describe('who is using the app', () => {
  it('is unknown until the user says, then remembered with codes upper-cased', async () => {
    const s = service();
    expect(await s.call('profile:get', {})).toEqual({ ok: true, value: null });
    const set = await s.call('profile:set', { name: ' Sam Senior ', staffCode: 'n99s001', teamCode: 'n99t01' });
    const expected = { osUser: 'spo-test', name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01', updatedAt: NOW.toISOString() };
    expect(set).toEqual({ ok: true, value: expected });
    expect(await s.call('profile:get', {})).toEqual({ ok: true, value: expected });
  });

  it('is kept per operating-system account, and replaced when the same account says again', async () => {
    const db = memoryDb();
    await service('spo-one', db).call('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T01' });
    await service('spo-one', db).call('profile:set', { name: 'Sam Senior', staffCode: 'N99S001', teamCode: 'N99T02' });
    expect(await service('spo-two', db).call('profile:get', {})).toEqual({ ok: true, value: null });
    const one = await service('spo-one', db).call('profile:get', {});
    expect(one.ok && one.value?.teamCode).toBe('N99T02');
  });

  it('refuses a blank name or a code with spaces, naming the field', async () => {
    const s = service();
    expect(await s.call('profile:set', { name: '  ', staffCode: 'N99S001', teamCode: 'N99T01' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'name: required', field: 'name', fields: [{ field: 'name', message: 'Enter your name' }] },
    });
    const spaced = await s.call('profile:set', { name: 'Sam', staffCode: 'N99 S001', teamCode: 'N99T01' });
    expect(!spaced.ok && spaced.error.field).toBe('staffCode');
  });

  it('is named in logs by name and staff code', () => {
    expect(appUserLabel({ name: 'Sam Senior', staffCode: 'N99S001' })).toBe('Sam Senior (N99S001)');
  });
});
