// Prints one plain closing line for the test run ("N passed, N failed"), read from vitest's JSON report.
import { existsSync, readFileSync } from 'node:fs';

// The unit tests' report, plus the end-to-end tests' when `npm test` ran them.
const e2e = '.test-results/e2e.json';
const report = ['.test-results/vitest.json', ...(existsSync(e2e) ? [e2e] : [])]
  .map((f) => JSON.parse(readFileSync(f, 'utf8')))
  .reduce((a, r) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] + r[k]])), { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numTotalTests: 0 });
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (report.numTotalTests === 0) process.exitCode = 1;
