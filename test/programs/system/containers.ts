import type { ProcInfo } from '../../../src/kernel/view.js';
import { at, DB_NS, hostSystem, mem, proc, UTS_HOST, WEB_NS } from './baseline.js';
import { FakeFs, type FakeSystem } from './helpers.js';

/** The baseline's containers seen from inside (host-kernel.md section 3). */
/** The `web` container (nginx on Alpine) seen from inside its PID namespace, `docker exec -it web sh` running. */
export function webProcs(self: string[] = ['ps']): ProcInfo[] {
  const nginx = { ns: WEB_NS, startTime: at(9, 15), ...mem(7424, 11400) };
  return [
    proc({
      pid: 1,
      hostPid: 2233,
      ppid: 0,
      comm: 'nginx',
      args: ['nginx: master process nginx -g daemon off;'],
      ...nginx,
    }),
    ...[30, 31].map((pid) =>
      proc({
        pid,
        hostPid: 2260 + pid,
        ppid: 1,
        uid: 101,
        gid: 101,
        user: 'nginx',
        comm: 'nginx',
        args: ['nginx: worker process'],
        ...nginx,
        ...mem(2932, 11864),
      }),
    ),
    proc({
      pid: 32,
      hostPid: 3501,
      ppid: 0,
      comm: 'sh',
      args: ['sh'],
      tty: 'pts/0',
      ns: WEB_NS,
      startTime: at(9, 40),
      ...mem(1664, 1708),
    }),
    proc({
      pid: 38,
      hostPid: 3507,
      ppid: 32,
      comm: self[0]!,
      args: self,
      tty: 'pts/0',
      state: 'R',
      ns: WEB_NS,
      startTime: at(9, 40),
      ...mem(1536, 1636),
    }),
  ];
}

export function webSystem(self?: string[]): FakeSystem {
  return {
    ...hostSystem(),
    uts: { ...UTS_HOST, nodename: '9c1b2d3e4f5a' },
    procs: webProcs(self),
    self: 38,
    host: false,
  };
}

export function alpineFs(hostname = '9c1b2d3e4f5a', ip = '172.17.0.2'): FakeFs {
  return new FakeFs({
    '/proc/sys/kernel/pid_max': '4194304\n',
    '/etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.1\n',
    '/lib/ld-musl-x86_64.so.1': '',
    '/etc/passwd': [
      'root:x:0:0:root:/root:/bin/sh',
      'bin:x:1:1:bin:/bin:/sbin/nologin',
      'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
      'nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin',
      'nobody:x:65534:65534:nobody:/:/sbin/nologin',
      '',
    ].join('\n'),
    '/etc/group': [
      'root:x:0:root',
      'bin:x:1:root,bin,daemon',
      'daemon:x:2:root,bin,daemon',
      'sys:x:3:root,bin',
      'adm:x:4:root,daemon',
      'disk:x:6:root',
      'wheel:x:10:root',
      'floppy:x:11:root',
      'dialout:x:20:root',
      'tape:x:26:root',
      'video:x:27:root',
      'nginx:x:101:nginx',
      '',
    ].join('\n'),
    '/etc/hosts': `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${ip}\t${hostname}\n`,
  });
}

/** The `db` container (mysql, a glibc image with procps) from inside: mysqld is PID 1, `docker exec -it db bash` runs. */
export function dbSystem(self: string[] = ['ps', 'aux']): FakeSystem {
  const procs = [
    proc({
      pid: 1,
      hostPid: 2323,
      ppid: 0,
      uid: 999,
      gid: 999,
      user: 'mysql',
      comm: 'mysqld',
      args: ['mysqld'],
      startTime: at(9, 16),
      cpuTime: 41000,
      threads: 38,
      ns: DB_NS,
      ...mem(452736, 2456964),
    }),
    proc({
      pid: 130,
      hostPid: 3520,
      ppid: 0,
      comm: 'bash',
      args: ['bash'],
      tty: 'pts/0',
      startTime: at(9, 40),
      ns: DB_NS,
      ...mem(3328, 4164),
    }),
    proc({
      pid: 137,
      hostPid: 3527,
      ppid: 130,
      comm: self[0]!,
      args: self,
      tty: 'pts/0',
      state: 'R',
      startTime: at(9, 40),
      ns: DB_NS,
      ...mem(2560, 6408),
    }),
  ];
  return { ...hostSystem(), uts: { ...UTS_HOST, nodename: '3f4e8c2a9b1d' }, procs, self: 137, host: false };
}

export function debianFs(hostname = '3f4e8c2a9b1d', ip = '172.17.0.3'): FakeFs {
  return new FakeFs({
    '/proc/sys/kernel/pid_max': '4194304\n',
    '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n',
    '/lib/x86_64-linux-gnu/libc.so.6': '',
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nmysql:x:999:999::/var/lib/mysql:/bin/bash\n',
    '/etc/group': 'root:x:0:\nmysql:x:999:\n',
    '/etc/hosts': `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${ip}\t${hostname}\n`,
  });
}
