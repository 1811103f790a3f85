import {
  arr,
  bulk,
  err,
  type Handler,
  int,
  type RedisState,
  type Reply,
  typed,
  WRONGTYPE,
} from './redis-cli-reply.js';
import type { Db } from './redis-cli-store.js';
import { hashCommands, setCommands } from './redis-cli-types.js';

export type { RedisState, Reply } from './redis-cli-reply.js';

const ok: Reply = { t: 'status', s: 'OK' };
const NOT_INT = err('ERR value is not an integer or out of range');

/** `*` `?` `[...]` of KEYS. */
function glob(pattern: string): RegExp {
  const re = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 's');
}

function incr(db: Db, key: string, by: number): Reply {
  const e = typed(db, key, 'string');
  if (e === null) return WRONGTYPE;
  const cur = e ? e.value : '0';
  if (!/^-?\d+$/.test(cur)) return NOT_INT;
  const next = Number(cur) + by;
  db[key] = { type: 'string', value: String(next), ...(e?.expireAt ? { expireAt: e.expireAt } : {}) };
  return int(next);
}

function push(db: Db, a: string[], left: boolean): Reply {
  const e = typed(db, a[0]!, 'list');
  if (e === null) return WRONGTYPE;
  const list = e?.value ?? [];
  for (const v of a.slice(1)) left ? list.unshift(v) : list.push(v);
  db[a[0]!] = { type: 'list', value: list };
  return int(list.length);
}

function pop(db: Db, key: string, left: boolean): Reply {
  const e = typed(db, key, 'list');
  if (e === null) return WRONGTYPE;
  if (!e) return bulk(null);
  const v = left ? e.value.shift() : e.value.pop();
  if (!e.value.length) delete db[key];
  return bulk(v ?? null);
}

function ttl(db: Db, key: string, now: number, unit: number): Reply {
  const e = db[key];
  if (!e) return int(-2);
  if (e.expireAt === undefined) return int(-1);
  return int(unit === 1 ? e.expireAt - now : Math.ceil((e.expireAt - now) / 1000));
}

function set(a: string[], s: RedisState, db: Db): Reply {
  const [key, value, ...opts] = a as [string, string, ...string[]];
  let expireAt: number | undefined;
  let nx = false;
  let xx = false;
  for (let i = 0; i < opts.length; i++) {
    const o = opts[i]!.toUpperCase();
    if (o === 'NX') nx = true;
    else if (o === 'XX') xx = true;
    else if (o === 'EX' || o === 'PX') {
      const n = Number(opts[++i]);
      if (!Number.isInteger(n)) return NOT_INT;
      if (n <= 0) return err("ERR invalid expire time in 'set' command");
      expireAt = s.now + (o === 'EX' ? n * 1000 : n);
    } else return err('ERR syntax error');
  }
  if ((nx && db[key]) || (xx && !db[key])) return bulk(null);
  db[key] = { type: 'string', value, ...(expireAt !== undefined ? { expireAt } : {}) };
  return ok;
}

/** Each command: its arity (negative: at least) and what it does. */
const COMMANDS: Record<string, [number, Handler]> = {
  ping: [-1, (a) => (a[0] === undefined ? { t: 'status', s: 'PONG' } : bulk(a[0]))],
  echo: [2, (a) => bulk(a[0]!)],
  set: [-3, set],
  get: [
    2,
    (a, _s, db) => {
      const e = typed(db, a[0]!, 'string');
      return e === null ? WRONGTYPE : bulk(e?.value ?? null);
    },
  ],
  mset: [
    -3,
    (a, _s, db) => {
      if (a.length % 2) return err("ERR wrong number of arguments for 'mset' command");
      for (let i = 0; i < a.length; i += 2) db[a[i]!] = { type: 'string', value: a[i + 1]! };
      return ok;
    },
  ],
  mget: [
    -2,
    (a, _s, db) => ({ t: 'array', items: a.map((k) => bulk(typed(db, k, 'string')?.value ?? null)) }),
  ],
  append: [
    3,
    (a, _s, db) => {
      const e = typed(db, a[0]!, 'string');
      if (e === null) return WRONGTYPE;
      const value = (e?.value ?? '') + a[1];
      db[a[0]!] = { ...(e ?? {}), type: 'string', value };
      return int(value.length);
    },
  ],
  strlen: [2, (a, _s, db) => int(typed(db, a[0]!, 'string')?.value.length ?? 0)],
  incr: [2, (a, _s, db) => incr(db, a[0]!, 1)],
  decr: [2, (a, _s, db) => incr(db, a[0]!, -1)],
  incrby: [3, (a, _s, db) => (/^-?\d+$/.test(a[1]!) ? incr(db, a[0]!, Number(a[1])) : NOT_INT)],
  decrby: [3, (a, _s, db) => (/^-?\d+$/.test(a[1]!) ? incr(db, a[0]!, -Number(a[1])) : NOT_INT)],
  del: [-2, (a, _s, db) => int(a.filter((k) => db[k] && delete db[k]).length)],
  exists: [-2, (a, _s, db) => int(a.filter((k) => db[k]).length)],
  type: [2, (a, _s, db) => ({ t: 'status', s: db[a[0]!]?.type ?? 'none' })],
  keys: [2, (a, _s, db) => arr(Object.keys(db).filter((k) => glob(a[0]!).test(k)))],
  rename: [
    3,
    (a, _s, db) => {
      if (!db[a[0]!]) return err('ERR no such key');
      db[a[1]!] = db[a[0]!]!;
      if (a[0] !== a[1]) delete db[a[0]!];
      return ok;
    },
  ],
  expire: [-3, (a, s, db) => expire(a, s, db, 1000)],
  pexpire: [-3, (a, s, db) => expire(a, s, db, 1)],
  ttl: [2, (a, s, db) => ttl(db, a[0]!, s.now, 1000)],
  pttl: [2, (a, s, db) => ttl(db, a[0]!, s.now, 1)],
  persist: [
    2,
    (a, _s, db) => {
      const e = db[a[0]!];
      if (!e || e.expireAt === undefined) return int(0);
      delete e.expireAt;
      return int(1);
    },
  ],
  lpush: [-3, (a, _s, db) => push(db, a, true)],
  rpush: [-3, (a, _s, db) => push(db, a, false)],
  lpop: [2, (a, _s, db) => pop(db, a[0]!, true)],
  rpop: [2, (a, _s, db) => pop(db, a[0]!, false)],
  llen: [
    2,
    (a, _s, db) => {
      const e = typed(db, a[0]!, 'list');
      return e === null ? WRONGTYPE : int(e?.value.length ?? 0);
    },
  ],
  lrange: [
    4,
    (a, _s, db) => {
      const e = typed(db, a[0]!, 'list');
      if (e === null) return WRONGTYPE;
      if (!/^-?\d+$/.test(a[1]!) || !/^-?\d+$/.test(a[2]!)) return NOT_INT;
      const list = e?.value ?? [];
      const at = (n: number) => (n < 0 ? list.length + n : n);
      return arr(list.slice(Math.max(0, at(Number(a[1]))), at(Number(a[2])) + 1));
    },
  ],
  ...hashCommands(),
  ...setCommands(),
  dbsize: [1, (_a, _s, db) => int(Object.keys(db).length)],
  flushdb: [
    -1,
    (_a, _s, db) => {
      for (const k of Object.keys(db)) delete db[k];
      return ok;
    },
  ],
  flushall: [
    -1,
    (_a, s) => {
      s.data.flushAll();
      return ok;
    },
  ],
  select: [
    2,
    (a, s) => {
      const n = Number(a[0]);
      if (!/^\d+$/.test(a[0]!)) return NOT_INT;
      if (n > 15) return err('ERR DB index is out of range');
      s.db = n;
      return ok;
    },
  ],
  save: [1, (_a, s) => (s.data.save() ? ok : err('ERR'))],
  bgsave: [-1, (_a, s) => (s.data.save() ? { t: 'status', s: 'Background saving started' } : err('ERR'))],
  info: [
    -1,
    (a, s) => {
      const section = (a[0] ?? 'default').toLowerCase();
      const server = ['# Server', ...s.info()];
      const keyspace = ['# Keyspace', ...s.data.keyspace()];
      const lines =
        section === 'server' ? server : section === 'keyspace' ? keyspace : [...server, '', ...keyspace];
      return bulk(`${lines.join('\r\n')}\r\n`);
    },
  ],
};

function expire(a: string[], s: RedisState, db: Db, unit: number): Reply {
  if (!/^-?\d+$/.test(a[1]!)) return NOT_INT;
  const e = db[a[0]!];
  if (!e) return int(0);
  e.expireAt = s.now + Number(a[1]) * unit;
  return int(1);
}

/** One command as the server answers it. */
export function execute(words: string[], s: RedisState): Reply {
  const name = words[0]!;
  const cmd = name.toLowerCase();
  const args = words.slice(1);
  if (cmd === 'auth') {
    if (s.password === undefined)
      return err(
        'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
      );
    if (args.at(-1) !== s.password)
      return err('WRONGPASS invalid username-password pair or user is disabled.');
    s.authed = true;
    return ok;
  }
  const entry = COMMANDS[cmd];
  if (!entry) {
    const shown = args.map((x) => `'${x}' `).join('');
    return err(`ERR unknown command '${name}', with args beginning with: ${shown}`);
  }
  if (s.password !== undefined && !s.authed) return err('NOAUTH Authentication required.');
  const [arity, handler] = entry;
  if (arity > 0 ? words.length !== arity : words.length < -arity)
    return err(`ERR wrong number of arguments for '${cmd}' command`);
  return handler(args, s, s.data.db(s.db));
}
