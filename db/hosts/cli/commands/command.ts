import type { Service } from '../../../service/index.js';
import type { CliIo } from '../io.js';

export interface CommandContext {
  io: CliIo;
  /** Opened from --db / SPO_OVERSIGHT_DB for commands that need it. */
  service: Service;
  /** The --db / SPO_OVERSIGHT_DB path, for commands that open the file themselves (backup, restore). */
  dbFile?: string | undefined;
}

export interface Command {
  name: string;
  usage: string;
  needsDb: boolean;
  /** Resolves to the exit code: 0 success, 1 the command found a problem. */
  run(args: string[], ctx: CommandContext): Promise<number>;
}
