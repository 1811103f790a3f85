import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apkProgram } from '../../../src/programs/pkg/apk/apk.js';
import { aptGetProgram } from '../../../src/programs/pkg/apt/apt-get.js';
import { alpineFs, debianFs, type MemFs, runProgram, text } from './helpers.js';

const apk = (fs: MemFs, ...args: string[]) => runProgram(apkProgram, { argv: ['apk', ...args], fs });
const aptGet = (fs: MemFs, ...args: string[]) =>
  runProgram(aptGetProgram, { argv: ['apt-get', ...args], fs, env: { DEBIAN_FRONTEND: 'noninteractive' } });

const ALPINE = [
  'curl',
  'bash',
  'git',
  'vim',
  'nano',
  'htop',
  'jq',
  'python3',
  'nodejs',
  'openssl',
  'bind-tools',
  'tzdata',
  'redis',
];
// Packages whose dependencies nothing in the base image recommends: for those apt's autoremove
// takes everything back (apt, a base package, recommends ca-certificates, which curl pulls in).
const DEBIAN = [
  'jq',
  'less',
  'procps',
  'vim',
  'nano',
  'iproute2',
  'htop',
  'redis-tools',
  'netcat-openbsd',
  'tree',
  'iputils-ping',
];

describe('install then remove leaves the package database as it was', () => {
  it('apk add … then apk del …', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...ALPINE), { minLength: 1, maxLength: 4 }),
        async (names) => {
          const fs = alpineFs();
          await apk(fs, 'add', 'busybox');
          const before = [text(fs, '/lib/apk/db/installed'), text(fs, '/etc/apk/world')];
          expect((await apk(fs, 'add', ...names)).code).toBe(0);
          expect((await apk(fs, 'del', ...names)).code).toBe(0);
          expect([text(fs, '/lib/apk/db/installed'), text(fs, '/etc/apk/world')]).toEqual(before);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('apt-get install -y … then apt-get purge -y --auto-remove …', async () => {
    const baseline = debianFs();
    await aptGet(baseline, 'update');
    await aptGet(baseline, 'install', '-y', 'tree');
    await aptGet(baseline, 'purge', '-y', 'tree');
    const before = text(baseline, '/var/lib/dpkg/status');
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...DEBIAN), { minLength: 1, maxLength: 4 }),
        async (names) => {
          const fs = debianFs();
          await aptGet(fs, 'update');
          expect((await aptGet(fs, 'install', '-y', ...names)).code).toBe(0);
          expect((await aptGet(fs, 'purge', '-y', '--auto-remove', ...names)).code).toBe(0);
          expect(text(fs, '/var/lib/dpkg/status')).toBe(before);
        },
      ),
      { numRuns: 25 },
    );
  });
});
