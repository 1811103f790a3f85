import { describe, expect, it } from 'vitest';
import { sharesToWeight } from '../../src/kernel/limits.js';
import { ID_DB, ID_WEB, MemFs, newKernel, startContainer, text } from './helpers.js';

const MiB = 1024 * 1024;

describe('cgroup v2 files', () => {
  it('writes docker’s limits the way runc does', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_DB, ['mysqld'], {
      flags: { memory: 32 * MiB, nanoCpus: 1.5e9, cpuShares: 512, pidsLimit: 100 },
    });
    const fsv = kernel.procFs(new MemFs(), kernel.hostShellPid());
    const dir = `/sys/fs/cgroup${c.cgroup}`;
    expect(text(fsv, `${dir}/memory.max`)).toBe('33554432\n');
    expect(text(fsv, `${dir}/memory.swap.max`)).toBe('33554432\n');
    expect(text(fsv, `${dir}/cpu.max`)).toBe('150000 100000\n');
    expect(text(fsv, `${dir}/cpu.weight`)).toBe('20\n');
    expect(text(fsv, `${dir}/pids.max`)).toBe('100\n');
    expect(text(fsv, `${dir}/cgroup.controllers`)).toBe('cpuset cpu io memory pids\n');
    expect(text(fsv, `${dir}/cgroup.type`)).toBe('domain\n');
  });

  it('shows max and the defaults when docker sets nothing', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['nginx']);
    const fsv = kernel.procFs(new MemFs(), kernel.hostShellPid());
    const dir = `/sys/fs/cgroup${c.cgroup}`;
    expect(text(fsv, `${dir}/memory.max`)).toBe('max\n');
    expect(text(fsv, `${dir}/memory.swap.max`)).toBe('max\n');
    expect(text(fsv, `${dir}/cpu.max`)).toBe('max 100000\n');
    expect(text(fsv, `${dir}/cpu.weight`)).toBe('100\n');
    expect(text(fsv, `${dir}/pids.max`)).toBe('max\n');
    expect(text(fsv, `${dir}/memory.events`)).toBe(
      'low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n',
    );
    expect(fsv.stat('/sys/fs/cgroup/memory.max')).toBeUndefined();
    expect(fsv.readdir('/sys/fs/cgroup/system.slice')).toContain(`docker-${ID_WEB}.scope`);
  });

  it('converts cpu shares with the classic formula', () => {
    expect(sharesToWeight(512)).toBe(20);
    expect(sharesToWeight(1024)).toBe(39);
    expect(sharesToWeight(2)).toBe(1);
    expect(sharesToWeight(262144)).toBe(10000);
  });

  it('lists the processes in cgroup.procs: host PIDs from the host, container PIDs inside', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['nginx']);
    const spec = { uid: 101, gid: 101, ns: c.ns, cgroup: c.cgroup, startTime: clock.now() };
    const w1 = kernel.spawn({ ...spec, ppid: c.pid1, args: ['nginx: worker process'], comm: 'nginx' });
    const w2 = kernel.spawn({ ...spec, ppid: c.pid1, args: ['nginx: worker process'], comm: 'nginx' });
    const host = kernel.procFs(new MemFs(), kernel.hostShellPid());
    expect(text(host, `/sys/fs/cgroup${c.cgroup}/cgroup.procs`)).toBe(`${c.pid1}\n${w1}\n${w2}\n`);
    expect(text(host, `/sys/fs/cgroup${c.cgroup}/pids.current`)).toBe('3\n');
    expect(text(host, '/sys/fs/cgroup/system.slice/containerd.service/cgroup.procs')).toContain(
      `${c.shim}\n`,
    );
    const inside = kernel.procFs(new MemFs(), c.pid1);
    expect(text(inside, '/sys/fs/cgroup/cgroup.procs')).toBe('1\n7\n8\n');
    expect(text(inside, '/proc/self/cgroup')).toBe('0::/\n');
    expect(text(host, `/proc/${c.pid1}/cgroup`)).toBe(`0::${c.cgroup}\n`);
    expect(kernel.cgroupProcs(c.cgroup)).toEqual([c.pid1, w1, w2]);
  });

  it('integrates CPU time as cores × time since the last change, capped by cpu.max', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_DB, ['mysqld'], { flags: { nanoCpus: 0.5e9 } });
    kernel.setUsage(c.pid1, { cpuCores: 0.25 }, clock.now());
    clock.advance(4000);
    kernel.setUsage(c.pid1, { cpuCores: 2 }, clock.now()); // asks for 2, gets 0.5
    clock.advance(2000);
    expect(kernel.process(c.pid1)?.cpuMs).toBe(1000 + 1000);
    expect(kernel.cgroupStats(c.cgroup).cpuUsageUsec).toBe(2_000_000);
    const cpuStat = text(kernel.procFs(new MemFs(), c.pid1), '/sys/fs/cgroup/cpu.stat');
    expect(cpuStat).toMatch(/^usage_usec 2000000\nuser_usec \d+\nsystem_usec \d+\n/);
    expect(cpuStat).toContain('nr_periods 60\nnr_throttled 20\n');
  });

  it('keeps the CPU of exited processes in the cgroup’s usage', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    const job = kernel.spawn({
      ppid: c.pid1,
      args: ['gzip'],
      uid: 0,
      gid: 0,
      ns: c.ns,
      cgroup: c.cgroup,
      startTime: clock.now(),
      cpuCores: 1,
    });
    clock.advance(3000);
    kernel.exit(job);
    clock.advance(3000);
    expect(kernel.cgroupStats(c.cgroup).cpuUsageUsec).toBe(3_000_000);
  });

  it('counts OOM kills in memory.events and stats', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_DB, ['hog'], { flags: { memory: 64 * MiB } });
    kernel.recordOomKill(c.cgroup);
    const events = text(
      kernel.procFs(new MemFs(), kernel.hostShellPid()),
      `/sys/fs/cgroup${c.cgroup}/memory.events`,
    );
    expect(events).toBe('low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\noom_group_kill 0\n');
    kernel.recordOomKill(c.cgroup);
    expect(kernel.cgroupStats(c.cgroup).oomKills).toBe(2);
    expect(kernel.cgroupStats(c.cgroup).memoryPeak).toBeGreaterThanOrEqual(64 * MiB);
  });

  it('charges memory to the cgroup and remembers the peak', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_DB, ['mysqld'], { memory: 400 * MiB });
    const before = kernel.cgroupStats(c.cgroup);
    expect(before.memoryCurrent).toBeGreaterThan(400 * MiB);
    expect(before.memoryCurrent).toBeLessThan(402 * MiB);
    kernel.setUsage(c.pid1, { memory: 100 * MiB }, clock.now());
    const after = kernel.cgroupStats(c.cgroup);
    expect(after.memoryCurrent).toBeLessThan(102 * MiB);
    expect(after.memoryPeak).toBe(before.memoryCurrent);
    expect(after.pidsCurrent).toBe(1);
  });

  it('freezes a cgroup: state T, no CPU, cgroup.freeze and cgroup.events say so', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    kernel.setUsage(c.pid1, { cpuCores: 1 }, clock.now());
    clock.advance(1000);
    kernel.setFrozen(c.cgroup, true);
    clock.advance(5000);
    const host = kernel.procFs(new MemFs(), kernel.hostShellPid());
    const dir = `/sys/fs/cgroup${c.cgroup}`;
    expect(text(host, `${dir}/cgroup.freeze`)).toBe('1\n');
    expect(text(host, `${dir}/cgroup.events`)).toBe('populated 1\nfrozen 1\n');
    expect(
      kernel
        .hostView()
        .processes()
        .find((p) => p.hostPid === c.pid1)?.state,
    ).toBe('T');
    expect(text(host, `/proc/${c.pid1}/status`)).toContain('State:\tT (stopped)\n');
    expect(kernel.process(c.pid1)?.cpuMs).toBe(1000);
    kernel.setFrozen(c.cgroup, false);
    clock.advance(1000);
    expect(kernel.process(c.pid1)?.cpuMs).toBe(2000);
    expect(
      kernel
        .hostView()
        .processes()
        .find((p) => p.hostPid === c.pid1)?.state,
    ).toBe('R');
  });

  it('refuses to remove a cgroup that still has processes, then removes it', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    expect(() => kernel.removeCgroup(c.cgroup)).toThrow(/busy/);
    kernel.exit(c.pid1);
    kernel.removeCgroup(c.cgroup);
    expect(() => kernel.cgroupStats(c.cgroup)).toThrow();
  });

  it('enforces pids.max at fork', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh'], { flags: { pidsLimit: 2 } });
    const spec = {
      ppid: c.pid1,
      args: ['sleep'],
      uid: 0,
      gid: 0,
      ns: c.ns,
      cgroup: c.cgroup,
      startTime: clock.now(),
    };
    kernel.spawn(spec);
    expect(() => kernel.spawn(spec)).toThrow(/Resource temporarily unavailable/);
  });

  it('lets root on the host write limits, and refuses writes inside a container', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    const host = kernel.procFs(new MemFs(), kernel.hostShellPid());
    host.writeFile(`/sys/fs/cgroup${c.cgroup}/memory.max`, '268435456\n');
    expect(kernel.cgroupStats(c.cgroup).limits.memoryMax).toBe(268435456);
    expect(() => host.writeFile(`/sys/fs/cgroup${c.cgroup}/memory.max`, 'lots')).toThrow(
      expect.objectContaining({ code: 'EINVAL' }),
    );
    expect(() => host.writeFile(`/sys/fs/cgroup${c.cgroup}/memory.current`, '1')).toThrow(
      expect.objectContaining({ code: 'EACCES' }),
    );
    const inside = kernel.procFs(new MemFs(), c.pid1);
    expect(text(inside, '/sys/fs/cgroup/memory.max')).toBe('268435456\n');
    expect(() => inside.writeFile('/sys/fs/cgroup/memory.max', 'max')).toThrow(
      expect.objectContaining({ code: 'EROFS' }),
    );
    expect(() => inside.mkdir('/sys/fs/cgroup/child')).toThrow(expect.objectContaining({ code: 'EROFS' }));
  });
});
