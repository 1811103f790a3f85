import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../helpers/cli.js';

describe("a container's init layer", () => {
  it('shows /.dockerenv inside, but it is neither a change (diff) nor part of a commit', async () => {
    const env = deterministicEnv(tempHome());
    const d = (...argv: string[]) => runCli(argv, env);
    expect((await d('run', '--name', 'box', 'alpine', 'ls', '-a', '/')).stdout.split('\n')).toContain(
      '.dockerenv',
    );
    expect((await d('diff', 'box')).stdout).toBe('');
    await d('commit', 'box', 'snap:1');
    const fromImage = await d(
      'run',
      '--rm',
      '--entrypoint',
      'sh',
      'snap:1',
      '-c',
      'ls -a / | grep -c dockerenv',
    );
    // The new container has its own init layer; the image's layers carry none.
    expect(fromImage.stdout).toBe('1\n');
    const history = (await d('history', '--no-trunc', '--format', '{{.Size}}', 'snap:1')).stdout.split(
      '\n',
    )[0];
    expect(history).toBe('0B');
  });
});
