import { extname } from 'node:path';
import { exportFormats, type ExportFormat } from '../db/contract.js';

/** The format an export is written in, from the extension the user chose in the save dialog. */
export function exportFormatFor(file: string): ExportFormat {
  const ext = extname(file).slice(1).toLowerCase();
  return exportFormats.find((f) => f === ext) ?? 'csv';
}

/** The save dialog's default file name, dated so successive exports do not replace each other. */
export function defaultExportName(today: string): string {
  return `oversight-log-${today}.csv`;
}
