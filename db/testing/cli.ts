import { main } from '../hosts/cli/main.js';
import type { CliIo } from '../hosts/cli/io.js';

/** Runs the CLI in-process with captured output. */
export async function runCli(argv: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string }> {
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
  const code = await main(argv, io);
  return { code, out, err };
}
