import { exitOf, stderrOf, stdoutOf } from '../../../src/programs/run.js';
import type { ProcessContext, Program, ProgramRun } from '../../../src/programs/types.js';
import { clock, type FakeOptions, fakeContext, MemFs } from '../services/fake.js';

export { MemFs };

/** An alpine:3.20-like tree: release files, apk configuration and the BusyBox binary. */
export function alpineFs(release = '3.20.1'): MemFs {
  const branch = `v${release.split('.').slice(0, 2).join('.')}`;
  const fs = new MemFs(() => clock.now);
  fs.put('/etc/alpine-release', `${release}\n`);
  fs.put(
    '/etc/apk/repositories',
    `https://dl-cdn.alpinelinux.org/alpine/${branch}/main\nhttps://dl-cdn.alpinelinux.org/alpine/${branch}/community\n`,
  );
  fs.put(
    '/etc/apk/world',
    'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nca-certificates-bundle\nmusl-utils\n',
  );
  fs.mkdir('/lib/apk/db', { recursive: true });
  fs.program('/bin/busybox', 'busybox@1.36.1');
  fs.program('/sbin/apk', 'apk@2.14.4');
  fs.mkdir('/root', { recursive: true });
  fs.mkdir('/tmp', { recursive: true });
  return fs;
}

/** A debian:bookworm-like (or ubuntu) tree: os-release, apt and dpkg directories, empty lists. */
export function debianFs(distro: 'debian' | 'ubuntu' = 'debian', codename = 'bookworm'): MemFs {
  const fs = new MemFs(() => clock.now);
  const id = distro === 'debian' ? 'debian' : 'ubuntu';
  fs.put('/etc/os-release', `ID=${id}\nVERSION_CODENAME=${codename}\n`);
  fs.put('/etc/debian_version', distro === 'debian' ? '12.6\n' : 'trixie/sid\n');
  fs.mkdir('/var/lib/apt/lists/partial', { recursive: true });
  fs.mkdir('/var/cache/apt/archives/partial', { recursive: true });
  fs.mkdir('/var/lib/dpkg/info', { recursive: true });
  fs.mkdir('/usr/bin', { recursive: true });
  fs.mkdir('/root', { recursive: true });
  fs.symlink('usr/bin', '/bin');
  fs.program('/usr/bin/apt-get', 'apt:apt-get');
  fs.program('/usr/bin/apt', 'apt:apt');
  fs.program('/usr/bin/dpkg', 'dpkg:dpkg');
  fs.program('/usr/bin/bash', 'bash@5.2.15');
  return fs;
}

export interface Result {
  stdout: string;
  stderr: string;
  code: number | undefined;
  /** When the program exited (ms of simulated time). */
  duration: number;
  run: ProgramRun;
}

export async function runProgram(program: Program, o: FakeOptions): Promise<Result> {
  const ctx: ProcessContext = fakeContext(o);
  const run = await program.run(ctx);
  const exit = run.events.find((e) => e.kind === 'exit');
  return {
    stdout: stdoutOf(run),
    stderr: stderrOf(run),
    code: exitOf(run),
    duration: exit?.at ?? Number.NaN,
    run,
  };
}

export function text(fs: MemFs, path: string): string {
  return fs.readFile(path).toString('utf8');
}

/** A python:3.12-like tree: the interpreter, pip 24.0 and its dist-info in site-packages. */
export function pythonFs(): MemFs {
  const fs = new MemFs(() => clock.now);
  fs.program('/usr/local/bin/python3', 'python3@3.12.4');
  fs.program('/usr/local/bin/pip', 'pip@24.0');
  fs.put('/usr/local/lib/python3.12/site-packages/pip/__init__.py', '');
  fs.mkdir('/usr/local/lib/python3.12/site-packages/pip-24.0.dist-info', { recursive: true });
  fs.mkdir('/root', { recursive: true });
  fs.mkdir('/app', { recursive: true });
  return fs;
}

/** A node:20-like tree: node, npm 10.7.0 and the global node_modules. */
export function nodeFs(): MemFs {
  const fs = new MemFs(() => clock.now);
  fs.program('/usr/local/bin/node', 'node@20.15.1');
  fs.program('/usr/local/lib/node_modules/npm/bin/npm-cli.js', 'npm@10.7.0');
  fs.symlink('../lib/node_modules/npm/bin/npm-cli.js', '/usr/local/bin/npm');
  fs.program('/bin/sh', 'dash');
  fs.mkdir('/root', { recursive: true });
  fs.mkdir('/app', { recursive: true });
  return fs;
}
