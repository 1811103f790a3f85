import { describe, expect, it } from 'vitest';
import { programContent } from '../../../src/fs/files.js';
import type { ProcessContext } from '../../../src/programs/types.js';
import { hostFs, hostSystem } from './baseline.js';
import { alpineFs, dbSystem, debianFs, webSystem } from './containers.js';
import { busybox, gnu } from './golden.js';
import { type CtxOptions, type FakeFs, makeCtx, run } from './helpers.js';

type Where = 'host' | 'web' | 'db';
const systems = { host: () => hostSystem(), web: () => webSystem(), db: () => dbSystem() };
const filesystems: Record<Where, () => FakeFs> = { host: hostFs, web: alpineFs, db: debianFs };

async function tool(where: Where, flavour: 'gnu' | 'busybox', argv: string[], o: CtxOptions = {}) {
  const fn = flavour === 'gnu' ? gnu(argv[0]!) : busybox(argv[0]!);
  return run(fn, makeCtx(argv, systems[where](), { fs: filesystems[where](), ...o }));
}

describe('uname (host-kernel.md 2.16)', () => {
  const version = '6.8.0-45-generic #45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024';

  it('-a on Ubuntu (patched coreutils), in a Debian image, in BusyBox', async () => {
    expect((await tool('host', 'gnu', ['uname', '-a'])).stdout).toBe(
      `Linux docker-host ${version} x86_64 x86_64 x86_64 GNU/Linux\n`,
    );
    expect((await tool('db', 'gnu', ['uname', '-a'])).stdout).toBe(
      `Linux 3f4e8c2a9b1d ${version} x86_64 GNU/Linux\n`,
    );
    expect((await tool('db', 'busybox', ['uname', '-a'])).stdout).toBe(
      `Linux 3f4e8c2a9b1d ${version} x86_64 GNU/Linux\n`,
    );
    expect((await tool('web', 'busybox', ['uname', '-a'])).stdout).toBe(
      `Linux 9c1b2d3e4f5a ${version} x86_64 Linux\n`,
    );
  });

  it('single fields print in the fixed order', async () => {
    expect((await tool('web', 'gnu', ['uname', '-r'])).stdout).toBe('6.8.0-45-generic\n');
    expect((await tool('db', 'gnu', ['uname', '-m', '-s', '-p'])).stdout).toBe('Linux x86_64 unknown\n');
    expect((await tool('host', 'gnu', ['uname'])).stdout).toBe('Linux\n');
  });

  it('usage errors', async () => {
    expect(await tool('host', 'gnu', ['uname', '-x'])).toMatchObject({
      stderr: "uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n",
      code: 1,
    });
    expect((await tool('host', 'gnu', ['uname', 'foo'])).stderr).toBe(
      "uname: extra operand 'foo'\nTry 'uname --help' for more information.\n",
    );
  });
});

describe('hostname, nproc', () => {
  it('the UTS name, and -i from /etc/hosts', async () => {
    expect((await tool('host', 'gnu', ['hostname'])).stdout).toBe('docker-host\n');
    expect((await tool('db', 'gnu', ['hostname'])).stdout).toBe('3f4e8c2a9b1d\n');
    expect((await tool('host', 'gnu', ['hostname', '-i'])).stdout).toBe('127.0.1.1\n');
    expect((await tool('db', 'gnu', ['hostname', '-i'])).stdout).toBe('172.17.0.3\n');
    expect((await tool('web', 'busybox', ['hostname', '-i'])).stdout).toBe('172.17.0.2\n');
    expect((await tool('db', 'gnu', ['hostname', '-I'])).stdout).toBe('172.17.0.3 \n');
  });

  it('setting it needs privileges containers do not have', async () => {
    expect(await tool('db', 'gnu', ['hostname', 'newname'])).toMatchObject({
      stderr: 'hostname: you must be root to change the host name\n',
      code: 1,
    });
    expect(await tool('web', 'busybox', ['hostname', 'x'])).toMatchObject({
      stderr: 'hostname: sethostname: Operation not permitted\n',
      code: 1,
    });
  });

  it('nproc counts the host CPUs (cpu.max is not looked at)', async () => {
    expect((await tool('db', 'gnu', ['nproc'])).stdout).toBe('4\n');
    expect((await tool('db', 'gnu', ['nproc', '--ignore=1'])).stdout).toBe('3\n');
  });
});

describe('id and whoami', () => {
  it("names from the image's passwd and group files", async () => {
    expect((await tool('host', 'gnu', ['id'])).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect((await tool('web', 'busybox', ['id'])).stdout).toBe(
      'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n',
    );
    expect((await tool('db', 'gnu', ['id'], { uid: 999, gid: 999 })).stdout).toBe(
      'uid=999(mysql) gid=999(mysql) groups=999(mysql)\n',
    );
    expect((await tool('host', 'gnu', ['id', 'ubuntu'])).stdout).toBe(
      'uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),27(sudo),988(docker)\n',
    );
    expect((await tool('host', 'gnu', ['id', '-Gn', 'ubuntu'])).stdout).toBe('ubuntu adm sudo docker\n');
    expect((await tool('host', 'gnu', ['id', '-u'], { uid: 4242 })).stdout).toBe('4242\n');
    expect((await tool('host', 'gnu', ['id'], { uid: 4242, gid: 4242 })).stdout).toBe(
      'uid=4242 gid=4242 groups=4242\n',
    );
  });

  it('errors', async () => {
    expect(await tool('db', 'gnu', ['id', 'nobody'])).toMatchObject({
      stderr: "id: 'nobody': no such user\n",
      code: 1,
    });
    expect(await tool('host', 'gnu', ['id', 'nobody'], { env: { LANG: 'C.UTF-8' } })).toMatchObject({
      code: 0,
    });
    expect(await tool('host', 'gnu', ['id', '-un'], { uid: 4242 })).toMatchObject({
      stderr: 'id: cannot find name for user ID 4242\n',
      code: 1,
    });
    expect(await tool('host', 'gnu', ['whoami'], { uid: 4242 })).toMatchObject({
      stderr: 'whoami: cannot find name for user ID 4242\n',
      code: 1,
    });
    expect(await tool('web', 'busybox', ['whoami'], { uid: 4242 })).toMatchObject({
      stderr: 'whoami: unknown uid 4242\n',
      code: 1,
    });
    expect((await tool('db', 'gnu', ['whoami'], { uid: 999 })).stdout).toBe('mysql\n');
  });
});

describe('env and printenv', () => {
  const env = { PATH: '/usr/bin:/bin', HOME: '/root' };

  it('prints the environment, changed by -u and NAME=VALUE', async () => {
    expect((await tool('host', 'gnu', ['env'], { env })).stdout).toBe('PATH=/usr/bin:/bin\nHOME=/root\n');
    expect((await tool('host', 'gnu', ['env', '-u', 'HOME', 'A=1'], { env })).stdout).toBe(
      'PATH=/usr/bin:/bin\nA=1\n',
    );
    expect((await tool('host', 'gnu', ['env', '-i', 'A=1'], { env })).stdout).toBe('A=1\n');
  });

  it('runs a command with the new environment and passes its timeline through', async () => {
    const fs = hostFs();
    fs.writeFile('/usr/bin/printenv', programContent('coreutils:printenv'), { mode: 0o755 });
    let seen: Parameters<ProcessContext['exec']> | undefined;
    const exec: ProcessContext['exec'] = async (argv, opts) => {
      seen = [argv, opts];
      return {
        events: [
          { at: 0, kind: 'stdout', text: 'hello\n' },
          { at: 3, kind: 'exit', code: 7 },
        ],
      };
    };
    const r = await tool('host', 'gnu', ['env', 'GREETING=hello', 'printenv', 'GREETING'], { env, fs, exec });
    expect(seen).toEqual([['printenv', 'GREETING'], { env: { ...env, GREETING: 'hello' } }]);
    expect(r).toMatchObject({ stdout: 'hello\n', code: 7 });
  });

  it("a missing command: 127 with env's own words", async () => {
    expect(await tool('host', 'gnu', ['env', 'nosuch'], { env })).toMatchObject({
      stderr: "env: 'nosuch': No such file or directory\n",
      code: 127,
    });
    expect(await tool('web', 'busybox', ['env', 'nosuch'], { env })).toMatchObject({
      stderr: "env: can't execute 'nosuch': No such file or directory\n",
      code: 127,
    });
    expect(await tool('host', 'gnu', ['env', '-x'], { env })).toMatchObject({ code: 125 });
  });

  it('printenv NAME...: values, exit 1 when one is missing', async () => {
    expect(await tool('host', 'gnu', ['printenv', 'HOME', 'NOPE'], { env })).toMatchObject({
      stdout: '/root\n',
      code: 1,
    });
    expect(await tool('host', 'gnu', ['printenv'], { env })).toMatchObject({
      stdout: 'PATH=/usr/bin:/bin\nHOME=/root\n',
      code: 0,
    });
  });
});

describe('sleep, true, false', () => {
  it('exits when the time has passed; infinity never exits', async () => {
    expect((await tool('host', 'gnu', ['sleep', '1'])).run.events).toEqual([
      { at: 1000, kind: 'exit', code: 0 },
    ]);
    expect((await tool('host', 'gnu', ['sleep', '0.5', '1m'])).run.events).toEqual([
      { at: 60500, kind: 'exit', code: 0 },
    ]);
    expect((await tool('host', 'gnu', ['sleep', 'infinity'])).run.events).toEqual([]);
    expect((await tool('web', 'busybox', ['sleep', '2'])).run.events).toEqual([
      { at: 2000, kind: 'exit', code: 0 },
    ]);
  });

  it('errors', async () => {
    expect(await tool('host', 'gnu', ['sleep'])).toMatchObject({
      stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n",
      code: 1,
    });
    expect((await tool('host', 'gnu', ['sleep', 'abc'], { env: { LANG: 'en_US.UTF-8' } })).stderr).toBe(
      "sleep: invalid time interval \u2018abc\u2019\nTry 'sleep --help' for more information.\n",
    );
    expect((await tool('web', 'busybox', ['sleep', 'abc'])).stderr).toBe("sleep: invalid number 'abc'\n");
  });

  it('true and false', async () => {
    expect((await tool('host', 'gnu', ['true'])).code).toBe(0);
    expect((await tool('host', 'gnu', ['false', '--help'])).code).toBe(1);
    expect((await tool('web', 'busybox', ['false'])).code).toBe(1);
  });
});

describe('date', () => {
  it('the C locale default and +FORMAT', async () => {
    expect((await tool('host', 'gnu', ['date'])).stdout).toBe('Mon Nov 23 11:00:00 UTC 2026\n');
    expect((await tool('host', 'gnu', ['date', '+%Y-%m-%d %H:%M:%S %s %j %a %-d %e'])).stdout).toBe(
      '2026-11-23 11:00:00 1795431600 327 Mon 23 23\n',
    );
    expect((await tool('web', 'busybox', ['date', '-u'])).stdout).toBe('Mon Nov 23 11:00:00 UTC 2026\n');
  });

  it('-I, -R, -d', async () => {
    expect((await tool('host', 'gnu', ['date', '-I'])).stdout).toBe('2026-11-23\n');
    expect((await tool('host', 'gnu', ['date', '-Iseconds'])).stdout).toBe('2026-11-23T11:00:00+00:00\n');
    expect((await tool('host', 'gnu', ['date', '-R'])).stdout).toBe('Mon, 23 Nov 2026 11:00:00 +0000\n');
    expect((await tool('host', 'gnu', ['date', '-d', '@0'])).stdout).toBe('Thu Jan  1 00:00:00 UTC 1970\n');
    expect((await tool('host', 'gnu', ['date', '-d', '2 days ago', '+%F'])).stdout).toBe('2026-11-21\n');
    expect((await tool('host', 'gnu', ['date', '-d', '2024-02-29 13:05', '+%F %T'])).stdout).toBe(
      '2024-02-29 13:05:00\n',
    );
  });

  it('errors', async () => {
    expect(await tool('host', 'gnu', ['date', '-d', 'garbage'])).toMatchObject({
      stderr: "date: invalid date 'garbage'\n",
      code: 1,
    });
    expect(await tool('db', 'gnu', ['date', '-s', '12:00'])).toMatchObject({
      stdout: 'Mon Nov 23 12:00:00 UTC 2026\n',
      stderr: 'date: cannot set date: Operation not permitted\n',
      code: 1,
    });
  });
});
