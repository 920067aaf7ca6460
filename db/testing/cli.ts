import { main } from '../hosts/cli/main.js';
import type { CliIo } from '../hosts/cli/io.js';
import type { openService } from '../service/open.js';

/** Runs the CLI in-process with captured output; `open`, to see how a command opened the database. */
export async function runCli(argv: string[], env: Record<string, string | undefined> = {}, open?: typeof openService): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    errIsTTY: false,
    env,
  };
  const code = await main(argv, io, open);
  return { code, out, err };
}
