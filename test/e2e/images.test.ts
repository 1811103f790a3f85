import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deterministicEnv, runBin, tempHome } from '../helpers/cli.js';

describe('images through bin/dockersim', () => {
  it('pull → images → tag → history → rmi → images', () => {
    const env = deterministicEnv(tempHome());
    const pull = runBin(['pull', 'debian:bookworm-slim'], env);
    expect(pull.code).toBe(0);
    expect(pull.stdout).toMatch(
      /^bookworm-slim: Pulling from library\/debian\n[0-9a-f]{12}: Pulling fs layer\n/,
    );
    expect(pull.stdout).toMatch(
      /Status: Downloaded newer image for debian:bookworm-slim\ndocker\.io\/library\/debian:bookworm-slim\n$/,
    );

    const nginx = runBin(['pull', 'nginx'], env);
    expect(nginx.stdout).toMatch(
      /^Using default tag: latest\nlatest: Pulling from library\/nginx\n[0-9a-f]{12}: Already exists\n/,
    );
    expect(runBin(['pull', 'nginx'], env).stdout).toContain('Status: Image is up to date for nginx:latest\n');

    const images = runBin(['images'], env);
    // The catalog's images were built in mid-2024; the deterministic clock starts at 2026-01-01.
    expect(images.stdout.split('\n')[0]).toBe(
      'REPOSITORY   TAG             IMAGE ID       CREATED         SIZE',
    );
    expect(images.stdout).toMatch(/\nnginx {8}latest {10}[0-9a-f]{12} {3}18 months ago {3}188MB\n/);
    expect(images.stdout).toMatch(/\ndebian {7}bookworm-slim {3}[0-9a-f]{12} {3}18 months ago {3}74\.8MB\n/);

    expect(runBin(['tag', 'nginx', 'myweb:prod'], env).code).toBe(0);
    expect(runBin(['images', '--format', '{{.Repository}}:{{.Tag}}'], env).stdout).toContain('myweb:prod\n');

    const history = runBin(['history', 'nginx'], env);
    expect(history.stdout.split('\n')[0]).toBe(
      'IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT',
    );
    expect(history.stdout).toContain('CMD ["nginx" "-g" "daemon off;"]');
    expect(history.stdout).toContain('<missing>');

    const rmTag = runBin(['rmi', 'myweb:prod'], env);
    expect(rmTag.stdout).toBe('Untagged: myweb:prod\n');
    const rmi = runBin(['rmi', 'nginx'], env);
    expect(rmi.code).toBe(0);
    expect(rmi.stdout).toMatch(
      /^Untagged: nginx:latest\nUntagged: nginx@sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\n/,
    );
    // The debian layer stays: debian:bookworm-slim still uses it.
    expect(rmi.stdout.match(/Deleted:/g)).toHaveLength(7);
    const after = runBin(['images', '-q'], env);
    expect(after.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reports docker errors for unknown repositories, tags and bad references', () => {
    const env = deterministicEnv(tempHome());
    const repo = runBin(['pull', 'doesnotexist'], env);
    expect(repo.code).toBe(1);
    expect(repo.stderr).toBe(
      "Error response from daemon: pull access denied for doesnotexist, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    );
    const tag = runBin(['pull', 'nginx:nosuchtag'], env);
    expect(tag.stderr).toBe(
      'Error response from daemon: manifest for nginx:nosuchtag not found: manifest unknown: manifest unknown\n',
    );
    const upper = runBin(['pull', 'NginX:alpine'], env);
    expect(upper.code).toBe(1);
    expect(upper.stderr).toBe(
      'invalid reference format: repository name (library/NginX) must be lowercase\n',
    );
    expect(runBin(['history', 'nosuch'], env).stderr).toBe(
      'Error response from daemon: No such image: nosuch:latest\n',
    );
  });

  it('save and load give back byte-identical digests', () => {
    const home = tempHome();
    const env = deterministicEnv(home);
    runBin(['pull', '-q', 'alpine:3.20'], env);
    const before = runBin(
      ['image', 'inspect', '-f', '{{.Id}} {{json .RootFS.Layers}}', 'alpine:3.20'],
      env,
    ).stdout;
    const tar = path.join(home, 'alpine.tar');
    expect(runBin(['save', '-o', tar, 'alpine:3.20'], env).code).toBe(0);
    expect(runBin(['rmi', 'alpine:3.20'], env).code).toBe(0);
    const load = runBin(['load', '-i', tar], env);
    expect(load.stdout).toBe('Loaded image: alpine:3.20\n');
    expect(
      runBin(['image', 'inspect', '-f', '{{.Id}} {{json .RootFS.Layers}}', 'alpine:3.20'], env).stdout,
    ).toBe(before);
    expect(runBin(['images', '--format', '{{.Size}}', 'alpine'], env).stdout).toBe('7.8MB\n');
    expect(fs.statSync(tar).size).toBeGreaterThan(1024);
  });
});
