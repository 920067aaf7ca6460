import { parseArgs } from 'node:util';
import { scales as allScales, type Scale } from '../db/contract/index.js';
import type { ChildArgs } from './child.js';
import type { SuiteOptions } from './suite.js';

export type BenchMode =
  | { mode: 'child'; kind: string; args: ChildArgs }
  | { mode: 'ui-db'; file: string }
  | { mode: 'suite'; options: SuiteOptions }
  | { mode: 'usage'; message: string };

const isScale = (s: string): s is Scale => allScales.some((x) => x === s);

/** What `npm run bench -- ARGS` asks for; a usage message for anything it cannot mean. */
export function benchMode(argv: string[]): BenchMode {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        child: { type: 'string' },
        dir: { type: 'string' },
        db: { type: 'string' },
        scales: { type: 'string' },
        tier: { type: 'string' },
        pdf: { type: 'boolean' },
        ui: { type: 'boolean' },
        fresh: { type: 'boolean' },
        'ui-db': { type: 'string' },
      },
    }).values;
  } catch (e) {
    return { mode: 'usage', message: e instanceof Error ? e.message : String(e) };
  }
  const pdf = values.pdf ?? false;
  if (values.child !== undefined) {
    const scale = values.scales ?? '';
    if (values.dir === undefined || values.db === undefined || !isScale(scale)) return { mode: 'usage', message: '--child needs --dir, --db and one scale in --scales' };
    return { mode: 'child', kind: values.child, args: { dir: values.dir, db: values.db, scale, pdf } };
  }
  if (values['ui-db'] !== undefined) return { mode: 'ui-db', file: values['ui-db'] };
  const tier = values.tier;
  if (tier !== undefined && values.scales !== undefined) return { mode: 'usage', message: 'give --tier or --scales, not both' };
  if (tier !== undefined && !isScale(tier)) return { mode: 'usage', message: `unknown tier ${tier}: --tier takes one of ${allScales.join(', ')}` };
  const list = (tier ?? values.scales ?? 'pdu,region').split(',').map((s) => s.trim());
  const unknown = list.filter((s) => !isScale(s));
  if (unknown.length) return { mode: 'usage', message: `unknown scale ${unknown.join(', ')}: --scales takes ${allScales.join(', ')}` };
  // A tier is every figure for one scale, so the queue in Chromium is part of it.
  return { mode: 'suite', options: { scales: list.filter(isScale), pdf, ui: tier !== undefined || (values.ui ?? false), fresh: values.fresh ?? false } };
}
