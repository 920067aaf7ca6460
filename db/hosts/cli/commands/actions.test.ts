import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlagsReport, Review, TrackedAction } from '../../../contract/index.js';
import { londonToday } from '../../../contract/dates.js';
import { plusDays } from '../../../rules/days.js';
import { minimalExtract, tempDir, writeExtract } from '../../../testing/extract.js';
import { runCli } from '../../../testing/cli.js';

describe('the actions command', () => {
  it('lists a review’s actions, marks one done and drops another, and flags --json follows', async () => {
    const dir = tempDir('spo-cli-actions-');
    let last = { code: 0, out: '', err: '' };
    const io = { stdout: () => last.out, stderr: () => last.err };
    const run = async (...args: string[]) => {
      last = await runCli([...args, '--db', join(dir, 'spo.sqlite')]);
      return last.code;
    };
    expect(await run('import', writeExtract(minimalExtract()), '--commit', '--skip-invalid')).toBe(0);
    // Today, as the engine sees it: the review a week ago, one action due yesterday, one in a week.
    const today = londonToday(new Date());
    const [weekAgo, yesterday, nextWeek] = [plusDays(today, -7), plusDays(today, -1), plusDays(today, 7)];
    expect(
      await run('review', 'add', '--crn', 'X000001', '--type', 'management-oversight', '--date', weekAgo, '--spo', 'Sam Senior', '--decision', 'Continue.',
        '--action', `${yesterday}|Pat Example|Request the police DA call-outs`, '--action', `${nextWeek}|Sam Senior|Refer to the drug service`, '--json'),
    ).toBe(0);
    const review = JSON.parse(io.stdout()) as Review;

    expect(await run('actions', 'list', '--crn', 'X000001')).toBe(0);
    expect(io.stdout()).toBe(
      `X000001  review ${review.id} action 1  due ${yesterday}  OVERDUE  owner Pat Example: Request the police DA call-outs\n` +
        `X000001  review ${review.id} action 2  due ${nextWeek}  open  owner Sam Senior: Refer to the drug service\n`,
    );
    expect(await run('flags', '--json')).toBe(0);
    expect((JSON.parse(io.stdout()) as FlagsReport).caseFlags.filter((f) => f.rule === 'ACTION-OVERDUE').map((f) => [f.crn, f.dueDate, f.daysOverdue])).toEqual([['X000001', yesterday, 1]]);

    expect(await run('actions', 'done', String(review.id), '1', '--date', today, '--note', 'Two call-outs found')).toBe(0);
    expect(io.stderr()).toMatch(/is marked done on .*; the review itself is unchanged/);
    expect(await run('actions', 'drop', String(review.id), '2', '--date', today)).toBe(2);
    expect(io.stderr()).toMatch(/needs --reason/);
    expect(await run('actions', 'drop', String(review.id), '2', '--date', today, '--reason', 'Moved to another area', '--json')).toBe(0);
    expect((JSON.parse(io.stdout()) as TrackedAction).status).toBe('dropped');
    expect(await run('actions', 'done', String(review.id), '2', '--date', today)).toBe(2);
    expect(io.stderr()).toMatch(/already marked dropped/);
    expect(await run('actions', 'list', '--open')).toBe(0);
    expect(io.stdout()).toBe('No actions match.\n');
    expect(await run('flags', '--json')).toBe(0);
    expect((JSON.parse(io.stdout()) as FlagsReport).caseFlags.filter((f) => f.rule === 'ACTION-OVERDUE')).toEqual([]);
    expect(await run('actions', 'frobnicate')).toBe(2);
  });
});
