import { describe, expect, it } from 'vitest';
import { programOf } from '../../../src/fs/files.js';
import { pipProgram } from '../../../src/programs/pkg/pip/pip.js';
import { type MemFs, pythonFs, runProgram, text } from './helpers.js';

const pip = (fs: MemFs, ...args: string[]) =>
  runProgram(pipProgram, { argv: ['pip', ...args], fs, path: '/usr/local/bin/pip', cwd: '/app' });

const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv\n";
const NOTICE =
  '\n[notice] A new release of pip is available: 24.0 -> 24.1.2\n[notice] To update, run: pip install --upgrade pip\n';

describe('pip 24.0 in python:3.12', () => {
  it('installs flask and its dependencies as pip prints it', async () => {
    const fs = pythonFs();
    const r = await pip(fs, 'install', 'flask');
    expect(r.stdout.split('\n').filter((l) => !l.startsWith('   ━'))).toEqual([
      'Collecting flask',
      '  Downloading flask-3.0.3-py3-none-any.whl.metadata (3.2 kB)',
      'Collecting Werkzeug>=3.0.0 (from flask)',
      '  Downloading werkzeug-3.0.3-py3-none-any.whl.metadata (3.7 kB)',
      'Collecting Jinja2>=3.1.2 (from flask)',
      '  Downloading jinja2-3.1.4-py3-none-any.whl.metadata (2.6 kB)',
      'Collecting itsdangerous>=2.1.2 (from flask)',
      '  Downloading itsdangerous-2.2.0-py3-none-any.whl.metadata (1.9 kB)',
      'Collecting click>=8.1.3 (from flask)',
      '  Downloading click-8.1.7-py3-none-any.whl.metadata (3.0 kB)',
      'Collecting blinker>=1.6.2 (from flask)',
      '  Downloading blinker-1.8.2-py3-none-any.whl.metadata (1.7 kB)',
      'Collecting MarkupSafe>=2.1.1 (from Werkzeug>=3.0.0->flask)',
      '  Downloading MarkupSafe-2.1.5-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.metadata (3.0 kB)',
      'Downloading flask-3.0.3-py3-none-any.whl (101 kB)',
      'Downloading werkzeug-3.0.3-py3-none-any.whl (227 kB)',
      'Downloading jinja2-3.1.4-py3-none-any.whl (133 kB)',
      'Downloading itsdangerous-2.2.0-py3-none-any.whl (16 kB)',
      'Downloading click-8.1.7-py3-none-any.whl (97 kB)',
      'Downloading blinker-1.8.2-py3-none-any.whl (9.5 kB)',
      'Downloading MarkupSafe-2.1.5-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (28 kB)',
      'Installing collected packages: MarkupSafe, itsdangerous, click, blinker, Werkzeug, Jinja2, flask',
      'Successfully installed Jinja2-3.1.4 MarkupSafe-2.1.5 Werkzeug-3.0.3 blinker-1.8.2 click-8.1.7 flask-3.0.3 itsdangerous-2.2.0',
      '',
    ]);
    expect(r.stdout).toContain(
      'Downloading flask-3.0.3-py3-none-any.whl (101 kB)\n   ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 101.7/101.7 kB',
    );
    expect(r.stderr).toBe(ROOT_WARNING + NOTICE);
    expect(programOf(fs.readFile('/usr/local/bin/flask'))).toBe('flask');
    expect(text(fs, '/usr/local/lib/python3.12/site-packages/flask-3.0.3.dist-info/METADATA')).toContain(
      'Name: Flask\n',
    );
    expect(fs.stat('/usr/local/lib/python3.12/site-packages/flask/__init__.py')).toBeDefined();
  });

  it('orders installs as pip does for requests', async () => {
    const r = await pip(pythonFs(), 'install', 'requests');
    expect(r.stdout).toContain(
      'Installing collected packages: urllib3, idna, charset-normalizer, certifi, requests\n',
    );
  });

  it('reads requirements.txt with ==, >= and ~=', async () => {
    const fs = pythonFs();
    fs.put('/app/requirements.txt', '# web\nFlask==2.3.3\ngunicorn>=21\nredis~=5.0\n');
    const r = await pip(fs, 'install', '--no-cache-dir', '-r', 'requirements.txt');
    expect(r.stdout).toContain('Collecting Flask==2.3.3 (from -r requirements.txt (line 2))\n');
    expect(r.stdout).toContain(
      'Collecting Werkzeug>=3.0.0 (from Flask==2.3.3->-r requirements.txt (line 2))\n',
    );
    expect(r.stdout).toContain('Collecting redis~=5.0 (from -r requirements.txt (line 4))\n');
    expect(r.stdout).toMatch(/Successfully installed .*Flask-2\.3\.3 .*gunicorn-22\.0\.0 .*redis-5\.0\.7/);
    expect(r.code).toBe(0);
  });

  it('says when no version fits, and for unknown projects', async () => {
    const unknown = await pip(pythonFs(), 'install', 'foo');
    expect(unknown.stderr).toBe(
      'ERROR: Could not find a version that satisfies the requirement foo (from versions: none)\nERROR: No matching distribution found for foo\n' +
        NOTICE,
    );
    expect(unknown.code).toBe(1);
    const pinned = await pip(pythonFs(), 'install', 'flask==9.0');
    expect(pinned.stderr).toContain(
      'requirement flask==9.0 (from versions: 1.1.4, 2.0.3, 2.2.5, 2.3.3, 3.0.0, 3.0.1, 3.0.2, 3.0.3)\n',
    );
  });

  it('misses the requirements file like pip', async () => {
    const r = await pip(pythonFs(), 'install', '-r', 'requirements.txt');
    expect(r.stderr.split('\n')[0]).toBe(
      "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements.txt'",
    );
    expect(r.code).toBe(1);
  });

  it('lists, freezes and reports what is there; a second install is satisfied', async () => {
    const fs = pythonFs();
    await pip(fs, 'install', 'requests');
    const freeze = await pip(fs, 'freeze');
    expect(freeze.stdout).toBe(
      'certifi==2024.7.4\ncharset-normalizer==3.3.2\nidna==3.7\nrequests==2.32.3\nurllib3==2.2.2\n',
    );
    const list = await pip(fs, 'list');
    expect(list.stdout.split('\n').slice(0, 3)).toEqual([
      'Package            Version',
      '------------------ --------',
      'certifi            2024.7.4',
    ]);
    const again = await pip(fs, 'install', 'requests');
    expect(again.stdout.split('\n')[0]).toBe(
      'Requirement already satisfied: requests in /usr/local/lib/python3.12/site-packages (2.32.3)',
    );
    expect(again.stdout).toContain(
      'Requirement already satisfied: idna<4,>=2.5 in /usr/local/lib/python3.12/site-packages (from requests) (3.7)\n',
    );
  });

  it('prints its version', async () => {
    const r = await pip(pythonFs(), '--version');
    expect(r.stdout).toBe('pip 24.0 from /usr/local/lib/python3.12/site-packages/pip (python 3.12)\n');
  });

  it('refuses the Debian system Python (PEP 668)', async () => {
    const fs = pythonFs();
    fs.remove('/usr/local/lib/python3.12', { recursive: true });
    fs.program('/usr/local/bin/python3', 'python3@3.11.2');
    fs.put('/usr/lib/python3.11/EXTERNALLY-MANAGED', '[externally-managed]\n');
    const r = await pip(fs, 'install', 'flask');
    expect(r.stderr.split('\n').slice(0, 4)).toEqual([
      'error: externally-managed-environment',
      '',
      '× This environment is externally managed',
      '╰─> To install Python packages system-wide, try apt install',
    ]);
    expect(r.code).toBe(1);
  });
});
