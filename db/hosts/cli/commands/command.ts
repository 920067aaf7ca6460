import type { Service } from '../../../service/index.js';
import type { StartupHealth } from '../../../service/open.js';
import type { CliIo } from '../io.js';

export interface CommandContext {
  io: CliIo;
  /** Opened from --db / SPO_OVERSIGHT_DB for commands that need it. */
  service: Service;
  /** Runs the database check now on the service's connection (after an import); read-only if it fails. */
  checkNow: () => StartupHealth;
  /** The --db / SPO_OVERSIGHT_DB path, for commands that open the file themselves (backup, restore). */
  dbFile?: string | undefined;
}

export interface Command {
  /** Resolves to the exit code: 0 success, 1 the command found a problem. */
  run(args: string[], ctx: CommandContext): Promise<number>;
}

/**
 * A command as the CLI lists it: its name, usage and whether it opens the database, known without
 * loading it. Its code (and what that imports: pdfkit, the generator, the engine) loads only when
 * it runs, so `--help` and a small command start fast.
 */
export interface CommandEntry {
  name: string;
  usage: string;
  needsDb: boolean;
  load: () => Promise<Command>;
}
