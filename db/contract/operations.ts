/**
 * Every operation's name, and nothing else: the preload builds one function per name from this
 * list and must not bundle zod to do it. index.ts fails to compile unless this list names exactly
 * the operations of the input and result maps.
 */
export const operationNames = [
  'import:preview',
  'import:commit',
  'caseload:summary',
  'caseload:teams',
  'demo:load',
  'flags:evaluate',
  'flags:queue',
  'flags:case',
  'cases:open',
  'settings:get',
  'settings:set',
  'settings:history',
  'reviews:record',
  'reviews:amend',
  'reviews:withdraw',
  'reviews:list',
  'reviews:get',
  'actions:list',
  'actions:done',
  'actions:drop',
  'log:export',
  'log:verify',
  'audit:verify',
  'audit:list',
  'profile:get',
  'profile:set',
  'team:view',
  'trends:weekly',
  'sample:create',
  'sample:record',
  'sample:list',
  'sample:get',
  'health:status',
] as const;

export type OperationName = (typeof operationNames)[number];
