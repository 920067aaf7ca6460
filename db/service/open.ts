import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { openDatabase, type OpenOptions } from '../connection.js';
import { createService, type Service } from './index.js';

/** The operating-system account, which the logs record beside the app user (DPA 2018 s.62). */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // Some containers have no passwd entry for the uid.
    return process.env.USER ?? process.env.USERNAME ?? `uid ${process.getuid?.() ?? 'unknown'}`;
  }
}

export interface OpenServiceOptions extends OpenOptions {
  now?: () => Date;
}

/** Opens the database file (creating its folder) and the service over it. */
export function openService(file: string, options: OpenServiceOptions = {}): Service {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const db = openDatabase(path, options);
  return createService({ db, osUser: osUser(), now: options.now ?? (() => new Date()), dataDir: dirname(path) });
}
