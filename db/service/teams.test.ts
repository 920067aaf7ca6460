import { describe, expect, it } from 'vitest';
import { headers, memoryDb, tempDir, writeExtract } from '../testing/extract.js';
import { createService } from './index.js';

describe('caseload:teams', () => {
  it('lists each team in the staff file with its practitioners by name, and nothing before an import', async () => {
    const service = createService({ db: memoryDb(), osUser: 'tester', now: () => new Date('2026-11-23T10:00:00Z'), dataDir: tempDir() });
    expect(await service.call('caseload:teams', {})).toEqual({ ok: true, value: { teams: [] } });
    const dir = writeExtract({
      'cases.csv': `${headers.cases}\nA000001,Alice Adams,,P1,2026-09-17,,,,,\n`,
      'registrations.csv': `${headers.registrations}\n`,
      'contacts.csv': `${headers.contacts}\n`,
      'staff.csv': `${headers.staff}\nP2,Zoe Two,PSO,T1,North Team,,,,\nP1,Pat One,PSM,T1,North Team,,,,\nP3,Kim Three,PSM,T2,,,,,\n`,
      'needs.csv': `${headers.needs}\n`,
    });
    const imported = await service.call('import:commit', { paths: [dir] });
    expect(imported.ok && imported.value.committed).toBe(true);
    expect(await service.call('caseload:teams', {})).toEqual({
      ok: true,
      value: {
        teams: [
          { code: 'T1', name: 'North Team', practitioners: [{ staffCode: 'P1', name: 'Pat One' }, { staffCode: 'P2', name: 'Zoe Two' }] },
          { code: 'T2', name: null, practitioners: [{ staffCode: 'P3', name: 'Kim Three' }] },
        ],
      },
    });
  });
});
