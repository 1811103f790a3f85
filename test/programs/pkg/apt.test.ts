import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { programOf } from '../../../src/fs/files.js';
import { aptGetProgram, aptProgram } from '../../../src/programs/pkg/apt/apt-get.js';
import { debianFs, type MemFs, runProgram, text } from './helpers.js';

const golden = (name: string) => readFileSync(new URL(`./golden/${name}.txt`, import.meta.url), 'utf8');
const aptGet = (fs: MemFs, ...args: string[]) =>
  runProgram(aptGetProgram, { argv: ['apt-get', ...args], fs, env: { DEBIAN_FRONTEND: 'noninteractive' } });

/** The plan part of apt-get's output: after the three Reading lines, up to the disk space line. */
function planOf(stdout: string): string {
  const lines = stdout.split('\n').slice(3);
  const end = lines.findIndex((l) => l.startsWith('After this operation'));
  return `${lines.slice(0, end + 1).join('\n')}\n`;
}

describe('apt-get on debian:bookworm', () => {
  it('cannot find packages before apt-get update (the image ships empty lists)', async () => {
    const r = await aptGet(debianFs(), 'install', '-y', 'curl');
    expect(r.stdout).toBe(
      'Reading package lists...\nBuilding dependency tree...\nReading state information...\n',
    );
    expect(r.stderr).toBe('E: Unable to locate package curl\n');
    expect(r.code).toBe(100);
  });

  it('update fetches the lists', async () => {
    const fs = debianFs();
    const r = await aptGet(fs, 'update');
    expect(r.stdout.split('\n')[0]).toBe('Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]');
    expect(r.stdout).toMatch(/\nFetched 9225 kB in \d+s \(\d+ kB\/s\)\nReading package lists...\n$/);
    expect(fs.readdir('/var/lib/apt/lists')).toContain(
      'deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4',
    );
  });

  for (const [name, args] of [
    ['apt-curl', ['curl']],
    ['apt-curl-no-recommends', ['--no-install-recommends', 'curl']],
    ['apt-git', ['git']],
    ['apt-procps-vim', ['procps', 'vim']],
  ] as const) {
    it(`plans \`install ${args.join(' ')}\` as the real apt does`, async () => {
      const fs = debianFs();
      await aptGet(fs, 'update');
      const r = await aptGet(fs, 'install', '-y', ...args);
      expect(planOf(r.stdout)).toBe(golden(name));
    });
  }

  it('installs curl: libcurl4 and the rest, the binary as a program, the status database', async () => {
    const fs = debianFs();
    await aptGet(fs, 'update');
    const r = await aptGet(fs, 'install', '-y', 'curl');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bookworm/main amd64 libcurl4 amd64 7.88.1-10+deb12u6 [392 kB]\n');
    expect(r.stdout).toContain('Selecting previously unselected package libcurl4:amd64.\n');
    expect(r.stdout).toContain('(Reading database ... 6680 files and directories currently installed.)\n');
    expect(r.stdout).toContain('Unpacking curl (7.88.1-10+deb12u6) ...\nSelecting');
    expect(r.stdout).toContain('Setting up curl (7.88.1-10+deb12u6) ...\n');
    expect(r.stdout).toContain('Processing triggers for libc-bin (2.36-9+deb12u7) ...\n');
    expect(r.stderr).toBe('debconf: delaying package configuration, since apt-utils is not installed\n');
    expect(programOf(fs.readFile('/usr/bin/curl'))).toBe('curl');
    expect(fs.readlink('/usr/lib/x86_64-linux-gnu/libcurl.so.4')).toBe('libcurl.so.4.8.0');
    expect(text(fs, '/var/lib/dpkg/status')).toContain('Package: libcurl4\nStatus: install ok installed\n');
    expect(text(fs, '/usr/share/doc/curl/copyright')).toContain('curl');
    expect(r.duration).toBeGreaterThan(600);
  });

  it('asks before installing more than was named, and stops without a terminal', async () => {
    const fs = debianFs();
    await aptGet(fs, 'update');
    const r = await aptGet(fs, 'install', 'curl');
    expect(r.stdout).toMatch(
      /additional disk space will be used.\nDo you want to continue\? \[Y\/n\] Abort.\n$/,
    );
    expect(r.code).toBe(1);
  });

  it('prints debconf fallbacks without DEBIAN_FRONTEND', async () => {
    const fs = debianFs();
    await aptGet(fs, 'update');
    const r = await runProgram(aptGetProgram, { argv: ['apt-get', 'install', '-y', 'curl'], fs });
    expect(r.stderr).toContain('debconf: (TERM is not set, so the dialog frontend is not usable.)\n');
  });

  it('apt warns that its CLI is not stable when not on a terminal', async () => {
    const r = await runProgram(aptProgram, { argv: ['apt', 'update'], fs: debianFs() });
    expect(r.stderr).toBe(
      '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n',
    );
    expect(r.stdout).toMatch(/Reading state information...\nAll packages are up to date.\n$/);
  });
});

describe('apt-get on ubuntu:24.04', () => {
  it('installs curl from noble and noble-updates', async () => {
    const fs = debianFs('ubuntu', 'noble');
    expect((await aptGet(fs, 'install', '-y', 'curl')).stderr).toBe('E: Unable to locate package curl\n');
    const u = await aptGet(fs, 'update');
    expect(u.stdout.split('\n')[1]).toBe(
      'Get:2 http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]',
    );
    const r = await aptGet(fs, 'install', '-y', 'curl');
    expect(r.stdout).toContain('0 upgraded, 21 newly installed, 0 to remove and 0 not upgraded.\n');
    expect(r.stdout).toContain(
      'http://archive.ubuntu.com/ubuntu noble-updates/main amd64 libcurl4t64 amd64 8.5.0-2ubuntu10.1 [341 kB]\n',
    );
    expect(r.stdout).toContain('Selecting previously unselected package libpsl5t64:amd64.\n');
    expect(r.stdout).toContain('Processing triggers for libc-bin (2.39-0ubuntu8.2) ...\n');
    expect(programOf(fs.readFile('/usr/bin/curl'))).toBe('curl');
  });
});
