import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deterministicEnv, runBin, tempHome } from '../helpers/cli.js';

describe('bin/dockersim as a process', () => {
  const env = deterministicEnv(tempHome());

  it('prints both sections of docker version', () => {
    const r = runBin(['version'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Client:\n Version: {11}28\.2\.2\n/);
    expect(r.stdout).toContain('\nServer: Docker Engine - Community\n Engine:\n  Version:          28.2.2\n');
    expect(r.stdout).toContain('  API version:      1.50 (minimum version 1.24)\n');
    expect(r.stdout).toContain(
      ' containerd:\n  Version:          1.7.27\n  GitCommit:        05044ec0a9a75232cad458027ca83437aae3f4da\n',
    );
    expect(r.stderr).toBe('');
  });

  it('answers an unknown global flag with docker text and exit 125', () => {
    const r = runBin(['--foo'], env);
    expect(r.code).toBe(125);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "unknown flag: --foo\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n",
    );
  });

  it('answers an unknown command with docker text and exit 1', () => {
    const r = runBin(['nosuchcmd'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "docker: unknown command: docker nosuchcmd\n\nRun 'docker --help' for more information\n",
    );
  });

  it('prints --version like docker', () => {
    expect(runBin(['--version'], env).stdout).toBe('Docker version 28.2.2, build e6534b4\n');
    expect(runBin(['-v'], env).stdout).toBe('Docker version 28.2.2, build e6534b4\n');
  });

  it('prints usage on stderr with exit 0 when no command is given', () => {
    const r = runBin([], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^Usage: {2}docker \[OPTIONS\] COMMAND\n\nA self-sufficient runtime for containers\n/,
    );
  });

  it('gives an unknown subcommand of a group docker text', () => {
    const r = runBin(['container', 'foo'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "docker: unknown command: docker container foo\n\nUsage:  docker container\n\nRun 'docker container --help' for more information\n",
    );
  });

  it('prints the same bytes for the same commands in deterministic mode', () => {
    const transcript = () => {
      const e = deterministicEnv(tempHome());
      return [['info'], ['version'], ['info', '--format', '{{.ID}} {{.Containers}}']]
        .map((argv) => {
          const r = runBin(argv, e);
          return `${r.code}\n${r.stdout}${r.stderr}`;
        })
        .join('\n---\n');
    };
    const first = transcript();
    expect(first).toContain('Cgroup Driver: systemd');
    expect(transcript()).toBe(first);
  });

  it('never prints a stack trace, but DOCKERSIM_DEBUG=1 does', () => {
    const home = tempHome();
    const e = deterministicEnv(home);
    expect(runBin(['info'], e).code).toBe(0);
    // A corrupt document: the error names the file, no trace.
    writeFileSync(`${home}/dockersim/sim.json`, '{ half');
    const r = runBin(['info'], e);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${home}/dockersim/sim.json`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const debug = runBin(['info'], { ...e, DOCKERSIM_DEBUG: '1' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toContain('sim.json');
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
