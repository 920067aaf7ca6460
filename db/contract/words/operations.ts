import type { OperationName } from '../operations.js';

/** What each operation does, in words: the audit log's "What" column, with the operation's name beside it. */
export const operationTitles: Readonly<Record<OperationName, string>> = {
  'import:preview': 'Checked an extract before importing it',
  'import:commit': 'Imported an extract',
  'caseload:summary': 'Read the caseload’s numbers',
  'caseload:teams': 'Read the teams and practitioners',
  'demo:load': 'Loaded the synthetic demo caseload',
  'flags:evaluate': 'Listed the flags',
  'flags:queue': 'Listed the oversight queue',
  'flags:case': 'Read a case’s flags',
  'cases:open': 'Opened a case',
  'settings:get': 'Read the settings',
  'settings:set': 'Changed a setting',
  'settings:history': 'Read the settings’ history',
  'reviews:record': 'Recorded an oversight review',
  'reviews:amend': 'Corrected an oversight review',
  'reviews:withdraw': 'Withdrew an oversight review',
  'reviews:list': 'Listed a case’s reviews',
  'reviews:get': 'Opened a review',
  'actions:list': 'Listed actions agreed in oversight',
  'actions:done': 'Marked an action done',
  'actions:drop': 'Dropped an action',
  'log:export': 'Exported the oversight log',
  'log:verify': 'Checked an exported log',
  'audit:verify': 'Checked the audit chain',
  'audit:list': 'Read the audit log',
  'profile:get': 'Read who is using the app',
  'profile:set': 'Changed who is using the app',
  'team:view': 'Read the team view',
  'trends:weekly': 'Read the trends',
  'sample:create': 'Drew a QA sample',
  'sample:record': 'Recorded a QA re-reading',
  'sample:list': 'Listed the QA samples',
  'sample:get': 'Opened a QA sample',
  'health:status': 'Asked how the database check stands',
};

/** The operation in words where the app knows it; an operation of an older version as itself. */
export function operationTitle(op: string): string {
  return Object.hasOwn(operationTitles, op) ? operationTitles[op as OperationName] : `${op} (not an operation this version knows)`;
}
