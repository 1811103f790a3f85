import { describe, expect, it } from 'vitest';
import { exitOf, stderrOf, stdoutOf } from '../../../src/programs/run.js';
import { mysqlClient } from '../../../src/programs/services/clients.js';
import type { ProgramRun } from '../../../src/programs/types.js';
import { clock, fakeContext, MemFs } from './fake.js';

const ENV = { MYSQL_ROOT_PASSWORD: 'secret', MYSQL_VERSION: '8.0.38-1.el9' };
const SERVER = [
  { pid: 1, comm: 'mysqld', args: ['mysqld'] },
  { pid: 50, comm: 'mysql' },
];

function serverFs(): MemFs {
  const fs = new MemFs(() => clock.now);
  fs.put('/etc/my.cnf', '[mysqld]\ndatadir=/var/lib/mysql\n');
  for (const d of ['mysql', 'performance_schema', 'sys', '#innodb_redo'])
    fs.mkdir(`/var/lib/mysql/${d}`, { recursive: true });
  return fs;
}

const mysql = mysqlClient('mysql@8.0.38');

async function run(
  fs: MemFs,
  argv: string[],
  o: { stdin?: string; tty?: boolean } = {},
): Promise<ProgramRun> {
  const ctx = fakeContext({ argv, fs, env: ENV, processes: SERVER, self: 50, ...o });
  return mysql.run(ctx);
}

describe('mysql client, batch mode', () => {
  it('creates a database, a table, rows, and selects them as tab-separated text', async () => {
    const fs = serverFs();
    const r1 = await run(fs, ['mysql', '-uroot', '-psecret', '-e', 'CREATE DATABASE shop; SHOW DATABASES;']);
    expect(stderrOf(r1)).toBe(
      'mysql: [Warning] Using a password on the command line interface can be insecure.\n',
    );
    expect(stdoutOf(r1)).toBe('Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n');
    const r2 = await run(fs, [
      'mysql',
      '-uroot',
      '-psecret',
      'shop',
      '-e',
      "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20)); INSERT INTO items VALUES (1,'apple'),(2,'pear'); SELECT * FROM items WHERE id > 1;",
    ]);
    expect(stdoutOf(r2)).toBe('id\tname\n2\tpear\n');
    expect(exitOf(r2)).toBe(0);
    const r3 = await run(fs, ['mysql', '-uroot', '-psecret', 'shop'], {
      stdin: 'SELECT COUNT(*) FROM items;\n',
    });
    expect(stdoutOf(r3)).toBe('COUNT(*)\n2\n');
    const r4 = await run(fs, ['mysql', '-uroot', '-psecret', '-t', 'shop', '-e', 'SELECT * FROM items'], {});
    expect(stdoutOf(r4)).toBe(
      '+----+-------+\n| id | name  |\n+----+-------+\n|  1 | apple |\n|  2 | pear  |\n+----+-------+\n',
    );
    const r5 = await run(fs, ['mysql', '-uroot', '-psecret', 'shop', '-e', 'SELECT * FROM nope'], {});
    expect(stderrOf(r5)).toContain("ERROR 1146 (42S02) at line 1: Table 'shop.nope' doesn't exist\n");
    expect(exitOf(r5)).toBe(1);
  });
});

describe('mysql client, terminal session', () => {
  const ctxFor = (fs: MemFs, argv: string[]) =>
    fakeContext({ argv, fs, env: ENV, processes: SERVER, self: 50, tty: true });

  it('asks for the password, greets, continues statements and prints tables with counts', async () => {
    const fs = serverFs();
    const s = (await mysql.session!(ctxFor(fs, ['mysql', '-uroot', '-p'])))!;
    expect(s.banner).toBe('');
    expect(s.prompt()).toBe('Enter password: ');
    const hello = await s.line('secret');
    expect(hello.output).toMatch(/^Welcome to the MySQL monitor\. {2}Commands end with ; or \\g\.\n/);
    expect(hello.output).toContain('Server version: 8.0.38 MySQL Community Server - GPL\n');
    expect(hello.output).toMatch(
      /Type 'help;' or '\\h' for help\. Type '\\c' to clear the current input statement\.\n\n$/,
    );
    expect(s.prompt()).toBe('mysql> ');
    expect((await s.line('CREATE DATABASE shop;')).output).toBe('Query OK, 1 row affected (0.01 sec)\n\n');
    expect((await s.line('use shop')).output).toBe('Database changed\n');
    await s.line('CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20));');
    expect((await s.line("INSERT INTO items VALUES (1,'apple'),")).output).toBe('');
    expect(s.prompt()).toBe('    -> ');
    expect((await s.line("(2,'pear');")).output).toBe(
      'Query OK, 2 rows affected (0.01 sec)\nRecords: 2  Duplicates: 0  Warnings: 0\n\n',
    );
    expect((await s.line('SELECT * FROM items WHERE id > 1;')).output).toBe(
      '+----+------+\n| id | name |\n+----+------+\n|  2 | pear |\n+----+------+\n1 row in set (0.00 sec)\n\n',
    );
    expect((await s.line('SELECT * FROM items WHERE id > 5;')).output).toBe('Empty set (0.00 sec)\n\n');
    expect((await s.line('SELECT * FROM nope;')).output).toBe(
      "ERROR 1146 (42S02): Table 'shop.nope' doesn't exist\n",
    );
    await s.line("SELECT 'abc");
    expect(s.prompt()).toBe("    '> ");
    expect((await s.line("';")).output).toContain('1 row in set');
    expect((await s.line('SELECT id, name FROM items WHERE id = 1\\G')).output).toBe(
      '*************************** 1. row ***************************\n  id: 1\nname: apple\n1 row in set (0.00 sec)\n\n',
    );
    expect(await s.line('exit')).toEqual({ output: 'Bye\n', exit: 0 });
  });

  it('refuses a wrong password after the prompt', async () => {
    const s = (await mysql.session!(ctxFor(serverFs(), ['mysql', '-uroot', '-p'])))!;
    expect(await s.line('nope')).toEqual({
      output: "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\n",
      exit: 1,
    });
  });

  it('is no session with -e, and none without a server (run prints the error)', async () => {
    const fs = serverFs();
    expect(
      await mysql.session!(ctxFor(fs, ['mysql', '-uroot', '-psecret', '-e', 'SELECT 1'])),
    ).toBeUndefined();
    const none = fakeContext({ argv: ['mysql', '-uroot', '-psecret'], fs, env: ENV, tty: true });
    expect(await mysql.session!(none)).toBeUndefined();
    const r = await mysql.run(none);
    expect(stderrOf(r)).toContain("ERROR 2002 (HY000): Can't connect to local MySQL server through socket");
  });

  it('prints boxes without counts for -e on a terminal, and the warning on stderr', async () => {
    const fs = serverFs();
    const r = await run(fs, ['mysql', '-uroot', '-psecret', '-e', 'SELECT 1+1 AS two'], { tty: true });
    expect(stdoutOf(r)).toBe('+-----+\n| two |\n+-----+\n|   2 |\n+-----+\n');
    expect(stderrOf(r)).toBe(
      'mysql: [Warning] Using a password on the command line interface can be insecure.\n',
    );
  });

  it('-N and -s drop the header; errors of piped input name their line', async () => {
    const fs = serverFs();
    expect(stdoutOf(await run(fs, ['mysql', '-uroot', '-psecret', '-N', '-e', 'SELECT 1']))).toBe('1\n');
    expect(stdoutOf(await run(fs, ['mysql', '-uroot', '-psecret', '-s', '-e', 'SELECT 1']))).toBe('1\n');
    const r = await run(fs, ['mysql', '-uroot', '-psecret'], { stdin: 'SELECT 1;\n\nSELEC 2;\nSELECT 3;\n' });
    expect(stdoutOf(r)).toBe('1\n1\n');
    expect(stderrOf(r)).toContain(
      "ERROR 1064 (42000) at line 3: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SELEC 2' at line 1\n",
    );
    expect(exitOf(r)).toBe(1);
  });
});
