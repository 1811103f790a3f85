import { describe, expect, it } from 'vitest';
import { clock, MemFs, T0 } from './fake.js';
import { exitCode, golden, kinds, logs, run, text } from './images.js';

function redisFs(): MemFs {
  const fs = new MemFs(() => clock.now);
  fs.program('/usr/local/bin/redis-server', 'redis-server@7.2.5').program(
    '/usr/local/bin/redis-cli',
    'redis-cli@7.2.5',
  );
  fs.program('/usr/local/bin/docker-entrypoint.sh', 'docker-entrypoint:redis');
  fs.put('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nredis:x:999:999::/home/redis:/bin/sh\n');
  fs.put('/proc/sys/vm/overcommit_memory', '0\n');
  fs.mkdir('/data');
  return fs;
}

describe('redis', () => {
  const start = {
    argv: ['docker-entrypoint.sh', 'redis-server'],
    path: '/usr/local/bin/docker-entrypoint.sh',
  };

  it('drops to redis through gosu and logs the 7.2 start-up lines', async () => {
    const fs = redisFs();
    const r = await run('docker-entrypoint:redis', { ...start, fs });
    golden('redis-start.golden', logs(r));
    expect(kinds(r, 'exec').map((e) => [e.argv.join(' '), e.user ?? '', e.cmdline ?? ''])).toEqual([
      ['/bin/sh /usr/local/bin/docker-entrypoint.sh redis-server', 'redis', ''],
      ['redis-server', 'redis', ''],
      ['redis-server', '', 'redis-server *:6379'],
    ]);
    expect(kinds(r, 'listen').map((l) => l.port)).toEqual([6379]);
    const peak = Math.max(...kinds(r, 'memory').map((m) => m.bytes));
    expect(peak / 2 ** 20).toBeLessThan(8);
  });

  it('saves dump.rdb on SIGTERM and loads it at the next start', async () => {
    const fs = redisFs();
    const o = {
      argv: ['redis-server', '--appendonly', 'yes'],
      path: '/usr/local/bin/redis-server',
      fs,
      cwd: '/data',
      uid: 999,
    };
    const first = await run('redis-server', o);
    expect(text(first, 'stderr')).toContain('# Configuration loaded\n');
    const stop = first.onSignal!('SIGTERM', 5000);
    expect(text(stop, 'stderr')).toMatch(
      /^1:signal-handler \(\d+\) Received SIGTERM scheduling shutdown\.\.\.\n/,
    );
    expect(exitCode(stop)).toBe(0);
    expect(fs.stat('/data/dump.rdb')?.type).toBe('file');
    clock.now = T0 + 10_000;
    const again = await run('redis-server', o);
    clock.now = T0;
    expect(text(again, 'stderr')).toContain('* Loading RDB produced by version 7.2.5\n');
    expect(text(again, 'stderr')).toContain('* RDB age 10 seconds\n');
  });

  it('redis-cli: version, refused without a server, PONG with one', async () => {
    const fs = redisFs();
    const o = { path: '/usr/local/bin/redis-cli', fs };
    expect(text(await run('redis-cli@7.2.5', { ...o, argv: ['redis-cli', '--version'] }), 'stdout')).toBe(
      'redis-cli 7.2.5\n',
    );
    const refused = await run('redis-cli@7.2.5', { ...o, argv: ['redis-cli', 'ping'] });
    expect(text(refused, 'stderr')).toBe(
      'Could not connect to Redis at 127.0.0.1:6379: Connection refused\n',
    );
    expect(exitCode(refused)).toBe(1);
    const processes = [
      { pid: 1, comm: 'redis-server' },
      { pid: 12, comm: 'redis-cli' },
    ];
    const pong = await run('redis-cli@7.2.5', { ...o, argv: ['redis-cli', 'ping'], processes, self: 12 });
    expect(text(pong, 'stdout')).toBe('PONG\n');
  });
});

describe('httpd', () => {
  function httpdFs(): MemFs {
    const fs = new MemFs(() => clock.now);
    fs.program('/usr/local/apache2/bin/httpd', 'httpd@2.4.62');
    fs.put(
      '/usr/local/apache2/conf/httpd.conf',
      'ServerRoot "/usr/local/apache2"\nListen 80\nUser www-data\nGroup www-data\n#ServerName www.example.com:80\n',
    );
    fs.put(
      '/etc/passwd',
      'root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n',
    );
    fs.put('/etc/hosts', '127.0.0.1\tlocalhost\n172.17.0.2\t3f2b1c9d8e7a\n');
    return fs;
  }

  it('warns about ServerName twice, resumes operations, starts 3 children as www-data', async () => {
    const r = await run('httpd@2.4.62', {
      argv: ['httpd', '-DFOREGROUND'],
      path: '/usr/local/apache2/bin/httpd',
      fs: httpdFs(),
    });
    golden('httpd-start.golden', logs(r));
    expect(kinds(r, 'spawn').map((s) => [s.user, s.uid])).toEqual(Array(3).fill(['www-data', 33]));
    const stop = r.onSignal!('SIGWINCH', 1000);
    expect(text(stop, 'stderr')).toContain('AH00492: caught SIGWINCH, shutting down gracefully\n');
    expect(exitCode(stop)).toBe(0);
  });
});

describe('mongo', () => {
  function mongoFs(): MemFs {
    const fs = new MemFs(() => clock.now);
    fs.program('/usr/bin/mongod', 'mongod@7.0.12').program(
      '/usr/local/bin/docker-entrypoint.sh',
      'docker-entrypoint:mongo',
    );
    fs.put('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nmongodb:x:999:999::/data/db:/bin/sh\n');
    fs.mkdir('/data/db', { recursive: true });
    return fs;
  }
  const start = { argv: ['docker-entrypoint.sh', 'mongod'], path: '/usr/local/bin/docker-entrypoint.sh' };

  it('adds --bind_ip_all and waits for connections on 27017', async () => {
    const r = await run('docker-entrypoint:mongo', { ...start, fs: mongoFs() });
    expect(kinds(r, 'exec').at(-1)).toMatchObject({
      argv: ['mongod', '--bind_ip_all'],
      user: 'mongodb',
      uid: 999,
    });
    expect(text(r, 'stdout')).toContain(
      '"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}\n',
    );
    expect(kinds(r, 'listen').map((l) => l.port)).toEqual([27017]);
    expect(exitCode(r.onSignal!('SIGTERM', 10_000))).toBe(0);
  });

  it('needs both MONGO_INITDB_ROOT_USERNAME and _PASSWORD', async () => {
    const r = await run('docker-entrypoint:mongo', {
      ...start,
      fs: mongoFs(),
      env: { MONGO_INITDB_ROOT_USERNAME: 'admin' },
    });
    expect(text(r, 'stderr')).toBe(
      "\nerror: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created\n\n",
    );
    expect(exitCode(r)).toBe(1);
  });
});

describe('registry', () => {
  function registryFs(): MemFs {
    const fs = new MemFs(() => clock.now).program('/bin/registry', 'registry@2.8.3');
    fs.put(
      '/etc/docker/registry/config.yml',
      'version: 0.1\nlog:\n  fields:\n    service: registry\nhttp:\n  addr: :5000\n',
    );
    return fs;
  }

  it('logs its start-up in logrus format and listens on 5000', async () => {
    const r = await run('registry@2.8.3', {
      argv: ['registry', 'serve', '/etc/docker/registry/config.yml'],
      path: '/bin/registry',
      fs: registryFs(),
    });
    const lines = text(r, 'stderr').split('\n').filter(Boolean);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(
      /^time="2024-07-20T10:00:00(\.\d+)?Z" level=warning msg="No HTTP secret provided - generated random secret\./,
    );
    expect(lines.at(-1)).toMatch(
      /level=info msg="listening on \[::\]:5000" go\.version=go1\.20\.8 instance\.id=[0-9a-f-]{36} service=registry version=2\.8\.3 $/,
    );
    expect(kinds(r, 'listen').map((l) => l.port)).toEqual([5000]);
  });

  it('exits 2 on SIGTERM as PID 1 (the Go runtime cannot die of the signal)', async () => {
    const r = await run('registry@2.8.3', {
      argv: ['registry', 'serve', '/etc/docker/registry/config.yml'],
      path: '/bin/registry',
      fs: registryFs(),
    });
    expect(exitCode(r.onSignal!('SIGTERM', 1000))).toBe(2);
  });
});
