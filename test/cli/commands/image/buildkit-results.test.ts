import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../../../helpers/cli.js';

/** Two stages, the second built on the first, and a copied file to edit. */
function project(): string {
  const dir = fs.mkdtempSync(path.join(tempHome(), 'ctx-'));
  fs.writeFileSync(
    path.join(dir, 'Dockerfile'),
    'FROM alpine:3.20 AS base\nRUN echo one > /one\nFROM base\nRUN echo two > /two\nCOPY f /f\n',
  );
  fs.writeFileSync(path.join(dir, 'f'), 'hi\n');
  return dir;
}

const lines = (text: string) => text.split('\n').filter(Boolean);
const cachedSteps = (stderr: string) => lines(stderr).filter((l) => /^#\d+ CACHED$/.test(l)).length;

async function setup(extra: NodeJS.ProcessEnv = {}) {
  const env = deterministicEnv(tempHome(), extra);
  const dir = project();
  const built = await runCli(['build', '-q', '-t', 'app', dir], env);
  expect(built.code).toBe(0);
  const id = built.stdout.trim();
  const alpine = (await runCli(['images', '-q', 'alpine:3.20'], env)).stdout.trim();
  return { env, dir, id, alpine };
}

describe('BuildKit keeps step results as build cache, not images', () => {
  it('images -a lists only the tagged image and its base', async () => {
    const { env, id, alpine } = await setup();
    const all = lines((await runCli(['images', '-aq', '--no-trunc'], env)).stdout);
    expect(all.sort()).toEqual(
      [id, (await runCli(['inspect', '-f', '{{.Id}}', alpine], env)).stdout.trim()].sort(),
    );
    expect((await runCli(['images', '-a'], env)).stdout).not.toContain('<none>');
  });

  it('history shows the image ID on the top row only; Parent is empty', async () => {
    const { env, id } = await setup();
    const ids = lines((await runCli(['history', '-q', 'app'], env)).stdout);
    expect(ids[0]).toBe(id.slice(7, 19));
    expect(ids.slice(1)).toEqual(Array(ids.length - 1).fill('<missing>'));
    expect(ids.length).toBe(5);
    expect((await runCli(['image', 'inspect', '-f', '{{.Parent}}', 'app'], env)).stdout).toBe('\n');
  });

  it('a step result cannot be named as an image', async () => {
    const { env, dir } = await setup();
    const plain = await runCli(['build', '--progress=plain', '-t', 'app', dir], env);
    const step = /writing image (sha256:[0-9a-f]{64})/.exec(plain.stderr)![1]!;
    expect((await runCli(['inspect', step], env)).code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(path.join(env.DOCKERSIM_HOME!, 'builder/cache.json'), 'utf8'));
    const others = Object.values(doc as Record<string, { image: string }>)
      .map((e) => e.image)
      .filter((i) => i !== step);
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) {
      const r = await runCli(['image', 'inspect', other], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('No such image');
    }
  });

  it('rmi removes the image alone; the cache keeps its records, so a rebuild is all CACHED', async () => {
    const { env, dir, id } = await setup();
    const rmi = await runCli(['rmi', 'app'], env);
    expect(rmi.stdout).toBe(`Untagged: app:latest\nDeleted: ${id}\n`);
    expect(lines((await runCli(['images', '-aq'], env)).stdout)).toHaveLength(1);
    const df = lines((await runCli(['system', 'df'], env)).stdout);
    expect(df.find((l) => l.startsWith('Images'))).toMatch(/^Images\s+1\s/);
    expect(df.find((l) => l.startsWith('Build Cache'))).toMatch(/^Build Cache\s+3\s+0\s+11B\s+11B$/);
    const again = await runCli(['build', '--progress=plain', '-t', 'app', dir], env);
    expect(again.code).toBe(0);
    expect(cachedSteps(again.stderr)).toBe(4);
    expect(again.stderr).toContain(`writing image ${id}`);
    expect((await runCli(['run', '--rm', 'app', 'cat', '/one', '/two', '/f'], env)).stdout).toBe(
      'one\ntwo\nhi\n',
    );
  });

  it('editing a copied file rebuilds from that COPY; the old image is dangling and prunes to the cache', async () => {
    const { env, dir, id } = await setup();
    fs.writeFileSync(path.join(dir, 'f'), 'changed\n');
    const again = await runCli(['build', '--progress=plain', '-t', 'app', dir], env);
    expect(cachedSteps(again.stderr)).toBe(3);
    const dangling = lines((await runCli(['images', '-q', '--no-trunc', '-f', 'dangling=true'], env)).stdout);
    expect(dangling).toEqual([id]);
    const prune = await runCli(['image', 'prune', '-f'], env);
    expect(prune.stdout).toContain(`deleted: ${id}`);
    expect(lines((await runCli(['images', '-aq'], env)).stdout)).toHaveLength(2);
    // Back to the first content: every step comes from the cache again.
    fs.writeFileSync(path.join(dir, 'f'), 'hi\n');
    const back = await runCli(['build', '--progress=plain', '-t', 'app', dir], env);
    expect(cachedSteps(back.stderr)).toBe(4);
  });

  it('builder prune removes the snapshots; the next build runs its steps again', async () => {
    const { env, dir } = await setup();
    expect((await runCli(['builder', 'prune', '-af'], env)).code).toBe(0);
    const configs = path.join(env.DOCKERSIM_HOME!, 'image/overlay2/imagedb/content/sha256');
    expect(fs.readdirSync(configs)).toHaveLength(2);
    const again = await runCli(['build', '--progress=plain', '-t', 'app', dir], env);
    expect(cachedSteps(again.stderr)).toBe(1);
    expect(again.stderr).toMatch(/RUN echo one > \/one\n(#\d+ .*\n)*#\d+ DONE/);
  });

  it('--target exports the stage it names; the stages after it are not built', async () => {
    const { env, dir } = await setup();
    const base = await runCli(['build', '-q', '--target', 'base', '-t', 'base', dir], env);
    expect(base.code).toBe(0);
    expect(lines((await runCli(['images', '-a', '--format', '{{.Repository}}'], env)).stdout).sort()).toEqual(
      ['alpine', 'app', 'base'],
    );
    expect((await runCli(['run', '--rm', 'base', 'cat', '/one'], env)).stdout).toBe('one\n');
  });
});

describe('the classic builder keeps every step as an image', () => {
  it('images -a lists intermediates, history names them, Parent is the previous step', async () => {
    const { env, dir, id } = await setup({ DOCKER_BUILDKIT: '0' });
    const all = lines((await runCli(['images', '-a'], env)).stdout);
    expect(all.filter((l) => l.startsWith('<none>'))).toHaveLength(2);
    const ids = lines((await runCli(['history', '-q', 'app'], env)).stdout);
    expect(ids.slice(0, 4).every((h) => /^[0-9a-f]{12}$/.test(h))).toBe(true);
    expect(ids[4]).toBe('<missing>');
    const parent = (await runCli(['image', 'inspect', '-f', '{{.Parent}}', 'app'], env)).stdout.trim();
    expect(parent.slice(7, 19)).toBe(ids[1]);
    const again = await runCli(['build', '-t', 'app', dir], env);
    expect(again.stdout.match(/---> Using cache/g)).toHaveLength(3);
    const rmi = lines((await runCli(['rmi', 'app'], env)).stdout);
    expect(rmi[1]).toBe(`Deleted: ${id}`);
    expect(rmi.length).toBeGreaterThan(3);
    expect(lines((await runCli(['images', '-aq'], env)).stdout)).toHaveLength(1);
  });
});
