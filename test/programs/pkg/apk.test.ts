import { describe, expect, it } from 'vitest';
import { programOf } from '../../../src/fs/files.js';
import { apkProgram } from '../../../src/programs/pkg/apk/apk.js';
import { alpineFs, runProgram, text } from './helpers.js';

const apk = (fs: ReturnType<typeof alpineFs>, ...args: string[]) =>
  runProgram(apkProgram, { argv: ['apk', ...args], fs });

describe('apk', () => {
  it('adds curl with its dependencies, as apk 2.14 prints it on alpine 3.20', async () => {
    const fs = alpineFs();
    const r = await apk(fs, 'add', 'curl');
    expect(r.stdout).toBe(
      [
        'fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz',
        'fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz',
        '(1/10) Installing ca-certificates (20240226-r0)',
        '(2/10) Installing brotli-libs (1.1.0-r2)',
        '(3/10) Installing c-ares (1.28.1-r0)',
        '(4/10) Installing libunistring (1.2-r0)',
        '(5/10) Installing libidn2 (2.3.7-r0)',
        '(6/10) Installing nghttp2-libs (1.62.1-r0)',
        '(7/10) Installing libpsl (0.21.5-r1)',
        '(8/10) Installing zstd-libs (1.5.6-r0)',
        '(9/10) Installing libcurl (8.8.0-r0)',
        '(10/10) Installing curl (8.8.0-r0)',
        'Executing busybox-1.36.1-r29.trigger',
        'Executing ca-certificates-20240226-r0.trigger',
        'OK: 13 MiB in 24 packages',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
    expect(programOf(fs.readFile('/usr/bin/curl'))).toBe('curl');
    expect(text(fs, '/etc/apk/world')).toContain('curl\n');
    expect(text(fs, '/lib/apk/db/installed')).toContain('P:curl\nV:8.8.0-r0\n');
    expect(r.duration).toBeGreaterThan(400);
  });

  it('installs bash with its post-install script', async () => {
    const r = await apk(alpineFs(), 'add', '--no-cache', 'bash');
    expect(r.stdout).toContain('(4/4) Installing bash (5.2.26-r0)\nExecuting bash-5.2.26-r0.post-install\n');
    expect(r.stdout).toMatch(/OK: 10 MiB in 18 packages\n$/);
  });

  it('fails on an unknown package like apk does', async () => {
    const r = await apk(alpineFs(), 'add', 'foo');
    expect(r.stderr).toBe(
      'ERROR: unable to select packages:\n  foo (no such package):\n    required by: world[foo]\n',
    );
    expect(r.code).toBe(1);
  });

  it('deletes what it added and the dependencies nothing else needs', async () => {
    const fs = alpineFs();
    await apk(fs, 'add', 'curl');
    const r = await apk(fs, 'del', 'curl');
    expect(r.stdout).toContain('(1/10) Purging curl (8.8.0-r0)\n(2/10) Purging libcurl (8.8.0-r0)\n');
    expect(r.stdout).toMatch(/OK: 8 MiB in 14 packages\n$/);
    expect(fs.lstat('/usr/bin/curl')).toBeUndefined();
  });

  it('update prints the index versions; add then needs no fetch', async () => {
    const fs = alpineFs();
    const u = await apk(fs, 'update');
    expect(u.stdout).toMatch(/\[https:\/\/dl-cdn.alpinelinux.org\/alpine\/v3.20\/main\]\n/);
    expect(u.stdout).toMatch(/OK: \d+ distinct packages available\n$/);
    const a = await apk(fs, 'add', 'jq');
    expect(a.stdout.startsWith('(1/2) Installing oniguruma (6.9.9-r0)\n')).toBe(true);
  });

  it('prints its version', async () => {
    expect((await apk(alpineFs(), '--version')).stdout).toBe('apk-tools 2.14.4, compiled for x86_64.\n');
  });
});
