import type { FileEntry } from '../fs/files.js';
import { programContent } from '../fs/files.js';
import { UnionFs } from '../fs/union.js';
import type { FsView } from '../fs/view.js';
import { HOST_USERS } from '../kernel/boot.js';
import type { HostSpec } from '../kernel/host.js';

const T = Date.parse('2024-09-01T00:00:00Z') / 1000;

function file(path: string, content: string, mode = 0o644): FileEntry {
  return { path, type: 'file', mode, uid: 0, gid: 0, mtime: T, content: Buffer.from(content) };
}
function dir(path: string, mode = 0o755): FileEntry {
  return { path, type: 'dir', mode, uid: 0, gid: 0, mtime: T };
}
function prog(path: string, program: string): FileEntry {
  return { path, type: 'file', mode: 0o755, uid: 0, gid: 0, mtime: T, content: programContent(program) };
}
function link(path: string, target: string): FileEntry {
  return { path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: T, target };
}

/** The host's accounts: the kernel's table of users, with the shells and homes Ubuntu gives them. */
function passwd(): string {
  const home: Record<number, string> = { 0: '/root', 1000: '/home/learner' };
  return Object.entries(HOST_USERS)
    .map(([uid, name]) => {
      const n = Number(uid);
      const shell = n === 0 || n === 1000 ? '/bin/bash' : '/usr/sbin/nologin';
      return `${name}:x:${uid}:${uid}::${home[n] ?? '/nonexistent'}:${shell}`;
    })
    .join('\n');
}

const TOOLS: [string, string][] = [
  ['/usr/bin/ps', 'procps:ps'],
  ['/usr/bin/top', 'procps:top'],
  ['/usr/bin/free', 'procps:free'],
  ['/usr/bin/uptime', 'procps:uptime'],
  ['/usr/bin/kill', 'procps:kill'],
  ['/usr/bin/pstree', 'psmisc:pstree'],
  ['/usr/bin/lsns', 'util-linux:lsns'],
  ['/usr/bin/nsenter', 'util-linux:nsenter'],
  ['/usr/bin/uname', 'coreutils:uname'],
  ['/usr/bin/hostname', 'hostname'],
  ['/usr/bin/nproc', 'coreutils:nproc'],
  ['/usr/bin/id', 'coreutils:id'],
  ['/usr/bin/whoami', 'coreutils:whoami'],
  ['/usr/bin/env', 'coreutils:env'],
  ['/usr/bin/date', 'coreutils:date'],
  ['/usr/bin/sleep', 'coreutils:sleep'],
  ['/usr/bin/true', 'coreutils:true'],
  ['/usr/bin/false', 'coreutils:false'],
  ['/usr/bin/cat', 'coreutils:cat'],
  ['/usr/bin/ls', 'coreutils:ls'],
  ['/usr/bin/echo', 'coreutils:echo'],
  ['/usr/bin/head', 'coreutils:head'],
  ['/usr/bin/tail', 'coreutils:tail'],
  ['/usr/bin/wc', 'coreutils:wc'],
  ['/usr/bin/sort', 'coreutils:sort'],
  ['/usr/bin/readlink', 'coreutils:readlink'],
  ['/usr/bin/stat', 'coreutils:stat'],
  ['/usr/bin/du', 'coreutils:du'],
  ['/usr/bin/df', 'coreutils:df'],
  ['/usr/bin/grep', 'grep:grep'],
  ['/usr/bin/find', 'findutils:find'],
  ['/usr/bin/sed', 'sed'],
  ['/usr/bin/cut', 'cut'],
  ['/usr/bin/tr', 'tr'],
  ['/usr/bin/uniq', 'uniq'],
  ['/usr/bin/tee', 'tee'],
  ['/usr/bin/xargs', 'xargs'],
  ['/usr/bin/seq', 'seq'],
  ['/usr/bin/basename', 'basename'],
  ['/usr/bin/dirname', 'dirname'],
  ['/usr/bin/which', 'which'],
  ['/usr/bin/touch', 'touch'],
  ['/usr/bin/mkdir', 'mkdir'],
  ['/usr/bin/rm', 'rm'],
  ['/usr/bin/cp', 'cp'],
  ['/usr/bin/mv', 'mv'],
  ['/usr/bin/base64', 'base64'],
  ['/usr/bin/sha256sum', 'sha256sum'],
  ['/usr/bin/md5sum', 'md5sum'],
  ['/usr/bin/printf', 'printf'],
  ['/usr/bin/rmdir', 'rmdir'],
  ['/usr/bin/ln', 'ln'],
  ['/usr/bin/chmod', 'chmod'],
  ['/usr/bin/realpath', 'realpath'],
  ['/usr/bin/mawk', 'mawk'],
  ['/usr/bin/bash', 'bash@5.2.21'],
  ['/usr/bin/dash', 'dash'],
];

/**
 * The simulated host's own root filesystem: an Ubuntu server with the tools a learner uses
 * to look at containers from outside (procps, psmisc, util-linux, coreutils).
 */
export function hostRootFiles(host: HostSpec): FileEntry[] {
  const files: FileEntry[] = [
    dir('/etc'),
    dir('/usr'),
    dir('/usr/bin'),
    dir('/usr/sbin'),
    dir('/usr/lib'),
    link('/bin', 'usr/bin'),
    link('/sbin', 'usr/sbin'),
    link('/lib', 'usr/lib'),
    dir('/root', 0o700),
    dir('/home'),
    { ...dir('/home/learner'), uid: 1000, gid: 1000 },
    dir('/tmp', 0o1777),
    dir('/var'),
    dir('/var/lib'),
    dir('/run'),
    dir('/proc', 0o555),
    dir('/sys', 0o555),
    dir('/dev'),
    file('/etc/hostname', `${host.hostname}\n`),
    file('/etc/passwd', `${passwd()}\n`),
    file(
      '/etc/group',
      'root:x:0:\ndaemon:x:1:\nsys:x:3:\nadm:x:4:syslog,learner\ndocker:x:999:learner\nlearner:x:1000:\nnogroup:x:65534:\n',
    ),
    file(
      '/etc/os-release',
      `PRETTY_NAME="${host.operatingSystem}"\nNAME="Ubuntu"\nVERSION_ID="${host.osVersion}"\nVERSION="${host.operatingSystem.replace('Ubuntu ', '')} (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nUBUNTU_CODENAME=noble\n`,
    ),
    file('/etc/hosts', `127.0.0.1 localhost\n127.0.1.1 ${host.hostname}\n`),
    link('/usr/bin/sh', 'dash'),
    link('/usr/bin/awk', 'mawk'),
    ...TOOLS.map(([path, program]) => prog(path, program)),
    prog('/usr/bin/dockerd', 'dockerd'),
    prog('/usr/bin/containerd', 'containerd'),
    prog('/usr/bin/containerd-shim-runc-v2', 'containerd-shim'),
    prog('/usr/bin/docker-proxy', 'docker-proxy'),
  ];
  return files;
}

/** The host's filesystem view (read-only for now: host changes are not kept). */
export function hostFs(host: HostSpec, now: () => number): FsView {
  return new UnionFs([hostRootFiles(host)], [], { now });
}
