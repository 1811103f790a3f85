import { describe, expect, it } from 'vitest';
import { programOf } from '../../../src/fs/files.js';
import { registerAllPrograms } from '../../../src/programs/index.js';
import { npmProgram } from '../../../src/programs/pkg/npm/npm.js';
import { type MemFs, nodeFs, runProgram, text } from './helpers.js';

registerAllPrograms();

const npm = (fs: MemFs, ...args: string[]) =>
  runProgram(npmProgram, {
    argv: ['npm', ...args],
    fs,
    path: '/usr/local/bin/npm',
    cwd: '/app',
    env: { HOME: '/root' },
  });

const NOTICE =
  'npm notice\nnpm notice New minor version of npm available! 10.7.0 -> 10.8.2\nnpm notice Changelog: https://github.com/npm/cli/releases/tag/v10.8.2\nnpm notice To update run: npm install -g npm@10.8.2\nnpm notice\n';

describe('npm 10.7.0 in node:20', () => {
  it('installs express: 64 packages, 12 looking for funding', async () => {
    const fs = nodeFs();
    const r = await npm(fs, 'install', 'express');
    expect(r.stdout).toMatch(
      /^\nadded 64 packages, and audited 65 packages in \d+s\n\n12 packages are looking for funding\n {2}run `npm fund` for details\n\nfound 0 vulnerabilities\n$/,
    );
    expect(r.stderr).toBe(NOTICE);
    expect(JSON.parse(text(fs, '/app/package.json'))).toEqual({ dependencies: { express: '^4.19.2' } });
    expect(JSON.parse(text(fs, '/app/node_modules/express/package.json')).version).toBe('4.19.2');
    expect(JSON.parse(text(fs, '/app/node_modules/ms/package.json')).version).toBe('2.0.0');
    expect(JSON.parse(text(fs, '/app/node_modules/send/node_modules/ms/package.json')).version).toBe('2.1.3');
    const lock = JSON.parse(text(fs, '/app/package-lock.json'));
    expect(lock.lockfileVersion).toBe(3);
    expect(Object.keys(lock.packages)).toHaveLength(65);
    expect((await npm(fs, 'install', 'lodash')).stderr).toBe('');
  });

  it('installs what package.json lists, and npm ci from the lock', async () => {
    const fs = nodeFs();
    fs.put(
      '/app/package.json',
      JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { axios: '^1.7.0', dotenv: '^16.4.5' } }),
    );
    const r = await npm(fs, 'install');
    expect(r.stdout).toMatch(/^\nadded 10 packages, and audited 11 packages in \d+m?s\n/);
    const ci = await npm(fs, 'ci');
    expect(ci.stdout).toMatch(/^\nadded 10 packages, and audited 11 packages in/);
  });

  it('puts global bins in /usr/local/bin as programs', async () => {
    const fs = nodeFs();
    const r = await npm(fs, 'i', '-g', 'nodemon');
    expect(r.stdout).toMatch(/^\nadded 29 packages in \d+m?s\n\n4 packages are looking for funding\n/);
    const bin = fs.realpath('/usr/local/bin/nodemon');
    expect(programOf(fs.readFile(bin))).toBe('nodemon');
  });

  it('answers E404 for an unknown package', async () => {
    const r = await npm(nodeFs(), 'install', 'foo-not-here');
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'npm error code E404',
      'npm error 404 Not Found - GET https://registry.npmjs.org/foo-not-here - Not found',
    ]);
    expect(r.stderr).toMatch(
      /npm error A complete log of this run can be found in: \/root\/.npm\/_logs\/2024-07-20T10_00_00_000Z-debug-0.log\n$/,
    );
    expect(r.code).toBe(1);
  });

  it('runs scripts with npm headers, and reports a missing package.json', async () => {
    const fs = nodeFs();
    const missing = await npm(fs, 'start');
    expect(missing.stderr.split('\n')[0]).toBe('npm error code ENOENT');
    expect(missing.stderr).toContain(
      "npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/app/package.json'\n",
    );
    fs.put(
      '/app/package.json',
      JSON.stringify({ name: 'app', version: '1.0.0', scripts: { greet: 'echo hello' } }),
    );
    const r = await npm(fs, 'run', 'greet');
    expect(r.stdout).toBe('\n> app@1.0.0 greet\n> echo hello\n\nhello\n');
    expect(r.code).toBe(0);
    const none = await npm(fs, 'run', 'build');
    expect(none.stderr.split('\n')[0]).toBe('npm error Missing script: "build"');
  });

  it('prints its version', async () => {
    expect((await npm(nodeFs(), '--version')).stdout).toBe('10.7.0\n');
  });
});
