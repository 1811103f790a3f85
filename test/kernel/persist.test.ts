import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST } from '../../src/kernel/host.js';
import { Kernel } from '../../src/kernel/kernel.js';
import { CorruptStateError } from '../../src/store/index.js';
import { ID_DB, ID_WEB, MemFs, newKernel, startContainer, TestClock, text } from './helpers.js';

describe('persistence', () => {
  it('round-trips the whole machine through save and load', () => {
    const clock = new TestClock();
    const { kernel, store } = newKernel(undefined, clock);
    const web = startContainer(kernel, clock, ID_WEB, ['nginx'], {
      flags: { memory: 64 * 1024 * 1024, nanoCpus: 1e9 },
    });
    kernel.setUsage(web.pid1, { cpuCores: 0.5 }, clock.now());
    kernel.recordOomKill(web.cgroup);
    kernel.setFrozen(web.cgroup, true);
    clock.advance(2000);
    kernel.save();
    const again = Kernel.load(store, DEFAULT_HOST, clock.now);
    expect(again.processes()).toEqual(kernel.processes());
    expect(again.cgroupStats(web.cgroup)).toEqual(kernel.cgroupStats(web.cgroup));
    expect(again.bootTime()).toBe(kernel.bootTime());
    const a = kernel.procFs(new MemFs(), kernel.hostShellPid());
    const b = again.procFs(new MemFs(), again.hostShellPid());
    for (const f of [
      '/proc/meminfo',
      '/proc/loadavg',
      '/proc/stat',
      `/proc/${web.pid1}/status`,
      `/sys/fs/cgroup${web.cgroup}/cpu.stat`,
    ]) {
      expect(text(b, f)).toBe(text(a, f));
    }
    // The next process continues the PID counter.
    const db = startContainer(again, clock, ID_DB, ['mysqld']);
    expect(db.shim).toBe(web.pid1 + 1);
  });

  it('keeps one document per process, namespace and cgroup, and rewrites only what changed', () => {
    const clock = new TestClock();
    const { kernel, store } = newKernel(undefined, clock);
    kernel.save();
    expect(store.exists('kernel/kernel.json')).toBe(true);
    expect(store.exists('kernel/proc/1.json')).toBe(true);
    expect(store.exists('kernel/ns/4026531836.json')).toBe(true);
    expect(store.exists('kernel/cgroup/system.slice%2Fdocker.service.json')).toBe(true);
    const mtime = (rel: string) => fs.statSync(store.path(rel)).mtimeMs;
    const stamp = new Date(2000, 0, 1);
    fs.utimesSync(store.path('kernel/proc/1.json'), stamp, stamp);
    fs.utimesSync(store.path('kernel/proc/1032.json'), stamp, stamp);
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    kernel.save();
    expect(mtime('kernel/proc/1.json')).toBe(stamp.getTime());
    expect(mtime('kernel/proc/1032.json')).toBe(stamp.getTime());
    expect(store.exists(`kernel/proc/${c.pid1}.json`)).toBe(true);
    expect(store.exists(`kernel/ns/${c.ns.pid}.json`)).toBe(true);
    kernel.exit(c.pid1);
    kernel.removeCgroup(c.cgroup);
    kernel.save();
    expect(store.exists(`kernel/proc/${c.pid1}.json`)).toBe(false);
    expect(store.exists(`kernel/ns/${c.ns.pid}.json`)).toBe(false);
    expect(store.exists(`kernel/cgroup/${encodeURIComponent(c.cgroup.slice(1))}.json`)).toBe(false);
  });

  it('raises CorruptStateError for a damaged document', () => {
    const { kernel, store } = newKernel();
    kernel.save();
    store.writeText('kernel/proc/412.json', '{"pid": "four"}');
    expect(() => Kernel.load(store, DEFAULT_HOST, () => 0)).toThrow(CorruptStateError);
    store.writeText('kernel/proc/412.json', '{not json');
    expect(() => Kernel.load(store, DEFAULT_HOST, () => 0)).toThrow(CorruptStateError);
  });

  it('raises CorruptStateError for a document under the wrong name', () => {
    const { kernel, store } = newKernel();
    kernel.save();
    store.writeText('kernel/proc/9.json', store.readText('kernel/proc/412.json')!);
    expect(() => Kernel.load(store, DEFAULT_HOST, () => 0)).toThrow(/does not match its file name/);
  });

  it('is deterministic: the same calls give the same documents', () => {
    const run = () => {
      const clock = new TestClock();
      const { kernel, store } = newKernel(undefined, clock);
      const c = startContainer(kernel, clock, ID_WEB, ['sh']);
      kernel.setUsage(c.pid1, { cpuCores: 0.3, memory: 5e6 }, clock.now() + 100);
      clock.advance(777);
      kernel.save();
      return store
        .list('kernel/proc')
        .map((n) => store.readText(`kernel/proc/${n}`))
        .join('');
    };
    expect(run()).toBe(run());
  });
});
