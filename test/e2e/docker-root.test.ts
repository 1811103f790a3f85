import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../helpers/cli.js';

describe('the playground and /var/lib/docker', () => {
  it('denies the learner and lets sudo look, as on a docker host', async () => {
    const env = deterministicEnv(tempHome());
    await runCli(['run', '-d', '--name', 'web', 'nginx'], env);
    const r = await runCli(
      [
        'shell',
        '-c',
        'ls /var/lib/docker; echo "exit $?"; sudo ls /var/lib/docker; sudo ls /var/lib/docker/overlay2 | wc -l',
      ],
      env,
    );
    expect(r.stderr).toBe("ls: cannot open directory '/var/lib/docker': Permission denied\n");
    // nginx's layers, the container's writable and init layers, and l/.
    const layers = (
      await runCli(['image', 'inspect', '-f', '{{len .RootFS.Layers}}', 'nginx'], env)
    ).stdout.trim();
    expect(r.stdout).toBe(
      `exit 2\ncontainers\nengine-id\nimage\nnetwork\noverlay2\nvolumes\n${Number(layers) + 3}\n`,
    );
  });

  it('shows a write made in the container in its upper dir, from the same playground', async () => {
    const env = deterministicEnv(tempHome());
    await runCli(['run', '-d', '--name', 'web', 'nginx'], env);
    const r = await runCli(
      [
        'shell',
        '-c',
        [
          "docker exec web sh -c 'echo hi > /hello'",
          'up=$(docker inspect -f "{{.GraphDriver.Data.UpperDir}}" web)',
          'sudo cat "$up/hello"',
          'sudo ls "${up%/diff}/merged/hello"',
          'cat "$up/hello"',
        ].join('\n'),
      ],
      env,
    );
    expect(r.stdout).toMatch(/^hi\n\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/merged\/hello\n$/);
    expect(r.stderr).toMatch(
      /^cat: \/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff\/hello: Permission denied\n$/,
    );
  });
});
