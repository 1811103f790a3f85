import { describe, expect, it } from 'vitest';
import { backend, context, run } from './helpers.js';

const ids = (lines: string[]) =>
  lines.map((l) => l.replace(/sha256:[0-9a-f]{64}/g, 'sha256:<id>').replace(/ [0-9a-f]{12}$/, ' <id>'));

describe('BuildKit events', () => {
  it('go in BuildKit order, with statuses', async () => {
    const b = backend();
    const df =
      '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nCOPY app.py /app/\nRUN echo hello\nCMD ["sh"]\n';
    const files = context({ 'app.py': 'print(1)\n', '.dockerignore': 'secret\n' });
    const o = await run(b, df, files, { tags: ['myapp', 'me/myapp:1.0'] });
    const text = o.events.map((e) => {
      if (e.kind === 'vertex') return `#${e.id} ${e.name}`;
      if (e.kind === 'status') return `#${e.id} ${e.text}${e.done ? ' done' : ''}`;
      if (e.kind === 'log') return `#${e.id} > ${e.text}`;
      if (e.kind === 'vertex-done') return `#${e.id} ${e.cached ? 'CACHED' : 'DONE'}`;
      return `${e.kind}`;
    });
    expect(ids(text)).toEqual([
      '#1 [internal] load build definition from Dockerfile',
      `#1 transferring dockerfile: ${df.length}B done`,
      '#1 DONE',
      '#2 resolve image config for docker-image://docker.io/docker/dockerfile:1',
      '#2 DONE',
      '#3 docker-image://docker.io/docker/dockerfile:1@sha256:<id>',
      '#3 CACHED',
      '#4 [internal] load metadata for docker.io/library/alpine:3.20',
      '#4 DONE',
      '#5 [internal] load .dockerignore',
      '#5 transferring context: 7B done',
      '#5 DONE',
      '#6 [1/3] FROM docker.io/library/alpine:3.20@sha256:<id>',
      '#6 CACHED',
      '#7 [internal] load build context',
      '#7 transferring context: 47B done',
      '#7 DONE',
      '#8 [2/3] COPY app.py /app/',
      '#8 DONE',
      '#9 [3/3] RUN echo hello',
      '#9 > hello',
      '#9 DONE',
      '#10 exporting to image',
      '#10 exporting layers done',
      '#10 writing image sha256:<id> done',
      '#10 naming to docker.io/library/myapp:latest done',
      '#10 naming to docker.io/me/myapp:1.0 done',
      '#10 DONE',
    ]);
    expect(b.tags.get('docker.io/me/myapp:1.0')).toBe(o.imageId);
  });

  it('show a pull under FROM when the base image is missing', async () => {
    const b = backend();
    b.addImage('python:3.12-slim', [], {}, 'registry');
    const o = await run(b, 'FROM python:3.12-slim');
    expect(o.lines.map((l) => l.replace(/@sha256:\w+/, ''))).toContain(
      '[1/1] FROM docker.io/library/python:3.12-slim: DONE',
    );
    const statuses = o.events.flatMap((e) =>
      e.kind === 'status' ? [e.text.replace(/sha256:\w+/, 'sha256:<d>')] : [],
    );
    expect(statuses).toContain('resolve docker.io/library/python:3.12-slim@sha256:<d>');
    expect(statuses).toContain('extracting sha256:<d>');
  });

  it('put --label on the final image only', async () => {
    const b = backend();
    const o = await run(b, 'FROM alpine:3.20 AS a\nRUN touch /a\nFROM alpine:3.20\nLABEL x=dockerfile', [], {
      labels: { x: 'flag', y: '2' },
    });
    expect(b.images.get(o.imageId!)!.config.Labels).toEqual({ x: 'flag', y: '2' });
    const only = await run(b, 'FROM alpine:3.20', [], { labels: { z: '1' } });
    expect(b.images.get(only.imageId!)!.config.Labels).toEqual({ z: '1' });
  });

  it('end a failed step with its error, and the build with the Dockerfile excerpt', async () => {
    const o = await run(backend(), 'FROM alpine:3.20\n\nRUN echo before && exit 2\nCMD ["x"]\n');
    expect(o.lines.at(-1)).toBe(
      '[2/2] RUN echo before && exit 2: ERROR process "/bin/sh -c echo before && exit 2" did not complete successfully: exit code: 2',
    );
    expect(o.error!.message).toBe(
      [
        'Dockerfile:3',
        '--------------------',
        '   1 |     FROM alpine:3.20',
        '   2 |     ',
        '   3 | >>> RUN echo before && exit 2',
        '   4 |     CMD ["x"]',
        '   5 |     ',
        '--------------------',
        'failed to solve: process "/bin/sh -c echo before && exit 2" did not complete successfully: exit code: 2',
      ].join('\n'),
    );
  });

  it('report parse errors after loading the definition', async () => {
    const o = await run(backend(), 'FROM alpine:3.20\nRUNN echo\n');
    expect(o.lines).toEqual(['[internal] load build definition from Dockerfile: DONE']);
    expect(o.error!.message.split('\n').at(-1)).toBe(
      'failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
    );
    const legacy = await run(backend(), 'FROM alpine:3.20\nRUNN echo\n', [], { builder: 'legacy' });
    expect(legacy.error!.message).toBe(
      'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
    );
    expect(legacy.error!.streamed).toBe(false);
  });

  it('report a missing base image on its metadata step', async () => {
    const o = await run(backend(), 'FROM nosuch');
    expect(o.lines.at(-1)).toMatch(
      /^\[internal\] load metadata for docker.io\/library\/nosuch:latest: ERROR pull access denied/,
    );
    expect(o.error!.message.split('\n').at(-1)).toMatch(
      /^failed to solve: nosuch: failed to resolve source metadata for docker.io\/library\/nosuch:latest: pull access denied for nosuch/,
    );
  });
});

describe('classic builder lines', () => {
  it('follow docker 28 (Step n/N, Running in, Removed intermediate container)', async () => {
    const b = backend();
    const o = await run(b, 'FROM alpine:3.20\nRUN echo hello\nCMD ["sh"]', [], {
      builder: 'legacy',
      tags: ['myimg'],
    });
    expect(ids(o.lines)).toEqual([
      'Step 1/3 : FROM alpine:3.20',
      ' ---> <id>',
      'Step 2/3 : RUN echo hello',
      ' ---> Running in <id>',
      'hello',
      ' ---> Removed intermediate container <id>',
      ' ---> <id>',
      'Step 3/3 : CMD ["sh"]',
      ' ---> Running in <id>',
      ' ---> Removed intermediate container <id>',
      ' ---> <id>',
      'Successfully built <id>',
      'Successfully tagged myimg:latest',
    ]);
    expect(
      b.images
        .get(o.imageId!)!
        .history.slice(-2)
        .map((h) => h.created_by),
    ).toEqual(['/bin/sh -c echo hello', '/bin/sh -c #(nop)  CMD ["sh"]']);
  });

  it('record COPY and WORKDIR the classic way', async () => {
    const b = backend();
    const o = await run(
      b,
      'FROM alpine:3.20\nWORKDIR /app\nCOPY --chown=app a.txt .',
      context({ 'a.txt': 'a' }),
      {
        builder: 'legacy',
      },
    );
    const history = b.images
      .get(o.imageId!)!
      .history.slice(-2)
      .map((h) => h.created_by);
    expect(history[0]).toBe('/bin/sh -c #(nop) WORKDIR /app');
    expect(history[1]).toMatch(/^\/bin\/sh -c #\(nop\) COPY --chown=app file:[0-9a-f]{64} in \. $/);
  });

  it('refuse BuildKit-only options', async () => {
    const o = await run(backend(), 'FROM alpine:3.20\nCOPY --chmod=755 a /a', context({ a: 'x' }), {
      builder: 'legacy',
    });
    expect(o.error!.message).toBe(
      'the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled',
    );
  });
});
