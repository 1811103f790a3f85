import { arr, bulk, err, type Handler, int, typed, WRONGTYPE } from './redis-cli-reply.js';
import type { Db } from './redis-cli-store.js';

/** HSET, HGET, HGETALL, HKEYS, HVALS, HLEN, HDEL. */
export function hashCommands(): Record<string, [number, Handler]> {
  const hash = (db: Db, key: string) => typed(db, key, 'hash');
  return {
    hset: [
      -4,
      (a, _s, db) => {
        if (a.length % 2 === 0) return err("ERR wrong number of arguments for 'hset' command");
        const e = hash(db, a[0]!);
        if (e === null) return WRONGTYPE;
        const h = e?.value ?? {};
        let added = 0;
        for (let i = 1; i < a.length; i += 2) {
          if (!(a[i]! in h)) added++;
          h[a[i]!] = a[i + 1]!;
        }
        db[a[0]!] = { type: 'hash', value: h };
        return int(added);
      },
    ],
    hget: [
      3,
      (a, _s, db) => {
        const e = hash(db, a[0]!);
        return e === null ? WRONGTYPE : bulk(e?.value[a[1]!] ?? null);
      },
    ],
    hgetall: [
      2,
      (a, _s, db) => {
        const e = hash(db, a[0]!);
        return e === null ? WRONGTYPE : arr(Object.entries(e?.value ?? {}).flat());
      },
    ],
    hkeys: [2, (a, _s, db) => arr(Object.keys(hash(db, a[0]!)?.value ?? {}))],
    hvals: [2, (a, _s, db) => arr(Object.values(hash(db, a[0]!)?.value ?? {}))],
    hlen: [2, (a, _s, db) => int(Object.keys(hash(db, a[0]!)?.value ?? {}).length)],
    hdel: [
      -3,
      (a, _s, db) => {
        const e = hash(db, a[0]!);
        if (!e) return e === null ? WRONGTYPE : int(0);
        const n = a.slice(1).filter((f) => f in e.value && delete e.value[f]).length;
        if (!Object.keys(e.value).length) delete db[a[0]!];
        return int(n);
      },
    ],
  };
}

/** SADD, SMEMBERS, SISMEMBER, SCARD, SREM. */
export function setCommands(): Record<string, [number, Handler]> {
  const members = (db: Db, key: string) => typed(db, key, 'set');
  return {
    sadd: [
      -3,
      (a, _s, db) => {
        const e = members(db, a[0]!);
        if (e === null) return WRONGTYPE;
        const m = e?.value ?? [];
        const added = [...new Set(a.slice(1))].filter((x) => !m.includes(x));
        db[a[0]!] = { type: 'set', value: [...m, ...added] };
        return int(added.length);
      },
    ],
    smembers: [2, (a, _s, db) => arr(members(db, a[0]!)?.value ?? [])],
    sismember: [3, (a, _s, db) => int(members(db, a[0]!)?.value.includes(a[1]!) ? 1 : 0)],
    scard: [2, (a, _s, db) => int(members(db, a[0]!)?.value.length ?? 0)],
    srem: [
      -3,
      (a, _s, db) => {
        const e = members(db, a[0]!);
        if (!e) return e === null ? WRONGTYPE : int(0);
        const gone = a.slice(1).filter((x) => e.value.includes(x));
        e.value = e.value.filter((x) => !gone.includes(x));
        if (!e.value.length) delete db[a[0]!];
        return int(new Set(gone).size);
      },
    ],
  };
}
