import type { ImportReport } from '../../../contract/index.js';
import { parse } from '../args.js';
import { UsageError, progressPrinter, type CliIo } from '../io.js';
import type { Command, CommandContext } from './command.js';

export function formatImportReport(r: ImportReport): string {
  const lines: string[] = [];
  const verdict = r.committed
    ? `Imported (import log entry ${r.importId ?? '?'}).`
    : r.alreadyImported
      ? 'These very files are already the imported snapshot: nothing changed.'
      : r.dryRun
        ? 'Dry run: nothing was written.'
        : 'Refused: nothing was imported.';
  lines.push(verdict, '');
  for (const f of r.files) lines.push(`  ${f.name.padEnd(24)} ${(f.kind ?? 'not recognised').padEnd(14)} ${String(f.rows).padStart(9)} rows  ${f.encoding}  sha256 ${f.sha256.slice(0, 12)}…`);
  lines.push('', `Cases: ${r.cases.new} new, ${r.cases.updated} updated, ${r.cases.unchanged} unchanged, ${r.cases.leftCaseload} no longer in the caseload`);
  lines.push(`Rows: ${r.rows.registrations} registrations, ${r.rows.contacts} contacts, ${r.rows.staff} staff, ${r.rows.needs} needs`);
  lines.push(`Rejected rows: ${r.rejected}`);
  if (r.errors.length) {
    lines.push('', 'Errors:');
    for (const e of r.errors) lines.push(`  ${e.file}${e.line ? `:${e.line}` : ''}${e.column ? ` [${e.column}]` : ''}: ${e.reason}`);
    if (r.errorsOmitted) lines.push(`  … and ${r.errorsOmitted} more`);
  }
  if (r.warnings.length) {
    lines.push('', 'Warnings:');
    for (const w of r.warnings) lines.push(`  ${w.file}: ${w.reason}`);
  }
  for (const u of r.unknownColumns) lines.push('', `${u.file}: columns the app does not know, kept aside: ${u.columns.join(', ')}`);
  if (r.dryRun && r.errors.length === 0 && !r.alreadyImported) lines.push('', 'Run again with --commit to import.');
  return `${lines.join('\n')}\n`;
}

/**
 * An import rewrites much of the file, so the database is checked at once after one commits, while
 * the extract is still at hand to import again. Says so on stderr; false when it found damage.
 */
export function checkAfterImport(name: string, io: CliIo, checkNow: CommandContext['checkNow']): boolean {
  const health = checkNow();
  if (!health.ok) {
    io.err(`spo-oversight ${name}: ${health.message ?? health.problems.join('; ')}\n`);
    return false;
  }
  io.err(`spo-oversight ${name}: the database is whole after the import (quick_check ok, ${(health.ms / 1000).toFixed(1)} s)\n`);
  return true;
}

export const importCommand: Command = {
  async run(args, { io, service, checkNow }) {
    const { values, positionals } = parse(
      args,
      {
        commit: { type: 'boolean' },
        'skip-invalid': { type: 'boolean' },
        encoding: { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    if (positionals.length === 0) throw new UsageError('import needs a folder (or CSV files) to read');
    if (values.encoding !== undefined && values.encoding.toLowerCase() !== 'windows-1252') {
      throw new UsageError(`--encoding accepts only windows-1252 (UTF-8 is detected by itself): ${values.encoding}`);
    }
    const onProgress = progressPrinter(io);
    const result = await service.call(
      values.commit ? 'import:commit' : 'import:preview',
      { paths: positionals, skipInvalid: values['skip-invalid'] ?? false, ...(values.encoding ? { encoding: 'windows-1252' as const } : {}) },
      onProgress ? { onProgress } : {},
    );
    if (onProgress) io.err('\r\u001b[K');
    if (!result.ok) throw new UsageError(result.error.message);
    io.out(values.json ? `${JSON.stringify(result.value, null, 2)}\n` : formatImportReport(result.value));
    if (result.value.committed && !checkAfterImport('import', io, checkNow)) return 1;
    return result.value.errors.length > 0 ? 1 : 0;
  },
};
