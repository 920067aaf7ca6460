import type { Service } from '../../service/index.js';
import { openService } from '../../service/open.js';
import { databasePath } from './args.js';
import { actionsCommand } from './commands/actions.js';
import { auditCommand } from './commands/audit.js';
import { backupCommand } from './commands/backup.js';
import { restoreCommand } from './commands/restore.js';
import type { Command } from './commands/command.js';
import { demoCommand } from './commands/demo.js';
import { encryptCommand } from './commands/encrypt.js';
import { exportCommand } from './commands/export.js';
import { flagsCommand } from './commands/flags.js';
import { generateCommand } from './commands/generate.js';
import { importCommand } from './commands/import.js';
import { keysCommand } from './commands/keys.js';
import { reviewCommand } from './commands/review.js';
import { settingsCommand } from './commands/settings.js';
import { teamCommand } from './commands/team.js';
import { trendsCommand } from './commands/trends.js';
import { verifyCommand } from './commands/verify.js';
import { processIo, UsageError, type CliIo } from './io.js';

const commands: readonly Command[] = [generateCommand, importCommand, demoCommand, reviewCommand, actionsCommand, exportCommand, verifyCommand, auditCommand, flagsCommand, settingsCommand, teamCommand, trendsCommand, backupCommand, restoreCommand, encryptCommand, keysCommand];

function usage(): string {
  return ['usage: spo-oversight <command> [options]', '', ...commands.map((c) => `  ${c.usage}`), '', 'Commands that use a database take --db FILE (or SPO_OVERSIGHT_DB).', ''].join('\n');
}

/** Pulls --db out of the arguments, leaving the rest for the command. */
function takeDb(args: string[]): { db: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let db: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--db') {
      db = args[++i];
      if (db === undefined) throw new UsageError('--db needs a file');
    } else if (a.startsWith('--db=')) db = a.slice(5);
    else rest.push(a);
  }
  return { db, rest };
}

/** Runs one command; resolves to the exit code (0 ok, 1 problem found, 2 bad usage or input). */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(usage());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`spo-oversight: unknown command "${name}"; run spo-oversight --help\n`);
    return 2;
  }
  let service: Service | undefined;
  try {
    const { db, rest } = takeDb(args);
    if (command.needsDb) service = openService(databasePath(db, io.env));
    const noService: Service = {
      call: () => Promise.reject(new Error(`${command.name} does not use the database`)),
      close: () => undefined,
    };
    return await command.run(rest, { io, service: service ?? noService, dbFile: db ?? io.env.SPO_OVERSIGHT_DB });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`spo-oversight ${name}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && /^(ENOENT|EACCES|EISDIR|ENOTDIR|SQLITE_)/.test(e.code)) {
      io.err(`spo-oversight ${name}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof Error && e.name === 'DomainError') {
      io.err(`spo-oversight ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    service?.close();
  }
}
