import { describe, expect, it } from 'vitest';
import { hostFs, hostSystem } from './baseline.js';
import { dbSystem, debianFs } from './containers.js';
import { gnu, golden } from './golden.js';
import { type CtxOptions, makeCtx, run } from './helpers.js';

const ps = gnu('ps');

/** Runs host `ps ARGS` as the baseline's PID 3412 (root on pts/0). */
async function hostPs(args: string[], o: CtxOptions = {}) {
  const argv = ['ps', ...args];
  return run(ps, makeCtx(argv, hostSystem({ self: argv }), { fs: hostFs(), ...o }));
}

describe('procps ps on the baseline host (host-kernel.md 2.1-2.6)', () => {
  it("ps -ef is the document's full listing", async () => {
    const r = await hostPs(['-ef']);
    expect(r.stdout).toBe(golden('ps-ef.txt'));
    expect(r.code).toBe(0);
  });

  it('ps -ef --forest draws the kernel-thread tree first, then PID 1', async () => {
    expect((await hostPs(['-ef', '--forest'])).stdout).toBe(golden('ps-ef-forest.txt'));
  });

  it('ps -e --forest puts the art before comm names', async () => {
    expect((await hostPs(['-e', '--forest'])).stdout).toBe(golden('ps-e-forest.txt'));
  });

  it('ps aux: every row the document shows, overflowing VSZ/RSS absorbed by later padding', async () => {
    const r = await hostPs(['aux']);
    expect(r.stdout).toBe(golden('ps-aux.txt'));
    const lines = r.stdout.split('\n');
    for (const row of golden('ps-aux.doc.txt').trimEnd().split('\n')) expect(lines).toContain(row);
  });

  it('ps -aux reads as BSD aux after the UNIX reading fails (no user "x")', async () => {
    const r = await hostPs(['-aux']);
    expect(r.stdout.split('\n')[0]).toBe(
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
    );
    expect(r.stdout).toContain('999         2323  0.6  5.5 2456964 452736 ?      Ssl  09:16   0:41 mysqld');
  });

  it('ps -e prints comm names in a 7-wide PID column (pid_max 4194304)', async () => {
    const r = await hostPs(['-e']);
    expect(r.stdout).toBe(golden('ps-e.txt'));
    expect(r.stdout).toContain('   2323 ?        00:00:41 mysqld\n');
    expect(r.stdout).not.toContain('grep');
  });

  it('ps -eo pid,comm', async () => {
    expect((await hostPs(['-eo', 'pid,comm'])).stdout).toBe(golden('ps-o-pid-comm.txt'));
  });

  it('ps -o with -p and -C selections', async () => {
    expect((await hostPs(['-o', 'pid,ppid,user,comm', '-p', '2301,2323'])).stdout).toBe(
      '    PID    PPID USER     COMMAND\n   2301       1 root     containerd-shim\n   2323    2301 999      mysqld\n',
    );
    expect((await hostPs(['-o', 'pid,ppid,stat,rss,vsz,cmd', '-C', 'mysqld'])).stdout).toBe(
      '    PID    PPID STAT   RSS    VSZ CMD\n   2323    2301 Ssl  452736 2456964 mysqld\n',
    );
    expect((await hostPs(['-p', '2323', '-o', 'pid=,comm='])).stdout).toBe('   2323 mysqld\n');
  });

  it('namespace columns show the inode numbers of the document', async () => {
    const lines = (await hostPs(['-eo', 'pid,pidns,netns,comm'])).stdout.split('\n');
    expect(lines).toContain('    PID      PIDNS      NETNS COMMAND');
    expect(lines).toContain('      1 4026531836 4026531992 systemd');
    expect(lines).toContain('   2233 4026532304 4026532306 nginx');
    expect(lines).toContain('   2323 4026532371 4026532373 mysqld');
  });

  it("plain ps lists the caller's processes on its terminal", async () => {
    expect((await hostPs([])).stdout).toBe(
      '    PID TTY          TIME CMD\n   3071 pts/0    00:00:00 bash\n   3412 pts/0    00:00:00 ps\n',
    );
  });

  it('--no-headers, -ww and the pid_max width of an old host', async () => {
    expect((await hostPs(['--no-headers', '-p', '1'])).stdout).toBe('      1 ?        00:00:04 systemd\n');
    const fs = hostFs();
    fs.writeFile('/proc/sys/kernel/pid_max', '32768\n');
    expect((await hostPs(['-f', '-p', '2323'], { fs })).stdout).toBe(
      'UID        PID  PPID  C STIME TTY          TIME CMD\n999       2323  2301  0 09:16 ?        00:00:41 mysqld\n',
    );
  });

  it('cuts the last column at the terminal width on a tty, not with -ww', async () => {
    const env = { COLUMNS: '60' };
    const cut = (await hostPs(['-f', '-p', '1032'], { tty: true, env })).stdout.split('\n')[1]!;
    expect(cut).toBe('root        1032       1  0 09:12 ?        00:00:07 /usr/bin');
    expect(cut.length).toBe(60);
    const full = (await hostPs(['-ww', '-f', '-p', '1032'], { tty: true, env })).stdout;
    expect(full).toContain('--containerd=/run/containerd/containerd.sock');
  });

  it('an empty selection prints the header and exits 1', async () => {
    const r = await hostPs(['-p', '99999']);
    expect(r.stdout).toBe('    PID TTY          TIME CMD\n');
    expect(r.code).toBe(1);
  });

  it('unknown options: procps error text, usage hint, exit 1', async () => {
    const tail =
      "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n" +
      "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
    for (const [args, msg] of [
      [['-k'], 'unsupported SysV option'],
      [['zz'], 'unsupported option (BSD syntax)'],
      [['--frobnicate'], 'unknown gnu long option'],
      [['-o', 'bogus'], 'unknown user-defined format specifier "bogus"'],
      [['-u', 'nosuchuser'], 'user name does not exist'],
      [['u', '-o', 'pid'], 'conflicting format options'],
    ] as const) {
      const r = await hostPs([...args]);
      expect(r.stderr).toBe(`error: ${msg}\n${tail}`);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
    }
  });
});

describe('procps ps inside a container (host-kernel.md 3.3)', () => {
  it("shows only the container's processes, with container PIDs and its own user names", async () => {
    const r = await run(ps, makeCtx(['ps', 'aux'], dbSystem(['ps', 'aux']), { fs: debianFs() }));
    expect(r.stdout).toBe(golden('ps-aux-db.txt'));
  });

  it('ps -ef in the container: PPID 0 for processes whose parent is outside', async () => {
    const r = await run(ps, makeCtx(['ps', '-ef'], dbSystem(['ps', '-ef']), { fs: debianFs() }));
    expect(r.stdout).toBe(
      'UID          PID    PPID  C STIME TTY          TIME CMD\n' +
        'mysql          1       0  0 09:16 ?        00:00:41 mysqld\n' +
        'root         130       0  0 09:40 pts/0    00:00:00 bash\n' +
        'root         137     130  0 09:40 pts/0    00:00:00 ps -ef\n',
    );
  });
});
