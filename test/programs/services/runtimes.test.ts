import { describe, expect, it } from 'vitest';
import { clock, MemFs } from './fake.js';
import { exitCode, kinds, PG_ENV, postgresFs, run, text } from './images.js';

function nodeFs(): MemFs {
  const fs = new MemFs(() => clock.now);
  fs.program('/usr/local/bin/node', 'node@20.15.1').program(
    '/usr/local/bin/docker-entrypoint.sh',
    'docker-entrypoint:node',
  );
  fs.program('/usr/local/lib/node_modules/npm/bin/npm-cli.js', 'npm@10.7.0');
  fs.symlink('../lib/node_modules/npm/bin/npm-cli.js', '/usr/local/bin/npm');
  return fs;
}

function pythonFs(): MemFs {
  return new MemFs(() => clock.now)
    .program('/usr/local/bin/python3.12', 'python3@3.12.4')
    .program('/usr/local/bin/pip', 'pip@24.0');
}

describe('node', () => {
  const node = { path: '/usr/local/bin/node' };

  it('exits 0 at once without a terminal (docker run node)', async () => {
    const r = await run('node@20.15.1', { ...node, argv: ['node'], fs: nodeFs() });
    expect(r.events).toEqual([{ at: 1, kind: 'exit', code: 0 }]);
  });

  it('answers --version and -e, -p', async () => {
    const fs = nodeFs();
    expect(text(await run('node@20.15.1', { ...node, fs, argv: ['node', '--version'] }), 'stdout')).toBe(
      'v20.15.1\n',
    );
    expect(text(await run('node', { ...node, fs, argv: ['node', '-e', 'console.log(1+1)'] }), 'stdout')).toBe(
      '2\n',
    );
    expect(text(await run('node', { ...node, fs, argv: ['node', '-p', '6*7'] }), 'stdout')).toBe('42\n');
    const other = await run('node', { ...node, fs, argv: ['node', '-e', 'require("http")'] });
    expect(text(other, 'stderr')).toBe('node: running this code is not simulated by dockersim\n');
    expect(exitCode(other)).toBe(1);
  });

  it('greets on a terminal and waits for input', async () => {
    const r = await run('node@20.15.1', { ...node, argv: ['node'], fs: nodeFs(), tty: true });
    expect(text(r, 'stdout')).toBe('Welcome to Node.js v20.15.1.\nType ".help" for more information.\n> ');
    expect(exitCode(r)).toBeUndefined();
  });

  it('reports a missing script, and serves when a script listens', async () => {
    const fs = nodeFs();
    const missing = await run('node', { ...node, fs, argv: ['node', 'app.js'], cwd: '/app' });
    expect(text(missing, 'stderr')).toContain("Error: Cannot find module '/app/app.js'\n");
    expect(exitCode(missing)).toBe(1);
    fs.put(
      '/app/server.js',
      "const http = require('http');\nhttp.createServer((q, s) => s.end('hi')).listen(3000);\n",
    );
    const server = await run('node', { ...node, fs, argv: ['node', 'server.js'], cwd: '/app' });
    expect(kinds(server, 'listen').map((l) => l.port)).toEqual([3000]);
    expect(exitCode(server)).toBeUndefined();
  });

  it('the entrypoint puts node in front of options and files, not of commands', async () => {
    const fs = nodeFs();
    fs.put('/app/app.js', 'console.log("from app")\n');
    const ep = { path: '/usr/local/bin/docker-entrypoint.sh', fs, cwd: '/app' };
    const app = await run('docker-entrypoint:node', { ...ep, argv: ['docker-entrypoint.sh', 'app.js'] });
    expect(kinds(app, 'exec')[0]?.argv).toEqual(['node', 'app.js']);
    expect(text(app, 'stdout')).toBe('from app\n');
    const npm = await run('docker-entrypoint:node', { ...ep, argv: ['docker-entrypoint.sh', 'npm', '-v'] });
    expect(text(npm, 'stdout')).toBe('10.7.0\n');
    const opt = await run('docker-entrypoint:node', { ...ep, argv: ['docker-entrypoint.sh', '--version'] });
    expect(text(opt, 'stdout')).toBe('v20.15.1\n');
  });
});

describe('python3', () => {
  const py = { path: '/usr/local/bin/python3.12' };

  it('exits 0 at once without a terminal, answers --version and -c', async () => {
    const fs = pythonFs();
    expect(exitCode(await run('python3@3.12.4', { ...py, fs, argv: ['python3'] }))).toBe(0);
    expect(text(await run('python3@3.12.4', { ...py, fs, argv: ['python3', '--version'] }), 'stdout')).toBe(
      'Python 3.12.4\n',
    );
    expect(
      text(await run('python3', { ...py, fs, argv: ['python3', '-c', 'print("hi", 2*3)'] }), 'stdout'),
    ).toBe('hi 6\n');
    const err = await run('python3', { ...py, fs, argv: ['python3', '-c', 'print(1/0)'] });
    expect(text(err, 'stderr')).toBe(
      'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nZeroDivisionError: division by zero\n',
    );
    expect(exitCode(err)).toBe(1);
  });

  it('http.server listens, and its banner stays in the buffer without a terminal', async () => {
    const fs = pythonFs();
    const quiet = await run('python3', { ...py, fs, argv: ['python3', '-m', 'http.server', '8080'] });
    expect(kinds(quiet, 'listen').map((l) => l.port)).toEqual([8080]);
    expect(text(quiet, 'stdout')).toBe('');
    const loud = await run('python3', {
      ...py,
      fs,
      argv: ['python3', '-m', 'http.server'],
      env: { PYTHONUNBUFFERED: '1' },
    });
    expect(text(loud, 'stdout')).toBe('Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n');
    expect(quiet.onSignal!('SIGTERM', 100)).toEqual([]);
    expect(exitCode(quiet.onSignal!('SIGINT', 100))).toBe(0);
  });

  it("can't open a missing script (exit 2)", async () => {
    const r = await run('python3', {
      ...py,
      fs: pythonFs(),
      argv: ['python3', 'app.py'],
      cwd: '/usr/src/app',
    });
    expect(text(r, 'stderr')).toBe(
      "python3: can't open file '/usr/src/app/app.py': [Errno 2] No such file or directory\n",
    );
    expect(exitCode(r)).toBe(2);
  });
});

describe('client tools', () => {
  it('print their versions', async () => {
    const fs = pythonFs().program('/usr/local/go/bin/go', 'go@1.22.5');
    expect(
      text(await run('go@1.22.5', { argv: ['go', 'version'], path: '/usr/local/go/bin/go', fs }), 'stdout'),
    ).toBe('go version go1.22.5 linux/amd64\n');
    expect(
      text(
        await run('pip@24.0', {
          argv: ['pip', '--version'],
          path: '/usr/local/bin/pip',
          fs,
          env: { PATH: '/usr/local/bin' },
        }),
        'stdout',
      ),
    ).toBe('pip 24.0 from /usr/local/lib/python3.12/site-packages/pip (python 3.12)\n');
    expect(
      text(
        await run('mongosh@2.2.10', { argv: ['mongosh', '--version'], path: '/usr/bin/mongosh', fs }),
        'stdout',
      ),
    ).toBe('2.2.10\n');
  });

  it('psql: no server, then root has no role', async () => {
    const o = { path: '/usr/lib/postgresql/16/bin/psql', fs: postgresFs(), env: PG_ENV };
    expect(text(await run('psql', { ...o, argv: ['psql', '--version'] }), 'stdout')).toBe(
      'psql (PostgreSQL) 16.3 (Debian 16.3-1.pgdg120+1)\n',
    );
    const none = await run('psql', { ...o, argv: ['psql'] });
    expect(text(none, 'stderr')).toContain(
      'connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory',
    );
    expect(exitCode(none)).toBe(2);
    const processes = [
      { pid: 1, comm: 'postgres' },
      { pid: 40, comm: 'psql' },
    ];
    const root = await run('psql', { ...o, argv: ['psql'], processes, self: 40 });
    expect(text(root, 'stderr')).toContain('FATAL:  role "root" does not exist');
  });

  it('mysql and mongosh without a server', async () => {
    const fs = new MemFs(() => clock.now);
    const mysql = await run('mysql@8.0.38', { argv: ['mysql', '-uroot', '-p'], path: '/usr/bin/mysql', fs });
    expect(text(mysql, 'stderr')).toBe(
      "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n",
    );
    const mongo = await run('mongosh@2.2.10', { argv: ['mongosh'], path: '/usr/bin/mongosh', fs });
    expect(text(mongo, 'stderr')).toBe('MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017\n');
    expect(exitCode(mongo)).toBe(1);
  });
});
