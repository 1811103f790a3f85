import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../helpers/cli.js';

const WARNING = 'mysql: [Warning] Using a password on the command line interface can be insecure.\n';

function dockerIn(home: string) {
  const env = deterministicEnv(home);
  return (argv: string[], stdin = '') => runCli(argv, env, stdin);
}

describe('database clients against their servers, through the CLI', () => {
  it('mysql: a database and a table that last from one docker exec to the next', async () => {
    const docker = dockerIn(tempHome());
    expect(
      (await docker(['run', '-d', '--name', 'db', '-e', 'MYSQL_ROOT_PASSWORD=secret', 'mysql:8.0'])).code,
    ).toBe(0);
    const mysql = ['exec', 'db', 'mysql', '-uroot', '-psecret'];
    const created = await docker([...mysql, '-e', 'CREATE DATABASE shop; SHOW DATABASES;']);
    expect(created.stdout).toBe('Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n');
    expect(created.stderr).toBe(WARNING);
    const sql =
      "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20)); INSERT INTO items VALUES (1,'apple'),(2,'pear'); SELECT * FROM items WHERE id > 1;";
    expect((await docker([...mysql, 'shop', '-e', sql])).stdout).toBe('id\tname\n2\tpear\n');
    const piped = await docker(
      ['exec', '-i', 'db', 'mysql', '-uroot', '-psecret', 'shop'],
      'SELECT COUNT(*) FROM items;\n',
    );
    expect(piped.stdout).toBe('COUNT(*)\n2\n');
    expect((await docker(['exec', 'db', 'ls', '/var/lib/mysql/shop'])).stdout).toBe('items.ibd\n');
    const denied = await docker(['exec', 'db', 'mysql', '-uroot', '-pwrong', '-e', 'SELECT 1']);
    expect(denied.stderr).toBe(
      `${WARNING}ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\n`,
    );
    expect(denied.code).toBe(1);
  });

  it('redis-cli: keys kept by the server between commands', async () => {
    const docker = dockerIn(tempHome());
    expect((await docker(['run', '-d', '--name', 'cache', 'redis'])).code).toBe(0);
    expect((await docker(['exec', 'cache', 'redis-cli', 'SET', 'greeting', 'hello'])).stdout).toBe('OK\n');
    expect((await docker(['exec', 'cache', 'redis-cli', 'GET', 'greeting'])).stdout).toBe('hello\n');
    expect((await docker(['exec', 'cache', 'redis-cli', 'LPUSH', 'l', 'a', 'b'])).stdout).toBe('2\n');
    expect((await docker(['exec', 'cache', 'redis-cli', 'LRANGE', 'l', '0', '-1'])).stdout).toBe('b\na\n');
  });

  it('psql over a user-defined network: several statements in one -c', async () => {
    const docker = dockerIn(tempHome());
    await docker(['network', 'create', 'app']);
    await docker(['run', '-d', '--network', 'app', '--name', 'pg', '-e', 'POSTGRES_PASSWORD=pw', 'postgres']);
    await docker(['host', 'sleep', '5']); // initdb, then the server listens
    const sql = 'CREATE TABLE t (id int); INSERT INTO t VALUES (1); SELECT * FROM t;';
    const client = ['run', '--rm', '--network', 'app', '-e', 'PGPASSWORD=pw', 'postgres'];
    const r = await docker([...client, 'psql', '-h', 'pg', '-U', 'postgres', '-c', sql]);
    expect(r.stdout).toBe('CREATE TABLE\nINSERT 0 1\n id \n----\n  1\n(1 row)\n\n');
    expect(r.code).toBe(0);
    const inside = await docker([
      'exec',
      'pg',
      'psql',
      '-U',
      'postgres',
      '-c',
      'CREATE TABLE u (id int); SELECT * FROM u;',
    ]);
    expect(inside.stdout).toBe('CREATE TABLE\n id \n----\n(0 rows)\n\n');
  });

  // What a client writes through a listener's files lands in the server's layer and volumes.
  it('psql over the network: the rows last until the next command', async () => {
    const docker = dockerIn(tempHome());
    await docker(['network', 'create', 'app']);
    await docker(['run', '-d', '--network', 'app', '--name', 'pg', '-e', 'POSTGRES_PASSWORD=pw', 'postgres']);
    await docker(['host', 'sleep', '5']);
    const client = ['run', '--rm', '--network', 'app', '-e', 'PGPASSWORD=pw', 'postgres'];
    await docker([
      ...client,
      'psql',
      '-h',
      'pg',
      '-U',
      'postgres',
      '-c',
      'CREATE TABLE t (id int); INSERT INTO t VALUES (1);',
    ]);
    const later = await docker(['exec', 'pg', 'psql', '-U', 'postgres', '-tAc', 'SELECT * FROM t']);
    expect(later.stdout).toBe('1\n');
  });
});
