import { describe, expect, it } from 'vitest';
import { hostFs, hostSystem, MOUNTINFO } from './baseline.js';
import { gnu, golden } from './golden.js';
import { type CtxOptions, makeCtx, run } from './helpers.js';

const lsns = gnu('lsns');

async function hostLsns(args: string[], o: CtxOptions = {}) {
  const fs = hostFs();
  fs.writeFile('/proc/self/mountinfo', MOUNTINFO);
  const argv = ['lsns', ...args];
  return run(lsns, makeCtx(argv, hostSystem({ self: argv, kdevtmpfs: true }), { fs, ...o }));
}

describe('util-linux lsns (host-kernel.md 2.8)', () => {
  it('one line per namespace, by inode; container rows exactly as the document shows them', async () => {
    const r = await hostLsns([]);
    expect(r.stdout).toBe(golden('lsns.txt'));
    const lines = r.stdout.split('\n');
    for (const row of golden('lsns-containers.txt').trimEnd().split('\n')) expect(lines).toContain(row);
  });

  it('-t net adds NETNSID and NSFS (from the nsfs mounts)', async () => {
    const r = await hostLsns(['-t', 'net']);
    const doc = golden('lsns-t-net.txt').trimEnd().split('\n');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(doc[0]);
    expect(lines.slice(2)).toEqual(doc.slice(2));
    expect(lines[1]).toBe(
      '4026531992 net      16     1 root unassigned                                /sbin/init',
    );
  });

  it("-p PID: that process's namespaces; shared ones show their lowest PID", async () => {
    const r = await hostLsns(['-p', '2323']);
    expect(r.stdout).toBe(
      [
        '        NS TYPE   NPROCS   PID USER COMMAND',
        '4026531834 time       20     1 root /sbin/init',
        '4026531837 user       20     1 root /sbin/init',
        '4026532368 mnt         1  2323 999  mysqld',
        '4026532369 uts         1  2323 999  mysqld',
        '4026532370 ipc         1  2323 999  mysqld',
        '4026532371 pid         1  2323 999  mysqld',
        '4026532373 net         1  2323 999  mysqld',
        '4026532434 cgroup      1  2323 999  mysqld',
        '',
      ].join('\n'),
    );
  });

  it('NAMESPACE: the processes in it, as a tree', async () => {
    const r = await hostLsns(['4026532304']);
    expect(r.stdout).toBe(
      '  PID  PPID USER COMMAND\n 2233  2211 root nginx: master process nginx -g daemon off;\n' +
        ' 2290  2233 101  |-nginx: worker process\n 2291  2233 101  `-nginx: worker process\n',
    );
  });

  it("as a non-root user only the caller's own processes count", async () => {
    const r = await hostLsns([], { uid: 999, user: '999' });
    expect(r.stdout).toBe(
      [
        '        NS TYPE   NPROCS   PID USER COMMAND',
        '4026531834 time        1  2323 999  mysqld',
        '4026531837 user        1  2323 999  mysqld',
        '4026532368 mnt         1  2323 999  mysqld',
        '4026532369 uts         1  2323 999  mysqld',
        '4026532370 ipc         1  2323 999  mysqld',
        '4026532371 pid         1  2323 999  mysqld',
        '4026532373 net         1  2323 999  mysqld',
        '4026532434 cgroup      1  2323 999  mysqld',
        '',
      ].join('\n'),
    );
  });

  it('-J, -r, -n and -o', async () => {
    const json = JSON.parse((await hostLsns(['-J', '-t', 'pid'])).stdout);
    expect(json.namespaces[2]).toEqual({
      ns: 4026532371,
      type: 'pid',
      nprocs: 1,
      pid: 2323,
      user: '999',
      command: 'mysqld',
    });
    expect((await hostLsns(['-r', '-n', '-t', 'uts', '-p', '2233'])).stdout).toBe(
      '4026532302 uts 3 2233 root nginx:\\x20master\\x20process\\x20nginx\\x20-g\\x20daemon\\x20off;\n',
    );
    expect((await hostLsns(['-o', 'NS,PATH', '-t', 'pid', '-p', '2323'])).stdout).toBe(
      '        NS PATH\n4026532371 /proc/2323/ns/pid\n',
    );
  });

  it('errors', async () => {
    expect(await hostLsns(['-t', 'foo'])).toMatchObject({
      stderr: 'lsns: unknown namespace type: foo\n',
      code: 1,
    });
    expect(await hostLsns(['-o', 'BOGUS'])).toMatchObject({
      stderr: 'lsns: unknown column: BOGUS\n',
      code: 1,
    });
    expect(await hostLsns(['12345'])).toMatchObject({
      stderr: 'lsns: not found namespace: 12345\n',
      code: 1,
    });
    expect(await hostLsns(['-x'])).toMatchObject({
      stderr: "lsns: invalid option -- 'x'\nTry 'lsns --help' for more information.\n",
      code: 1,
    });
  });
});
