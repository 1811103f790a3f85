import { describe, expect, it } from 'vitest';
import { type Dialect, Shell } from '../../src/shell/index.js';
import { BASE_ENV, FakeHost } from './helpers.js';

function session(dialect: Dialect, host = new FakeHost({ '/app/': '' }, dialect), uid?: number) {
  if (uid !== undefined) host.uid = () => uid;
  const argv0 = dialect === 'bash' ? 'bash' : 'sh';
  const sh = new Shell(host, { dialect, argv0, env: BASE_ENV, cwd: '/', stdin: null, interactive: true });
  const run = async (line: string) => {
    const r = await sh.run(line);
    const pick = (kind: string) =>
      r.events
        .filter((e) => e.kind === kind)
        .map((e) => e.text)
        .join('');
    return { ...r, stdout: pick('stdout'), stderr: pick('stderr') };
  };
  return { sh, run };
}

describe('interactive sessions', () => {
  it('keeps variables, functions, aliases and cwd between lines', async () => {
    const { sh, run } = session('ash');
    await run('X=1; f() { echo "f$1"; }; alias ll="echo listing"; cd /app');
    const r = await run('echo $X; f 2; ll; pwd');
    expect(r.stdout).toBe('1\nf2\nlisting\n/app\n');
    expect(sh.cwd).toBe('/app');
  });

  it('shows each dialect prompt', async () => {
    const ash = session('ash');
    expect(ash.sh.prompt()).toBe('/ # ');
    await ash.run('cd /app');
    expect(ash.sh.prompt()).toBe('/app # ');
    await ash.run('cd');
    expect(ash.sh.prompt()).toBe('~ # ');
    const bash = session('bash');
    expect(bash.sh.prompt()).toBe('root@c0ffee123456:/# ');
    await bash.run('cd /root');
    expect(bash.sh.prompt()).toBe('root@c0ffee123456:~# ');
    expect(session('dash').sh.prompt()).toBe('# ');
    expect(session('dash', undefined, 1000).sh.prompt()).toBe('$ ');
    expect(session('ash', undefined, 1000).sh.prompt()).toBe('/ $ ');
  });

  it('follows a changed PS1', async () => {
    const { sh, run } = session('bash');
    await run("PS1='[\\W]\\$ '; cd /app");
    expect(sh.prompt()).toBe('[app]# ');
  });

  it('words errors as a terminal sees them', async () => {
    const bash = session('bash');
    expect((await bash.run('fi')).stderr).toBe("bash: syntax error near unexpected token `fi'\n");
    expect((await bash.run('nosuch')).stderr).toBe('bash: nosuch: command not found\n');
    expect((await bash.run('cd /nope')).stderr).toBe('bash: cd: /nope: No such file or directory\n');
    const ash = session('ash');
    expect((await ash.run('cd /nope')).stderr).toBe("sh: cd: can't cd to /nope: No such file or directory\n");
    const dash = session('dash');
    expect((await dash.run('nosuch')).stderr).toBe('sh: 1: nosuch: not found\n');
    expect((await dash.run('echo a\nnosuch')).stderr).toBe('sh: 3: nosuch: not found\n');
  });

  it('carries on after an error but stops at exit', async () => {
    const { run } = session('ash');
    const bad = await run(`echo \${x?unset}; echo same-line`);
    expect(bad).toMatchObject({ stdout: '', code: 2, exited: false });
    expect((await run('echo next')).stdout).toBe('next\n');
    const bye = await run('exit 5');
    expect(bye).toMatchObject({ code: 5, exited: true });
    expect((await run('echo gone')).stdout).toBe('');
  });

  it('prints exit for bash and ends on set -e', async () => {
    const bash = session('bash');
    expect((await bash.run('exit')).stderr).toBe('exit\n');
    const ash = session('ash');
    await ash.run('set -e');
    expect(await ash.run('false; echo no')).toMatchObject({ exited: true, code: 1 });
  });

  it('remembers the history', async () => {
    const { run } = session('bash');
    await run('echo one');
    expect((await run('history')).stdout).toBe('    1  echo one\n    2  history\n');
  });

  it('expands aliases in interactive bash only', async () => {
    const { run } = session('bash');
    expect((await run("alias hi='echo hello'; hi")).stderr).toContain('hi: command not found');
    expect((await run('hi')).stdout).toBe('hello\n');
  });

  it('keeps background jobs for a later wait', async () => {
    const { run } = session('ash');
    await run('sleep 3 &');
    const r = await run('wait; echo done');
    expect(r.duration).toBe(3000);
  });
});
