import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../../../helpers/cli.js';

/** A two-stage build: the first stage's RUN result is build cache only (not in the final image). */
function project(): string {
  const dir = fs.mkdtempSync(path.join(tempHome(), 'ctx-'));
  fs.writeFileSync(
    path.join(dir, 'Dockerfile'),
    'FROM alpine:3.20 AS build\nRUN echo compiled-output > /artifact && echo scratch-notes > /notes\nFROM alpine:3.20\nCOPY --from=build /artifact /artifact\n',
  );
  return dir;
}

describe('the build cache: system df and builder prune', () => {
  it('lists one record per step that made a layer; a stage left out of the image is reclaimable', async () => {
    const env = deterministicEnv(tempHome());
    expect((await runCli(['build', '-q', '-t', 'app', project()], env)).code).toBe(0);
    const df = (await runCli(['system', 'df'], env)).stdout;
    const row = df.split('\n').find((l) => l.startsWith('Build Cache'))!;
    const [, total, active, size, reclaimable] = row.split(/\s{2,}/);
    expect(Number(total)).toBe(2);
    expect(active).toBe('0');
    expect(size).not.toBe('0B');
    expect(reclaimable).toBe(size);
    const verbose = (await runCli(['system', 'df', '-v'], env)).stdout;
    expect(verbose).toContain(`Build cache usage: ${size}`);
    expect(verbose).toMatch(
      /^[a-z0-9]{12}\s+regular\s+\S+\s+Less than a second ago\s+Less than a second ago\s+1\s+false$/m,
    );
    expect(verbose).toMatch(/^[a-z0-9]{12}\s+regular\s+.*\s+true$/m);
  });

  it('builder prune asks first, removes the records, reclaims what only the cache held; the next build runs again', async () => {
    const env = deterministicEnv(tempHome());
    const dir = project();
    await runCli(['build', '-q', '-t', 'app', dir], env);
    const no = await runCli(['builder', 'prune'], env, 'n\n');
    expect(no.stdout).toBe(
      'WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] ',
    );
    // BuildKit's step results are cache, never images: `images -a` shows the tagged image and its base.
    const imagesBefore = (await runCli(['images', '-aq'], env)).stdout.split('\n').filter(Boolean).length;
    expect(imagesBefore).toBe(2);
    const configs = path.join(env.DOCKERSIM_HOME!, 'image/overlay2/imagedb/content/sha256');
    const configsBefore = fs.readdirSync(configs).length;
    const r = await runCli(['builder', 'prune', '-f'], env);
    expect(r.stdout).toMatch(
      /^Deleted build cache objects:\n[a-z0-9]{25}\n[a-z0-9]{25}\n\nTotal reclaimed space: [1-9]\d*B\n$/,
    );
    const row = (await runCli(['system', 'df'], env)).stdout
      .split('\n')
      .find((l) => l.startsWith('Build Cache'));
    expect(row).toMatch(/^Build Cache\s+0\s+0\s+0B\s+0B$/);
    const imagesAfter = (await runCli(['images', '-aq'], env)).stdout.split('\n').filter(Boolean).length;
    expect(imagesAfter).toBe(imagesBefore);
    // The first stage's snapshot went from the disk with its record; the image and its base stayed.
    expect(fs.readdirSync(configs).length).toBe(configsBefore - 1);
    expect((await runCli(['run', '--rm', 'app', 'cat', '/artifact'], env)).stdout).toBe('compiled-output\n');
    const again = await runCli(['build', '--progress=plain', '-t', 'app', dir], env);
    expect(again.stderr).not.toMatch(/CACHED \[build 2\/2\]/);
    expect((await runCli(['builder', 'prune', '-af'], env)).stdout).toMatch(/^Deleted build cache objects:/);
  });

  it('an until filter keeps what was used recently', async () => {
    const env = deterministicEnv(tempHome());
    await runCli(['build', '-q', '-t', 'app', project()], env);
    const r = await runCli(['builder', 'prune', '-f', '--filter', 'until=24h'], env);
    expect(r.stdout).toBe('Total reclaimed space: 0B\n');
    const bad = await runCli(['builder', 'prune', '-f', '--filter', 'until=soon'], env);
    expect(bad.code).toBe(1);
  });
});
