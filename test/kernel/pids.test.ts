import { describe, expect, it } from 'vitest';
import { ID_DB, ID_WEB, MemFs, newKernel, startContainer, text } from './helpers.js';

describe('PID namespaces', () => {
  it('numbers a container’s first process 1 and keeps host PIDs in the low thousands', () => {
    const { kernel, clock } = newKernel();
    const web = startContainer(kernel, clock, ID_WEB, ['nginx', '-g', 'daemon off;']);
    expect(web.shim).toBe(2211);
    expect(web.pid1).toBe(2233);
    expect(kernel.process(web.pid1)?.nsPids).toEqual([2233, 1]);
    expect(kernel.process(web.pid1)?.ppid).toBe(web.shim);
    expect(kernel.process(web.shim)?.ppid).toBe(1);
  });

  it('gives later processes of the namespace the next free PIDs (runc init’s threads took 2–6)', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    const child = kernel.spawn({
      ppid: c.pid1,
      args: ['sleep', '1000'],
      uid: 0,
      gid: 0,
      ns: c.ns,
      cgroup: c.cgroup,
      startTime: clock.now(),
    });
    const exec = kernel.spawn({
      ppid: c.shim,
      args: ['ps'],
      uid: 0,
      gid: 0,
      ns: c.ns,
      cgroup: c.cgroup,
      startTime: clock.now(),
    });
    expect(kernel.process(child)?.nsPids).toEqual([child, 7]);
    expect(kernel.process(exec)?.nsPids).toEqual([exec, 8]);
    const inside = kernel.view(exec).processes();
    expect(inside.map((p) => [p.pid, p.ppid, p.comm])).toEqual([
      [1, 0, 'sh'],
      [7, 1, 'sleep'],
      [8, 0, 'ps'],
    ]);
  });

  it('lists the PID of every nesting level in NSpid, outermost first, from the reader’s level', () => {
    const { kernel, clock } = newKernel();
    const outer = startContainer(kernel, clock, ID_WEB, ['dockerd']);
    const innerNs = kernel.createNamespaces({ user: outer.ns.user }, outer.ns.pid);
    const spec = { uid: 0, gid: 0, cgroup: outer.cgroup, startTime: clock.now() };
    const inner = kernel.spawn({ ...spec, ppid: outer.pid1, args: ['sleep', '9'], ns: innerNs });
    expect(kernel.process(inner)?.nsPids).toEqual([inner, 7, 1]);
    const hostFs = kernel.procFs(new MemFs(), kernel.hostShellPid());
    expect(text(hostFs, `/proc/${inner}/status`)).toContain(`NSpid:\t${inner}\t7\t1\n`);
    const outerFs = kernel.procFs(new MemFs(), outer.pid1);
    expect(text(outerFs, '/proc/7/status')).toContain('NSpid:\t7\t1\n');
    expect(text(outerFs, '/proc/7/status')).toContain('PPid:\t1\n');
    const innerFs = kernel.procFs(new MemFs(), inner);
    expect(text(innerFs, '/proc/1/status')).toContain('NSpid:\t1\n');
    expect(text(innerFs, '/proc/1/status')).toContain('PPid:\t0\n');
  });

  it('refuses a PID namespace that is not below the parent’s', () => {
    const { kernel, clock } = newKernel();
    const a = startContainer(kernel, clock, ID_WEB, ['sh']);
    const b = startContainer(kernel, clock, ID_DB, ['sh']);
    expect(() =>
      kernel.spawn({
        ppid: a.pid1,
        args: ['x'],
        uid: 0,
        gid: 0,
        ns: b.ns,
        cgroup: b.cgroup,
        startTime: clock.now(),
      }),
    ).toThrow(/PID namespace/);
  });

  it('shares the host PID namespace with --pid host: host PIDs inside, host processes visible', () => {
    const { kernel, clock } = newKernel();
    const host = kernel.hostNamespaces();
    const c = startContainer(kernel, clock, ID_DB, ['top'], { share: { pid: host.pid } });
    expect(kernel.process(c.pid1)?.nsPids).toEqual([c.pid1]);
    const view = kernel.view(c.pid1);
    expect(view.selfPid()).toBe(c.pid1);
    const procs = view.processes();
    expect(procs.find((p) => p.pid === 1)?.comm).toBe('systemd');
    expect(procs.find((p) => p.pid === c.pid1)?.ppid).toBe(c.shim);
  });

  it('exits a process (its children go to the namespace init), and an init with the whole namespace', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    const spec = { uid: 0, gid: 0, ns: c.ns, cgroup: c.cgroup, startTime: clock.now() };
    const child = kernel.spawn({ ...spec, ppid: c.pid1, args: ['sh', '-c', 'sleep 5'] });
    const grandchild = kernel.spawn({ ...spec, ppid: child, args: ['sleep', '5'] });
    const exec = kernel.spawn({ ...spec, ppid: c.shim, args: ['top'] });
    expect(kernel.exit(child)).toEqual([child]);
    // The orphan is adopted by the container's PID 1, as Linux gives orphans to the namespace init.
    expect(kernel.process(grandchild)?.ppid).toBe(c.pid1);
    expect(kernel.process(exec)).toBeDefined();
    expect(kernel.exit(c.pid1)).toEqual([c.pid1, grandchild, exec].sort((a, b) => a - b));
    expect(kernel.process(c.shim)).toBeDefined();
    expect(kernel.cgroupProcs(c.cgroup)).toEqual([]);
  });

  it('never hands out a live PID again', () => {
    const { kernel, clock } = newKernel();
    const a = startContainer(kernel, clock, ID_WEB, ['sh']);
    kernel.exit(a.pid1);
    kernel.exit(a.shim);
    const b = startContainer(kernel, clock, ID_DB, ['sh']);
    const all = kernel.processes().map((p) => p.pid);
    expect(new Set(all).size).toBe(all.length);
    expect(b.shim).toBeGreaterThan(a.pid1);
  });
});
