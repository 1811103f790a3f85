/** Replies of the redis protocol, and what every command handler gets. */
import type { Db, Entry, RedisData } from './redis-cli-store.js';

export type Reply =
  | { t: 'status'; s: string }
  | { t: 'error'; s: string }
  | { t: 'int'; n: number }
  | { t: 'bulk'; s: string | null }
  | { t: 'array'; items: Reply[] };

export interface RedisState {
  data: RedisData;
  db: number;
  /** requirepass of the server, when it has one; `authed` once AUTH matched it. */
  password?: string;
  authed: boolean;
  now: number;
  /** INFO server's lines. */
  info: () => string[];
}

export const int = (n: number): Reply => ({ t: 'int', n });
export const bulk = (s: string | null): Reply => ({ t: 'bulk', s });
export const arr = (xs: string[]): Reply => ({ t: 'array', items: xs.map(bulk) });
export const err = (s: string): Reply => ({ t: 'error', s });
export const WRONGTYPE = err('WRONGTYPE Operation against a key holding the wrong kind of value');

export type Handler = (a: string[], s: RedisState, db: Db) => Reply;

export function typed<T extends Entry['type']>(
  db: Db,
  key: string,
  type: T,
): (Entry & { type: T }) | undefined | null {
  const e = db[key];
  if (!e) return undefined;
  return e.type === type ? (e as Entry & { type: T }) : null;
}
