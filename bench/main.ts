/**
 * `npm run bench`: the benchmark suite (bench/suite.ts). Each measurement runs in its own child
 * process so its peak RSS and JIT state are its own. Every figure is printed with its target and
 * PASS or FAIL, and goes to bench-results/bench.json; the process exits 1 when a target is missed
 * or a measurement does not finish, naming it.
 *
 *   npm run bench                                   PDU and region
 *   npm run bench -- --tier national                the national tier end to end (~15M contacts, tens of
 *                                                   minutes): generate, import, start-up, rules, trends,
 *                                                   reviews and the queue in Chromium on the one database
 *   npm run bench -- --tier pdu                     the same at PDU scale (a minute or two)
 *   npm run bench -- --scales pdu,region,national   the engine figures at each scale
 *   npm run bench -- --ui                           adds the oversight queue in Chromium (bench/ui.ts) at each scale
 *   npm run bench -- --pdf                          adds the PDF export (tens of seconds)
 *   npm run bench -- --fresh                        generates the extracts again instead of reusing them
 *   npm run bench -- --ui-db FILE                   only the queue in Chromium, on a database already imported
 */
import { benchMode } from './args.js';
import { child } from './child.js';
import { suite } from './suite.js';
import { uiOnly } from './ui-report.js';

const run = benchMode(process.argv.slice(2));
switch (run.mode) {
  case 'usage':
    process.stderr.write(`bench: ${run.message}\n`);
    process.exitCode = 2;
    break;
  case 'child':
    await child(run.kind, run.args);
    break;
  case 'ui-db':
    await uiOnly(run.file);
    break;
  case 'suite':
    if (!suite(run.options)) process.exitCode = 1;
    break;
}
