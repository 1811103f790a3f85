import { describe, expect, it } from 'vitest';
import { registerAllPrograms } from '../../../src/programs/index.js';
import { apkProgram } from '../../../src/programs/pkg/apk/apk.js';
import { aptGetProgram } from '../../../src/programs/pkg/apt/apt-get.js';
import { aptCacheProgram, dpkgProgram } from '../../../src/programs/pkg/apt/query.js';
import { npmProgram } from '../../../src/programs/pkg/npm/npm.js';
import { pipProgram } from '../../../src/programs/pkg/pip/pip.js';
import { findProgram } from '../../../src/programs/registry.js';
import { alpineFs, debianFs, type MemFs, pythonFs, runProgram } from './helpers.js';

describe('the package managers in the program registry', () => {
  it('answer for the names the images give their executables', () => {
    registerAllPrograms();
    expect(findProgram('apk@2.14.4')).toBe(apkProgram);
    expect(findProgram('apt:apt-get')).toBe(aptGetProgram);
    expect(findProgram('dpkg:dpkg')).toBe(dpkgProgram);
    expect(findProgram('pip@24.0')).toBe(pipProgram);
    expect(findProgram('npm@10.7.0')).toBe(npmProgram);
    expect(findProgram('npm@10.8.2')).toBe(npmProgram);
  });
});

describe('queries', () => {
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const run = (p: typeof dpkgProgram, fs: MemFs, ...argv: string[]) => runProgram(p, { argv, fs, env });

  it('dpkg -l lists the installed packages in dpkg columns', async () => {
    const fs = debianFs();
    await run(aptGetProgram, fs, 'apt-get', 'update');
    await run(aptGetProgram, fs, 'apt-get', 'install', '-y', 'jq');
    const r = await run(dpkgProgram, fs, 'dpkg', '-l', 'jq');
    const lines = r.stdout.split('\n');
    expect(lines[3]).toMatch(/^\|\|\/ Name +Version +Architecture Description$/);
    expect(lines[5]).toMatch(/^ii {2}jq +1\.6-2\.1 +amd64 +lightweight command-line JSON processor$/);
  });

  it('apt-cache search needs the lists', async () => {
    const fs = debianFs();
    expect((await run(aptCacheProgram, fs, 'apt-cache', 'search', '^curl$')).stdout).toBe('');
    await run(aptGetProgram, fs, 'apt-get', 'update');
    const r = await run(aptCacheProgram, fs, 'apt-cache', 'search', '^curl$');
    expect(r.stdout).toBe('curl - command line tool for transferring data with URLs\n');
  });

  it('apk info and apk search', async () => {
    const fs = alpineFs();
    expect((await run(apkProgram, fs, 'apk', 'info')).stdout.split('\n')[0]).toBe('musl');
    expect((await run(apkProgram, fs, 'apk', 'search', 'libcurl')).stdout).toBe('libcurl-8.8.0-r0\n');
    const e = await run(apkProgram, fs, 'apk', 'info', '-e', 'curl');
    expect(e.code).toBe(1);
  });

  it('pip uses its cache the second time', async () => {
    const fs = pythonFs();
    const pip = (...a: string[]) =>
      runProgram(pipProgram, { argv: ['pip', ...a], fs, path: '/usr/local/bin/pip' });
    await pip('install', 'six');
    await pip('uninstall', '-y', 'six');
    const r = await pip('install', 'six');
    expect(r.stdout).toContain('Using cached six-1.16.0-py2.py3-none-any.whl (11 kB)\n');
  });
});
