import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST } from '../../src/kernel/host.js';
import { Kernel } from '../../src/kernel/kernel.js';
import { ID_DB, ID_WEB, MemFs, newKernel, startContainer, TestClock, text } from './helpers.js';

describe('namespaces', () => {
  it('starts from the initial namespaces’ inode numbers', () => {
    const { kernel } = newKernel();
    expect(kernel.hostNamespaces()).toEqual({
      time: 4026531834,
      cgroup: 4026531835,
      pid: 4026531836,
      user: 4026531837,
      uts: 4026531838,
      ipc: 4026531839,
      mnt: 4026531840,
      net: 4026531992,
    });
  });

  it('gives a container six new namespaces numbered as a fresh host does, sharing user and time', () => {
    const { kernel, clock } = newKernel();
    const host = kernel.hostNamespaces();
    const web = startContainer(kernel, clock, ID_WEB, ['nginx']);
    const db = startContainer(kernel, clock, ID_DB, ['mysqld']);
    expect(web.ns).toEqual({
      ...host,
      mnt: 4026532301,
      uts: 4026532302,
      ipc: 4026532303,
      pid: 4026532304,
      net: 4026532306,
      cgroup: 4026532367,
    });
    expect(db.ns).toMatchObject({ mnt: 4026532368, pid: 4026532371, net: 4026532373, cgroup: 4026532434 });
    const all = [...Object.values(web.ns), ...Object.values(db.ns)].filter(
      (n) => n !== host.user && n !== host.time,
    );
    expect(new Set(all).size).toBe(all.length);
  });

  it('shares net and uts with the host for --network host: the host’s hostname inside', () => {
    const { kernel, clock } = newKernel();
    const host = kernel.hostNamespaces();
    const c = startContainer(kernel, clock, ID_WEB, ['sh'], { share: { net: host.net, uts: host.uts } });
    expect(c.ns.net).toBe(host.net);
    expect(c.ns.uts).toBe(host.uts);
    expect(c.ns.pid).not.toBe(host.pid);
    expect(kernel.view(c.pid1).uts().nodename).toBe('docker-host');
  });

  it('keeps each UTS namespace’s hostname', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_DB, ['sh']);
    expect(kernel.view(c.pid1).uts().nodename).toBe('3f4e8c2a9b1d');
    kernel.setHostname(c.ns.uts, 'redis-box');
    expect(kernel.view(c.pid1).uts()).toMatchObject({
      nodename: 'redis-box',
      release: '6.8.0-45-generic',
      sysname: 'Linux',
    });
    expect(kernel.hostView().uts().nodename).toBe('docker-host');
    expect(text(kernel.procFs(new MemFs(), c.pid1), '/proc/sys/kernel/hostname')).toBe('redis-box\n');
  });

  it('keeps inode numbers stable across save and load, and keeps counting after', () => {
    const clock = new TestClock();
    const { kernel, store } = newKernel(undefined, clock);
    const web = startContainer(kernel, clock, ID_WEB, ['nginx']);
    kernel.save();
    const again = Kernel.load(store, DEFAULT_HOST, clock.now);
    expect(again.process(web.pid1)?.ns).toEqual(web.ns);
    expect(again.view(web.pid1).uts().nodename).toBe('9c1b2d3e4f5a');
    const db = startContainer(again, clock, ID_DB, ['mysqld']);
    expect(db.ns.mnt).toBe(4026532368);
  });

  it('drops namespaces when their last process exits', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    kernel.exit(c.pid1);
    expect(() => kernel.setHostname(c.ns.uts, 'x')).toThrow(/no uts namespace/);
    expect(() => kernel.setHostname(kernel.hostNamespaces().uts, 'docker-host')).not.toThrow();
  });
});
