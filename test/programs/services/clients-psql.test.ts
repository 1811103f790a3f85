import { describe, expect, it } from 'vitest';
import { exitOf, stderrOf, stdoutOf } from '../../../src/programs/run.js';
import { psql } from '../../../src/programs/services/clients.js';
import type { NetPeer } from '../../../src/programs/types.js';
import { fakeNet, netContext } from '../net/helpers.js';
import { clock, fakeContext, MemFs } from './fake.js';

const ENV = { POSTGRES_PASSWORD: 'pw', PG_VERSION: '16.3-1.pgdg120+1', PG_MAJOR: '16' };

function serverFs(): MemFs {
  const fs = new MemFs(() => clock.now);
  fs.put('/var/lib/postgresql/data/pg_hba.conf', 'local all all trust\nhost all all all scram-sha-256\n');
  fs.mkdir('/var/lib/postgresql/data/base', { recursive: true });
  return fs;
}

const local = (fs: MemFs, argv: string[], o: { tty?: boolean; stdin?: string } = {}) =>
  fakeContext({
    argv,
    fs,
    env: ENV,
    processes: [
      { pid: 1, comm: 'postgres' },
      { pid: 40, comm: 'psql' },
    ],
    self: 40,
    ...o,
  });

describe('psql against the postgres of its container', () => {
  it('runs every statement of -c, prints tags and tables, and keeps the rows on disk', async () => {
    const fs = serverFs();
    const r = await psql.run(
      local(fs, [
        'psql',
        '-U',
        'postgres',
        '-c',
        "CREATE TABLE t (id int, name text); INSERT INTO t VALUES (1, 'a'), (2, NULL); SELECT * FROM t;",
      ]),
    );
    expect(stdoutOf(r)).toBe(
      'CREATE TABLE\nINSERT 0 2\n id | name \n----+------\n  1 | a\n  2 | \n(2 rows)\n\n',
    );
    expect(fs.readdir('/var/lib/postgresql/data/base/5')).toEqual(['16385']);
    const again = await psql.run(local(fs, ['psql', '-U', 'postgres', '-tAc', 'SELECT count(*) FROM t']));
    expect(stdoutOf(again)).toBe('2\n');
  });

  it('points at the error in the -c string and exits 1', async () => {
    const r = await psql.run(
      local(serverFs(), ['psql', '-U', 'postgres', '-c', 'SELECT 1;\nSELECT * FROM nope;']),
    );
    expect(stdoutOf(r)).toContain('(1 row)');
    expect(stderrOf(r)).toBe(
      'ERROR:  relation "nope" does not exist\nLINE 2: SELECT * FROM nope;\n                      ^\n',
    );
    expect(exitOf(r)).toBe(1);
  });

  it('reads a script from stdin, naming the line of each error, and goes on', async () => {
    const r = await psql.run(
      local(serverFs(), ['psql', '-U', 'postgres'], { stdin: 'SELECT x;\nSELECT 2 AS two;\n' }),
    );
    expect(stderrOf(r)).toBe(
      'psql:<stdin>:1: ERROR:  column "x" does not exist\nLINE 1: SELECT x;\n               ^\n',
    );
    expect(stdoutOf(r)).toBe(' two \n-----\n   2\n(1 row)\n\n');
    expect(exitOf(r)).toBe(0);
  });

  it('lists databases and relations, and describes a table', async () => {
    const fs = serverFs();
    await psql.run(
      local(fs, [
        'psql',
        '-U',
        'postgres',
        '-c',
        'CREATE TABLE items (id serial PRIMARY KEY, name varchar(20) NOT NULL)',
      ]),
    );
    const dt = await psql.run(local(fs, ['psql', '-U', 'postgres', '-c', '\\dt']));
    expect(stdoutOf(dt)).toBe(
      '         List of relations\n Schema | Name  | Type  |  Owner   \n--------+-------+-------+----------\n public | items | table | postgres\n(1 row)\n\n',
    );
    const d = stdoutOf(await psql.run(local(fs, ['psql', '-U', 'postgres', '-c', '\\d items'])));
    expect(d).toContain(
      " id     | integer               |           | not null | nextval('items_id_seq'::regclass)\n",
    );
    expect(d).toContain('Indexes:\n    "items_pkey" PRIMARY KEY, btree (id)\n');
    const l = stdoutOf(await psql.run(local(fs, ['psql', '-U', 'postgres', '-l'])));
    expect(l).toContain(
      ' template1 | postgres | UTF8     | libc            | en_US.utf8 | en_US.utf8 |            |           | =c/postgres          +\n',
    );
    expect(l).toMatch(/\(3 rows\)\n\n$/);
  });

  it('has a session with its banner and prompts', async () => {
    const s = (await psql.session!(local(serverFs(), ['psql', '-U', 'postgres'], { tty: true })))!;
    expect(s.banner).toBe('psql (16.3 (Debian 16.3-1.pgdg120+1))\nType "help" for help.\n\n');
    expect(s.prompt()).toBe('postgres=# ');
    expect((await s.line('SELECT 1')).output).toBe('');
    expect(s.prompt()).toBe('postgres-# ');
    expect((await s.line(';')).output).toBe(' ?column? \n----------\n        1\n(1 row)\n\n');
    expect((await s.line('CREATE DATABASE shop;')).output).toBe('CREATE DATABASE\n');
    expect((await s.line('\\c shop')).output).toBe(
      'You are now connected to database "shop" as user "postgres".\n',
    );
    expect(s.prompt()).toBe('shop=# ');
    expect(await s.line('\\q')).toEqual({ output: '', exit: 0 });
  });

  it('refuses root, which has no role', async () => {
    const r = await psql.run(local(serverFs(), ['psql']));
    expect(stderrOf(r)).toContain('FATAL:  role "root" does not exist');
    expect(await psql.session!(local(serverFs(), ['psql'], { tty: true }))).toBeUndefined();
  });
});

describe('psql over the network', () => {
  it("writes through the listener's files, which its own psql then reads", async () => {
    const fs = serverFs();
    const peer: NetPeer = { program: 'postgres', argv: ['postgres'], env: ENV, cwd: '/', fs: () => fs };
    const net = fakeNet({ names: { pg: '172.18.0.2' }, listeners: { '172.18.0.2:5432': peer } });
    const argv = [
      'psql',
      '-h',
      'pg',
      '-U',
      'postgres',
      '-c',
      'CREATE TABLE t (id int); INSERT INTO t VALUES (1); SELECT * FROM t;',
    ];
    const r = await psql.run(netContext(argv, net, { env: { PGPASSWORD: 'pw' } }));
    expect(stdoutOf(r)).toBe('CREATE TABLE\nINSERT 0 1\n id \n----\n  1\n(1 row)\n\n');
    const inside = await psql.run(local(fs, ['psql', '-U', 'postgres', '-tAc', 'SELECT * FROM t']));
    expect(stdoutOf(inside)).toBe('1\n');
  });
});
