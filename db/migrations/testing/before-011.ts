import type { Db } from '../../connection.js';
import { m006 } from '../006-trend-cache.js';

/**
 * Undoes migration 11 on a database built at a later version, so a test can make it look like
 * one from before (version 10 or earlier): the per-practitioner trend tables of migration 6 in
 * place of the week totals.
 */
export function beforeTrendTotals(db: Db): void {
  db.exec('DROP TABLE trend_totals; DROP TABLE trend_weeks;');
  m006.up(db);
}
