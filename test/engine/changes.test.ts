import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../helpers/cli.js';

describe('the writable layer: diff and commit', () => {
  // Container names need two characters at least (docker's rule), hence 'ww' rather than 'w'.
  it('shows a container changes as docker diff does, and commit makes them an image layer', async () => {
    const env = deterministicEnv(tempHome());
    const run = await runCli(
      ['run', '--name', 'ww', 'alpine', 'sh', '-c', 'echo hi > /f && rm /etc/motd'],
      env,
    );
    expect(run.code).toBe(0);
    const diff = await runCli(['diff', 'ww'], env);
    expect(diff.stdout).toBe('C /etc\nD /etc/motd\nA /f\n');
    const missing = await runCli(['run', '--rm', 'alpine', 'cat', '/f'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("cat: can't open '/f': No such file or directory\n");
    const commit = await runCli(['commit', '-m', 'add f', 'ww', 'img:1'], env);
    expect(commit.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const fromCommit = await runCli(['run', '--rm', 'img:1', 'cat', '/f'], env);
    expect(fromCommit.stdout).toBe('hi\n');
    const history = await runCli(['history', '--format', '{{.CreatedBy}}|{{.Comment}}', 'img:1'], env);
    expect(history.stdout.split('\n')[0]).toBe("sh -c 'echo hi > /f && rm /etc/motd'|add f");
  });

  it("two containers from one image never see each other's writes", async () => {
    const env = deterministicEnv(tempHome());
    await runCli(['run', '--name', 'aa', 'alpine', 'sh', '-c', 'echo a > /only-a'], env);
    const b = await runCli(['run', '--name', 'bb', 'alpine', 'ls', '/only-a'], env);
    expect(b.code).toBe(1);
    expect((await runCli(['diff', 'bb'], env)).stdout).toBe('');
  });
});
