/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress goes to stderr only when it is a terminal. */
  errIsTTY: boolean;
  env: Record<string, string | undefined>;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  errIsTTY: process.stderr.isTTY,
  env: process.env,
};

/** Bad usage or bad input: exit 2 with one line naming the problem. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function progressPrinter(io: CliIo): ((p: { phase: string; done: number; total: number }) => void) | undefined {
  if (!io.errIsTTY) return undefined;
  return (p) => {
    const pct = p.total > 0 ? ` ${Math.min(100, Math.round((p.done / p.total) * 100))}%` : '';
    io.err(`\r${p.phase}: ${p.done.toLocaleString('en-GB')}${pct}\u001b[K`);
  };
}
