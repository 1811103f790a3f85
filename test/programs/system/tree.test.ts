import { describe, expect, it } from 'vitest';
import { hostFs, hostSystem } from './baseline.js';
import { alpineFs, webSystem } from './containers.js';
import { busybox, gnu, golden } from './golden.js';
import { type CtxOptions, makeCtx, run } from './helpers.js';

const pstree = gnu('pstree');

async function hostTree(args: string[], o: CtxOptions = {}) {
  const argv = ['pstree', ...args];
  return run(pstree, makeCtx(argv, hostSystem({ self: argv }), { fs: hostFs(), ...o }));
}

describe('psmisc pstree (host-kernel.md 2.7)', () => {
  it('ASCII off a terminal: merged siblings, threads as N*[{name}]', async () => {
    const r = await hostTree([]);
    expect(r.stdout).toBe(golden('pstree.txt'));
    expect(r.code).toBe(0);
  });

  it('UTF-8 line drawing on a UTF-8 terminal', async () => {
    const r = await hostTree([], { tty: true, env: { LANG: 'C.UTF-8', COLUMNS: '132' } });
    expect(r.stdout).toBe(golden('pstree-utf8.txt'));
  });

  it('-p shows PIDs and stops merging', async () => {
    const r = await hostTree(['-p']);
    expect(r.stdout).toBe(golden('pstree-p.txt'));
    expect(r.stdout.split('\n')[0]).toBe('systemd(1)-+-containerd(845)-+-{containerd}(846)');
    expect(r.stdout).toContain('|-sshd(1187)---sshd(3050)---bash(3071)---pstree(3412)');
  });

  it('starts at a PID, with -s shows its ancestors', async () => {
    expect((await hostTree(['2211'])).stdout).toBe(
      'containerd-shim-+-nginx---2*[nginx]\n                `-10*[{containerd-shim}]\n',
    );
    expect((await hostTree(['-s', '-T', '2290'])).stdout).toBe('systemd---containerd-shim---nginx---nginx\n');
  });

  it('-a prints arguments, one process a line', async () => {
    const lines = (await hostTree(['-a', '-l'])).stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['systemd', '  |-containerd', '  |   `-9*[{containerd}]']);
    expect(lines).toContain('  |-dockerd -H fd:// --containerd=/run/containerd/containerd.sock');
    expect(lines).toContain('  |   |   |-nginx');
  });

  it('lines longer than the output width end with +', async () => {
    const r = await hostTree([], { tty: true, env: { COLUMNS: '30' } });
    expect(r.stdout.split('\n')[5]).toBe('        |-dockerd-+-2*[docker+');
  });

  it('usage errors', async () => {
    const r = await hostTree(['-x']);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      "pstree: invalid option -- 'x'",
      'Usage: pstree [-acglpsStTuZ] [ -h | -H PID ] [ -n | -N type ]',
    ]);
    expect(r.code).toBe(1);
    const u = await hostTree(['nosuchuser']);
    expect(u.stderr).toBe('No such user name: nosuchuser\n');
    expect(u.code).toBe(1);
  });
});

describe('BusyBox pstree', () => {
  it('draws the container tree from its PID 1', async () => {
    const r = await run(busybox('pstree'), makeCtx(['pstree'], webSystem(['pstree']), { fs: alpineFs() }));
    expect(r.stdout).toBe('nginx---2*[nginx]\n');
  });

  it('-p numbers every process', async () => {
    const r = await run(
      busybox('pstree'),
      makeCtx(['pstree', '-p', '32'], webSystem(['pstree', '-p', '32']), { fs: alpineFs() }),
    );
    expect(r.stdout).toBe('sh(32)---pstree(38)\n');
  });
});
