import { describe, expect, it } from 'vitest';
import { busyboxApplets } from '../../../src/programs/system/busybox.js';
import { BUSYBOX_BANNER } from '../../../src/programs/tools/usage.js';
import { alpineFs, webSystem } from './containers.js';
import { busybox, golden } from './golden.js';
import { FakeFs, makeCtx, run } from './helpers.js';

const ps = busybox('ps');

async function webPs(args: string[], fs = alpineFs()) {
  const argv = ['ps', ...args];
  return run(ps, makeCtx(argv, webSystem(argv), { fs }));
}

describe('BusyBox ps (host-kernel.md 3.1)', () => {
  it("the document's `docker exec -it web sh` example", async () => {
    const r = await webPs([]);
    expect(r.stdout).toBe(golden('busybox-ps-web.txt'));
    expect(r.code).toBe(0);
  });

  it('-ef and aux change nothing (the last line is ps itself, with its arguments)', async () => {
    const doc = golden('busybox-ps-web.txt').replace(/ps\n$/, '');
    expect((await webPs(['-ef'])).stdout).toBe(`${doc}ps -ef\n`);
    expect((await webPs(['aux'])).stdout).toBe(`${doc}ps aux\n`);
  });

  it('-o picks columns, a header override sets the width', async () => {
    const r = await webPs(['-o', 'pid,ppid,user,stat,vsz,rss,time,comm,args']);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'PID   PPID  USER     STAT VSZ  RSS  TIME  COMMAND          COMMAND',
      '    1     0 root     S     11m 7424  0:00 nginx            nginx: master process nginx -g daemon off;',
      '   30     1 nginx    S     11m 2932  0:00 nginx            nginx: worker process',
    ]);
    expect((await webPs(['-o', 'pid,comm=NAME'])).stdout.split('\n')[0]).toBe('PID   NAME');
    expect((await webPs(['-o', 'pid=,comm='])).stdout.split('\n')[0]).toBe('    1 nginx');
  });

  it('errors: unknown -o column, unknown option (musl words, BusyBox usage)', async () => {
    const bad = await webPs(['-o', 'foo']);
    expect(bad.stderr).toBe(
      "ps: bad -o argument 'foo', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,time,tty,vsz,sid,stat,rss\n",
    );
    expect(bad.code).toBe(1);
    const opt = await webPs(['-x']);
    expect(opt.stderr).toBe(
      `ps: unrecognized option: x\n${BUSYBOX_BANNER}\n\n` +
        'Usage: ps [-o COL1,COL2=HEADER] [-T]\n\nShow list of processes\n\n' +
        '\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads\n',
    );
    expect(opt.code).toBe(1);
    const glibc = await webPs(['-x'], new FakeFs({ '/etc/passwd': 'root:x:0:0::/root:/bin/sh\n' }));
    expect(glibc.stderr.split('\n')[0]).toBe("ps: invalid option -- 'x'");
  });

  it('{comm} shows when the program name differs from argv[0]', async () => {
    const sys = webSystem(['ps']);
    sys.procs[0] = { ...sys.procs[0]!, comm: 'gunicorn', args: ['/usr/local/bin/python', 'app.py'] };
    const r = await run(ps, makeCtx(['ps'], sys, { fs: alpineFs() }));
    expect(r.stdout.split('\n')[1]).toBe('    1 root      0:00 {gunicorn} /usr/local/bin/python app.py');
  });
});

describe('busyboxApplets', () => {
  it('offers every system tool BusyBox has', () => {
    expect(Object.keys(busyboxApplets).sort()).toEqual([
      'date',
      'env',
      'false',
      'free',
      'hostname',
      'id',
      'kill',
      'nproc',
      'nsenter',
      'printenv',
      'ps',
      'pstree',
      'sleep',
      'top',
      'true',
      'uname',
      'uptime',
      'whoami',
    ]);
  });
});
