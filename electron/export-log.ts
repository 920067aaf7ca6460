import { exportFormats, type ExportFormat } from '../db/contract/index.js';

/** The save dialog's default file name, dated so successive exports do not replace each other. */
export function defaultExportName(today: string, format: ExportFormat = 'csv'): string {
  return `oversight-log-${today}.${format}`;
}

/** The format the page asked for, if it is one; anything else is refused before a dialog opens. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return exportFormats.some((f) => f === value);
}

/** The save dialog's filter: only the chosen format, so the extension matches what is written. */
export function exportFilter(format: ExportFormat): { name: string; extensions: string[] } {
  return { name: format.toUpperCase(), extensions: [format] };
}
