import { operationNames, type Operation, type Result, type ResultOf } from '../../../db/contract/index.js';
import { browserClient } from '../client.js';

/** A fake's answer to each operation it is asked; an operation left out fails as `internal`, naming itself. */
export type Answers = { [O in Operation]?: (input: unknown) => Result<ResultOf<O>> };

/** The real browser client over a fake preview host answering from a table; each call recorded. */
export function fakeClient(answers: Answers) {
  const calls: { op: Operation; input: unknown }[] = [];
  const client = browserClient('token', (url, init) => {
    const op = operationNames.find((o) => url === `/api/${o}`);
    if (!op) return Promise.resolve(new Response('{}', { status: 404 }));
    const input: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : null;
    calls.push({ op, input });
    const answer = answers[op];
    const result = answer ? answer(input) : { ok: false, error: { code: 'internal', message: `no answer for ${op}` } };
    return Promise.resolve(new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } }));
  });
  return { client, calls };
}
