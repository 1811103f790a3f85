import type { FsView } from '../../fs/view.js';

/** One key's value: a string, a list, a hash or a set, and when it expires (ms since the epoch). */
export type Entry =
  | { type: 'string'; value: string; expireAt?: number }
  | { type: 'list'; value: string[]; expireAt?: number }
  | { type: 'hash'; value: Record<string, string>; expireAt?: number }
  | { type: 'set'; value: string[]; expireAt?: number };

export type Db = Record<string, Entry>;

interface Saved {
  format: 'dockersim-redis-1';
  dbs: Record<string, Db>;
}

/**
 * The server's dataset. A real redis-server keeps it in its memory; the simulation keeps it
 * in a file of the server's working directory (`/data/.dockersim-keys.json`, owned by redis)
 * so that the next command finds it. `dump.rdb` is what SAVE and a shutdown write.
 */
export class RedisData {
  private readonly dbs: Record<string, Db>;

  constructor(
    private readonly fs: FsView,
    private readonly dir: string,
    private readonly now: number,
  ) {
    let saved: Saved | undefined;
    try {
      saved = JSON.parse(fs.readFile(this.file).toString('utf8')) as Saved;
    } catch {
      saved = undefined;
    }
    this.dbs = saved?.dbs ?? {};
  }

  private get file(): string {
    return `${this.dir}/.dockersim-keys.json`;
  }

  /** Keys of database `n` still alive now (expired ones go, as redis expires them lazily). */
  db(n: number): Db {
    const db = this.dbs[n] ?? {};
    for (const [k, e] of Object.entries(db))
      if (e.expireAt !== undefined && e.expireAt <= this.now) delete db[k];
    this.dbs[n] = db;
    return db;
  }

  flushAll(): void {
    for (const k of Object.keys(this.dbs)) delete this.dbs[k];
  }

  /** Databases with keys: `db0:keys=1,expires=0,avg_ttl=0` in INFO keyspace. */
  keyspace(): string[] {
    return Object.keys(this.dbs)
      .map(Number)
      .sort((a, b) => a - b)
      .filter((n) => Object.keys(this.db(n)).length)
      .map((n) => {
        const entries = Object.values(this.db(n));
        const expires = entries.filter((e) => e.expireAt !== undefined).length;
        return `db${n}:keys=${entries.length},expires=${expires},avg_ttl=0`;
      });
  }

  write(): void {
    const doc: Saved = { format: 'dockersim-redis-1', dbs: this.dbs };
    try {
      this.fs.writeFile(this.file, `${JSON.stringify(doc)}\n`, { mode: 0o600, uid: 999, gid: 999 });
    } catch {
      // a read-only data directory: the keys live as long as this command
    }
  }

  /** SAVE: the snapshot file redis writes (its header; the keys stay in our own file). */
  save(): boolean {
    try {
      this.fs.writeFile(`${this.dir}/dump.rdb`, 'REDIS0011', { mode: 0o600, uid: 999, gid: 999 });
      return true;
    } catch {
      return false;
    }
  }
}
