/**
 * The rules engine (oversight-rules.md): what the service and other engines use. The pure rules
 * over one case are in evaluate-case.ts; SQL loading in load.ts; stored flags in refresh.ts.
 */
export { evaluateCase } from './evaluate-case.js';
export { evaluateFlags } from './evaluate.js';
export { caseFlags } from './case-view.js';
export { ensureFresh, readFlagState, refreshFlags, type RefreshOptions, type RefreshSummary } from './refresh.js';
export { queryQueue, storedReport } from './queue.js';
export { loadPolicy, settingViews } from './settings-store.js';
export { defaultPolicy, settingDefs } from './policy.js';
