import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Service } from '../../service/index.js';
import type { OpenedService, openService } from '../../service/open.js';
import { databasePath } from './args.js';
import { checkReason } from './check-policy.js';
import type { CommandEntry } from './commands/command.js';
import { processIo, UsageError, type CliIo } from './io.js';

const commands: readonly CommandEntry[] = [
  { name: 'generate', usage: 'generate --out DIR [--scale pdu|region|national] [--seed N] [--as-of DATE]', needsDb: false, load: async () => (await import('./commands/generate.js')).generateCommand },
  { name: 'import', usage: 'import DIR [--commit] [--skip-invalid] [--encoding windows-1252] [--json]', needsDb: true, load: async () => (await import('./commands/import.js')).importCommand },
  { name: 'demo', usage: 'demo [--seed N] [--as-of DATE] [--json]', needsDb: true, load: async () => (await import('./commands/demo.js')).demoCommand },
  { name: 'review', usage: 'review add --crn CRN --type TYPE --date DATE --spo NAME --decision TEXT [--checked LIST] [--next-review DATE] [--trigger RULE] [--analysis TEXT] [--action "DUE|OWNER|TEXT"] [--contact-code CODE] [--contact-id ID] [--json]\n' + '  review amend ID --reason TEXT [the fields of review add]   |   review withdraw ID --reason TEXT   |   review list --crn CRN [--json]', needsDb: true, load: async () => (await import('./commands/review.js')).reviewCommand },
  { name: 'actions', usage: 'actions list [--crn CRN] [--review ID] [--open|--closed] [--json] | actions done REVIEW_ID NUMBER --date DATE [--note TEXT] [--json] | actions drop REVIEW_ID NUMBER --date DATE --reason TEXT [--json]', needsDb: true, load: async () => (await import('./commands/actions.js')).actionsCommand },
  { name: 'export', usage: 'export --out FILE [--from DATE] [--to DATE] [--team CODE] [--practitioner CODE] [--rule RULE] [--format csv|pdf|json] [--purpose TEXT] [--recipient TEXT] [--json]', needsDb: true, load: async () => (await import('./commands/export.js')).exportCommand },
  { name: 'verify', usage: 'verify FILE [--trust PUBLIC-KEY.pem ...] [--json]', needsDb: false, load: async () => (await import('./commands/verify.js')).verifyCommand },
  { name: 'audit', usage: 'audit verify [--against EXPORT] [--json]   |   audit list [--operation OP] [--op reviews:record] [--user U] [--crn CRN] [--from DATE] [--to DATE] [--limit N] [--json]', needsDb: true, load: async () => (await import('./commands/audit.js')).auditCommand },
  { name: 'flags', usage: 'flags [--as-of DATE] [--team CODE] [--json]', needsDb: true, load: async () => (await import('./commands/flags.js')).flagsCommand },
  { name: 'settings', usage: 'settings get [--json] | settings set KEY VALUE --reason TEXT [--json] | settings history [--key KEY] [--json]', needsDb: true, load: async () => (await import('./commands/settings.js')).settingsCommand },
  { name: 'team', usage: 'team [--team CODE] [--as-of DATE] [--json]', needsDb: true, load: async () => (await import('./commands/team.js')).teamCommand },
  { name: 'trends', usage: 'trends [--weeks N] [--team CODE] [--as-of DATE] [--json]', needsDb: true, load: async () => (await import('./commands/trends.js')).trendsCommand },
  { name: 'backup', usage: 'backup --out FILE [--json]', needsDb: false, load: async () => (await import('./commands/backup.js')).backupCommand },
  { name: 'restore', usage: 'restore BACKUP [--force] [--json]', needsDb: false, load: async () => (await import('./commands/restore.js')).restoreCommand },
  { name: 'check', usage: 'check [--thorough] [--json]', needsDb: false, load: async () => (await import('./commands/check.js')).checkCommand },
  { name: 'encrypt', usage: 'encrypt [--json]', needsDb: false, load: async () => (await import('./commands/encrypt.js')).encryptCommand },
  { name: 'keys', usage: 'keys show [--pem | --json] | keys migrate [--json]', needsDb: false, load: async () => (await import('./commands/keys.js')).keysCommand },
];

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

/** The trend sweep's worker, bundled beside this file in dist/ (run from the sources, there is none: trends sweep in one thread). */
function sweepWorker(): { trendWorker?: URL } {
  const file = new URL('./sweep-worker.mjs', import.meta.url);
  return existsSync(fileURLToPath(file)) ? { trendWorker: file } : {};
}

/** Opens the service for a command: checked first only when checkReason says so. */
async function openFor(path: string, io: CliIo, open: typeof openService | undefined): Promise<OpenedService> {
  const reason = checkReason(path);
  if (reason) io.err(`spo-oversight: checking ${path} first (quick_check), since ${reason}\n`);
  // Loaded with the command: opening the service brings in the whole engine, which --help never needs.
  const opened = (open ?? (await import('../../service/open.js')).openService)(path, { startupCheck: reason ? 'now' : 'skip', ...sweepWorker() });
  if (reason && opened.health.ok) io.err(`spo-oversight: the database is whole (quick_check ok, ${(opened.health.ms / 1000).toFixed(1)} s)\n`);
  return opened;
}

/**
 * Runs one command; resolves to the exit code (0 ok, 1 problem found, 2 bad usage or input).
 * `open` replaces openService in tests, to see how the database was opened.
 */
export async function main(argv: string[], io: CliIo = processIo, open?: typeof openService): Promise<number> {
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
  let service: OpenedService | undefined;
  try {
    const { db, rest } = takeDb(args);
    if (command.needsDb) service = await openFor(databasePath(db, io.env), io, open);
    const noService: Service = {
      call: () => Promise.reject(new Error(`${command.name} does not use the database`)),
      close: () => undefined,
    };
    const checkNow = () => {
      if (!service) throw new Error(`${command.name} does not use the database`);
      return service.checkNow();
    };
    return await (await command.load()).run(rest, { io, service: service ?? noService, checkNow, dbFile: db ?? io.env.SPO_OVERSIGHT_DB });
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
