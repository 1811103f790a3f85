import { describe, expect, it } from 'vitest';
import { FsError } from '../../src/fs/view.js';
import { ID_DB, ID_WEB, MemFs, newKernel, startContainer, T0, text } from './helpers.js';

describe('/proc', () => {
  it('writes cmdline as NUL-terminated arguments and comm with a newline', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh', '-c', 'sleep 1000000 & wait']);
    const host = kernel.procFs(new MemFs(), kernel.hostShellPid());
    expect(host.readFile(`/proc/${c.pid1}/cmdline`)).toEqual(Buffer.from('sh\0-c\0sleep 1000000 & wait\0'));
    expect(text(host, `/proc/${c.pid1}/comm`)).toBe('sh\n');
    expect(host.readFile('/proc/2/cmdline').length).toBe(0);
    expect(text(host, `/proc/${c.shim}/comm`)).toBe('containerd-shim\n');
  });

  it('shows a container’s first process as /proc/1 inside, with PPid 0', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_DB, ['mysqld'], { uid: 999 });
    const inside = kernel.procFs(new MemFs(), c.pid1);
    expect(text(inside, '/proc/1/cmdline')).toBe('mysqld\0');
    const status = text(inside, '/proc/1/status');
    expect(status).toMatch(
      /^Name:\tmysqld\nUmask:\t0022\nState:\tR \(running\)\nTgid:\t1\nNgid:\t0\nPid:\t1\nPPid:\t0\n/,
    );
    expect(status).toContain('Uid:\t999\t999\t999\t999\n');
    expect(status).toContain('NSpid:\t1\n');
    expect(status).toContain('Seccomp:\t2\n');
    expect(inside.readdir('/proc').filter((n) => /^\d+$/.test(n))).toEqual(['1']);
    const hostStatus = text(kernel.procFs(new MemFs(), kernel.hostShellPid()), `/proc/${c.pid1}/status`);
    expect(hostStatus).toContain(`PPid:\t${c.shim}\n`);
    expect(hostStatus).toContain(`NSpid:\t${c.pid1}\t1\n`);
    expect(hostStatus).toContain('State:\tS (sleeping)\n');
  });

  it('has namespace links whose readlink text is type:[inode], the same from both sides', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_DB, ['mysqld']);
    const host = kernel.procFs(new MemFs(), kernel.hostShellPid());
    const inside = kernel.procFs(new MemFs(), c.pid1);
    expect(host.readlink(`/proc/${c.pid1}/ns/pid`)).toBe(`pid:[${c.ns.pid}]`);
    expect(inside.readlink('/proc/1/ns/pid')).toBe(`pid:[${c.ns.pid}]`);
    expect(inside.readlink('/proc/self/ns/user')).toBe('user:[4026531837]');
    expect(host.readlink('/proc/1/ns/net')).toBe('net:[4026531992]');
    expect(host.readdir(`/proc/${c.pid1}/ns`)).toEqual([
      'cgroup',
      'ipc',
      'mnt',
      'net',
      'pid',
      'pid_for_children',
      'time',
      'time_for_children',
      'user',
      'uts',
    ]);
    expect(host.lstat(`/proc/${c.pid1}/ns/uts`)).toMatchObject({
      type: 'symlink',
      target: `uts:[${c.ns.uts}]`,
    });
  });

  it('resolves /proc/self and the cwd, exe and root links', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['/bin/sh']);
    const base = new MemFs({ '/bin/sh': 'ELF', '/etc/hostname': '9c1b2d3e4f5a\n' });
    base.symlink('/proc/self/mounts', '/etc/mtab');
    const inside = kernel.procFs(base, c.pid1);
    expect(inside.readlink('/proc/self')).toBe('1');
    expect(inside.realpath('/proc/self/status')).toBe('/proc/1/status');
    expect(text(inside, '/proc/self/status')).toContain('Pid:\t1\n');
    expect(inside.readlink('/proc/1/exe')).toBe('/bin/sh');
    expect(inside.readFile('/proc/1/exe').toString()).toBe('ELF');
    expect(inside.readlink('/proc/1/cwd')).toBe('/');
    expect(inside.readdir('/proc/1/root/etc')).toContain('hostname');
    expect(text(inside, '/etc/mtab')).toMatch(
      /^overlay \/ overlay rw,relatime,lowerdir=\/var\/lib\/docker\/overlay2\/l\//,
    );
    expect(text(inside, '/etc/hostname')).toBe('9c1b2d3e4f5a\n');
    expect(inside.readdir('/')).toEqual(['bin', 'etc', 'proc', 'sys']);
  });

  it('uses the mount table given for a mount namespace', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    kernel.setMounts(c.ns.mnt, 'overlay / overlay rw 0 0');
    expect(text(kernel.procFs(new MemFs(), c.pid1), '/proc/mounts')).toBe('overlay / overlay rw 0 0\n');
  });

  it('keeps another user’s environ private', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    const nobody = kernel.spawn({
      ppid: c.shim,
      args: ['id'],
      uid: 65534,
      gid: 65534,
      ns: c.ns,
      cgroup: c.cgroup,
      startTime: clock.now(),
    });
    const asNobody = kernel.procFs(new MemFs(), nobody);
    expect(() => asNobody.readFile('/proc/1/environ')).toThrow(FsError);
    expect(() => asNobody.readlink('/proc/1/cwd')).toThrow(expect.objectContaining({ code: 'EACCES' }));
    expect(text(kernel.procFs(new MemFs(), c.pid1), '/proc/1/environ')).toContain('HOSTNAME=9c1b2d3e4f5a\0');
  });

  it('refuses writes and creations under /proc', () => {
    const { kernel } = newKernel();
    const host = kernel.procFs(new MemFs(), kernel.hostShellPid());
    expect(() => host.writeFile('/proc/meminfo', 'x')).toThrow(expect.objectContaining({ code: 'EACCES' }));
    expect(() => host.writeFile('/proc/new', 'x')).toThrow(expect.objectContaining({ code: 'EACCES' }));
    expect(() => host.remove('/proc/1')).toThrow(expect.objectContaining({ code: 'EACCES' }));
    expect(() => host.readFile('/proc/99999/status')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => host.readFile('/proc')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });

  it('gives /proc/PID/stat the fields ps reads', () => {
    const { kernel, clock } = newKernel();
    clock.advance(5000);
    const c = startContainer(kernel, clock, ID_DB, ['mysqld'], { memory: 4096 * 100 });
    kernel.setUsage(c.pid1, { cpuCores: 1 }, clock.now());
    clock.advance(2500);
    const stat = text(kernel.procFs(new MemFs(), kernel.hostShellPid()), `/proc/${c.pid1}/stat`)
      .trim()
      .split(' ');
    expect(stat).toHaveLength(52);
    expect(stat.slice(0, 6)).toEqual([
      String(c.pid1),
      '(mysqld)',
      'R',
      String(c.shim),
      String(c.pid1),
      String(c.pid1),
    ]);
    expect(Number(stat[13]) + Number(stat[14])).toBe(250); // utime + stime, ticks
    const boot = kernel.bootTime();
    expect(Number(stat[21])).toBe((T0 + 5000 - boot) / 10); // starttime, ticks after boot
    expect(Number(stat[23])).toBe(100); // rss, pages
  });

  it('has the host-wide files, the same inside a container', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    const host = kernel.procFs(new MemFs(), kernel.hostShellPid());
    const inside = kernel.procFs(new MemFs(), c.pid1);
    expect(text(inside, '/proc/meminfo')).toBe(text(host, '/proc/meminfo'));
    expect(text(host, '/proc/meminfo')).toMatch(
      /^MemTotal: {8}8135116 kB\nMemFree: +\d+ kB\nMemAvailable: +\d+ kB\n/,
    );
    expect(text(inside, '/proc/cpuinfo').match(/^processor\t: \d$/gm)).toHaveLength(4);
    expect(text(inside, '/proc/uptime')).toMatch(/^3600\.00 \d+\.\d\d\n$/);
    expect(text(inside, '/proc/version')).toMatch(/^Linux version 6\.8\.0-45-generic /);
    expect(text(inside, '/proc/stat')).toContain(`btime ${kernel.bootTime() / 1000}\n`);
    expect(text(inside, '/proc/stat')).toMatch(/^cpu {2}\d+ 0 \d+ \d+/);
    // The last PID handed out in the container's namespace: runc init's last thread.
    expect(text(inside, '/proc/loadavg')).toMatch(/^\d\.\d\d \d\.\d\d \d\.\d\d \d+\/\d+ 6\n$/);
    expect(text(host, '/proc/sys/kernel/pid_max')).toBe('4194304\n');
  });
});

describe('procFs over a base filesystem', () => {
  it('passes everything outside /proc and /sys/fs/cgroup to the base', () => {
    const { kernel, clock } = newKernel();
    const c = startContainer(kernel, clock, ID_WEB, ['sh']);
    const base = new MemFs({ '/etc/hostname': 'web\n' });
    const fsv = kernel.procFs(base, c.pid1);
    fsv.mkdir('/a/b/c', { recursive: true });
    fsv.writeFile('/a/b/c/f', 'hi');
    fsv.rename('/a/b/c/f', '/a/g');
    expect(base.readFile('/a/g').toString()).toBe('hi');
    expect(fsv.readdir('/a')).toEqual(['b', 'g']);
    expect(fsv.stat('/nope')).toBeUndefined();
    expect(() => fsv.rename('/a/g', '/proc/g')).toThrow(expect.objectContaining({ code: 'EXDEV' }));
    expect(fsv.stat('/proc/1')).toMatchObject({ type: 'dir', mode: 0o555 });
    expect(fsv.stat('/sys/fs/cgroup')).toMatchObject({ type: 'dir' });
    expect(fsv.readdir('/sys')).toEqual(['fs']);
  });
});
