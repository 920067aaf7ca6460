/** The secrets the CLI and the preview host keep for a database: its encryption key, its audit chain's HMAC key, its export signing key. */
export type KeyKind = 'db-key' | 'audit-key' | 'signing-key';

/**
 * Where a database's key of this kind is kept when no other place is named. The one place that
 * decides it, so moving keys out of the database's folder (issue 16, point 4) moves all of them.
 */
export function keyFilePath(dbFile: string, kind: KeyKind): string {
  return `${dbFile}.${kind}`;
}
