import { describe, expect, it } from 'vitest';
import { ID_DB, ID_WEB, newKernel, startContainer } from './helpers.js';

const MiB = 1024 * 1024;

describe('SystemView', () => {
  it('boots a systemd host with containerd and dockerd', () => {
    const { kernel } = newKernel();
    const procs = kernel.hostView().processes();
    const byPid = new Map(procs.map((p) => [p.pid, p]));
    expect(byPid.get(1)).toMatchObject({
      comm: 'systemd',
      args: ['/sbin/init'],
      ppid: 0,
      user: 'root',
      cgroup: '/init.scope',
    });
    expect(byPid.get(2)).toMatchObject({ comm: 'kthreadd', args: [], kernelThread: true, ppid: 0 });
    const dockerd = procs.find((p) => p.comm === 'dockerd')!;
    expect(dockerd).toMatchObject({ ppid: 1, cgroup: '/system.slice/docker.service', threads: 12 });
    expect(dockerd.args.join(' ')).toBe(
      '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
    );
    expect(procs.find((p) => p.comm === 'containerd')).toMatchObject({
      args: ['/usr/bin/containerd'],
      cgroup: '/system.slice/containerd.service',
    });
    expect(procs.find((p) => p.comm === 'systemd-network')?.user).toBe('systemd-network');
    expect(procs.filter((p) => p.kernelThread && p.state === 'I').length).toBeGreaterThan(5);
    expect(kernel.hostView().bootTime()).toBe(kernel.bootTime());
    expect(kernel.hostView().now() - kernel.bootTime()).toBe(3600_000);
    expect(kernel.hostView().isHost()).toBe(true);
  });

  it('shows container processes to the host with host PIDs, users by the host’s names', () => {
    const { kernel, clock } = newKernel();
    const db = startContainer(kernel, clock, ID_DB, ['mysqld'], { uid: 999 });
    const host = kernel.hostView().processes();
    const mysqld = host.find((p) => p.hostPid === db.pid1)!;
    expect(mysqld).toMatchObject({
      pid: db.pid1,
      ppid: db.shim,
      user: '999',
      cgroup: `/system.slice/docker-${ID_DB}.scope`,
    });
    expect(mysqld.ns.pid).toBe(db.ns.pid);
  });

  it('shows a container only its own processes, with its passwd and PPID 0 for PID 1', () => {
    const { kernel, clock } = newKernel();
    startContainer(kernel, clock, ID_WEB, ['nginx']);
    const db = startContainer(kernel, clock, ID_DB, ['mysqld'], { uid: 999 });
    const view = kernel.view(db.pid1, (uid) => (uid === 999 ? 'mysql' : uid === 0 ? 'root' : undefined));
    expect(view.processes().map((p) => [p.pid, p.ppid, p.user, p.comm, p.cgroup])).toEqual([
      [1, 0, 'mysql', 'mysqld', '/'],
    ]);
    expect(view.selfPid()).toBe(1);
    expect(view.isHost()).toBe(false);
    expect(view.uts().nodename).toBe('3f4e8c2a9b1d');
    expect(view.cpus()).toBe(4);
  });

  it('marks the reader and CPU users running, others sleeping, and reports the session', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    const spec = { uid: 0, gid: 0, ns: c.ns, cgroup: c.cgroup, startTime: clock.now() };
    const busy = kernel.spawn({ ...spec, ppid: c.pid1, args: ['yes'], cpuCores: 1 });
    const ps = kernel.spawn({ ...spec, ppid: c.shim, args: ['ps'], tty: 'pts/0' });
    const procs = kernel.view(ps).processes();
    expect(procs.map((p) => [p.pid, p.state])).toEqual([
      [1, 'S'],
      [7, 'R'],
      [8, 'R'],
    ]);
    expect(procs.find((p) => p.pid === 7)).toMatchObject({ sid: 1, pgid: 1, tpgid: -1 });
    expect(procs.find((p) => p.pid === 8)).toMatchObject({ sid: 8, pgid: 8, tpgid: 8, tty: 'pts/0' });
    void busy;
  });

  it('reports the host’s memory everywhere, used growing with resident memory', () => {
    const { kernel, clock } = newKernel();
    const before = kernel.hostView().meminfo();
    expect(before.total).toBe(8135116 * 1024);
    const c = startContainer(kernel, clock, ID_DB, ['mysqld'], { memory: 442 * MiB });
    const after = kernel.view(c.pid1).meminfo();
    expect(after).toEqual(kernel.hostView().meminfo());
    const usedBefore = before.total - before.available;
    const usedAfter = after.total - after.available;
    expect(usedAfter - usedBefore).toBeGreaterThanOrEqual(442 * MiB);
    expect(usedAfter / 1024 / 1024).toBeGreaterThan(900);
    expect(usedAfter / 1024 / 1024).toBeLessThan(1100);
    expect(after.free + after.buffers + after.cached + usedAfter).toBe(after.total);
  });

  it('moves the load average toward the number of running processes', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['stress']);
    const [idle] = kernel.hostView().loadavg();
    expect(idle).toBeLessThan(0.1);
    kernel.setUsage(c.pid1, { cpuCores: 2 }, clock.now());
    clock.advance(5 * 60_000);
    const [l1, l5, l15] = kernel.hostView().loadavg();
    expect(l1).toBeGreaterThan(1.9);
    expect(l5).toBeGreaterThan(1.2);
    expect(l15).toBeLessThan(l5);
  });

  it('renames a process on exec and keeps its PID', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    kernel.setIdentity(c.pid1, ['nginx: master process nginx -g daemon off;'], 'nginx');
    const p = kernel.view(c.pid1).processes()[0]!;
    expect(p).toMatchObject({ pid: 1, comm: 'nginx', args: ['nginx: master process nginx -g daemon off;'] });
    expect(kernel.process(c.pid1)?.exe).toBe('/docker-entrypoint.sh');
    kernel.setIdentity(c.pid1, ['/usr/sbin/nginx', '-g', 'daemon off;']);
    expect(kernel.process(c.pid1)).toMatchObject({ comm: 'nginx', exe: '/usr/sbin/nginx' });
  });
});
