import { describe, expect, it } from 'vitest';
import { programOf } from '../../../src/fs/files.js';
import { aptGetProgram } from '../../../src/programs/pkg/apt/apt-get.js';
import { pipProgram } from '../../../src/programs/pkg/pip/pip.js';
import { debianFs, type MemFs, runProgram } from './helpers.js';

const aptGet = (fs: MemFs, ...args: string[]) =>
  runProgram(aptGetProgram, { argv: ['apt-get', ...args], fs, env: { DEBIAN_FRONTEND: 'noninteractive' } });
const pip = (fs: MemFs, ...args: string[]) =>
  runProgram(pipProgram, { argv: ['pip', ...args], fs, path: '/usr/bin/pip' });

/** ubuntu:22.04 after `apt-get update && apt-get install -y python3 python3-pip`. */
async function jammyWithPip(): Promise<{ fs: MemFs; stdout: string }> {
  const fs = debianFs('ubuntu', 'jammy');
  await aptGet(fs, 'update');
  const r = await aptGet(fs, 'install', '-y', 'python3', 'python3-pip');
  expect(r.code).toBe(0);
  return { fs, stdout: r.stdout };
}

describe('apt-get on ubuntu:22.04 (jammy)', () => {
  it('update fetches jammy, jammy-updates, jammy-backports and jammy-security', async () => {
    const r = await aptGet(debianFs('ubuntu', 'jammy'), 'update');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Get:1 http://archive.ubuntu.com/ubuntu jammy InRelease [270 kB]');
    expect(lines[3]).toBe('Get:4 http://security.ubuntu.com/ubuntu jammy-security InRelease [129 kB]');
    expect(lines).toContain('Get:5 http://archive.ubuntu.com/ubuntu jammy/universe amd64 Packages [17.5 MB]');
    expect(lines.filter((l) => l.startsWith('Get:'))).toHaveLength(18);
  });

  it('installs python3 3.10 and pip 22.0.2 with the compilers pip recommends', async () => {
    const { fs, stdout } = await jammyWithPip();
    expect(stdout).toMatch(/\n0 upgraded, \d+ newly installed, 0 to remove and 0 not upgraded.\n/);
    expect(stdout).toContain(
      'Get:21 http://archive.ubuntu.com/ubuntu jammy-updates/universe amd64 python3-pip all 22.0.2+dfsg-1ubuntu0.4 [1305 kB]\n',
    );
    expect(stdout).toContain('Setting up python3.10 (3.10.12-1~22.04.4) ...\n');
    expect(stdout).toContain('Setting up build-essential (12.9ubuntu3) ...\n');
    expect(stdout).toContain(
      'update-alternatives: using /usr/bin/gcc to provide /usr/bin/cc (cc) in auto mode\n',
    );
    expect(stdout).toContain('(Reading database ... 4393 files and directories currently installed.)\n');
    expect(programOf(fs.readFile(fs.realpath('/usr/bin/python3')))).toBe('python3@3.10.12');
    expect(programOf(fs.readFile('/usr/bin/pip'))).toBe('pip@22.0.2');
    // PEP 668 came with Ubuntu 23.04: jammy's Python is not marked externally managed.
    expect(fs.stat('/usr/lib/python3.10/os.py')?.type).toBe('file');
    expect(fs.stat('/usr/lib/python3.10/EXTERNALLY-MANAGED')).toBeUndefined();
  });
});

describe('pip 22.0.2 on ubuntu:22.04', () => {
  it('installs flask==3.0.* as root into /usr/local, in pip 22 words', async () => {
    const { fs } = await jammyWithPip();
    const r = await pip(fs, 'install', 'flask==3.0.*');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Collecting flask==3.0.*',
      '  Downloading flask-3.0.3-py3-none-any.whl (101 kB)',
      expect.stringMatching(/^ {5}━{39} 101\.7\/101\.7 KB \d+\.\d MB\/s eta 0:00:00$/),
      'Collecting Werkzeug>=3.0.0',
      '  Downloading werkzeug-3.0.3-py3-none-any.whl (227 kB)',
    ]);
    // rich shortens the bar so that each bar line fits 80 columns
    const bars = lines.filter((l) => l.includes('━'));
    expect(bars.length).toBeGreaterThan(2);
    expect(bars.every((l) => l.length <= 80)).toBe(true);
    expect(r.stdout).toContain(
      '  Downloading MarkupSafe-2.1.5-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (28 kB)\n',
    );
    expect(r.stdout).toContain(
      'Successfully installed Jinja2-3.1.4 MarkupSafe-2.1.5 Werkzeug-3.0.3 blinker-1.8.2 click-8.1.7 flask-3.0.3 itsdangerous-2.2.0\n',
    );
    // The root warning, and no upgrade notice: apt installed this pip, not pip.
    expect(r.stderr).toBe(
      "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv\n",
    );
    expect(programOf(fs.readFile('/usr/local/bin/flask'))).toBe('flask');
    expect(fs.stat('/usr/local/lib/python3.10/dist-packages/flask-3.0.3.dist-info')?.type).toBe('dir');
    const list = await pip(fs, 'list');
    expect(list.stdout).toContain('Flask        3.0.3\n');
  });

  it('still refuses on debian:bookworm, whose Python is externally managed', async () => {
    const fs = debianFs();
    await aptGet(fs, 'update');
    await aptGet(fs, 'install', '-y', 'python3-pip');
    const r = await pip(fs, 'install', 'flask==3.0.*');
    expect(r.stderr).toMatch(/^error: externally-managed-environment\n/);
    expect(r.code).toBe(1);
  });
});
