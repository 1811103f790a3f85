import { describe, expect, it } from 'vitest';
import { backend, context, run, steps } from './helpers.js';

const strip = (lines: string[]) => lines.map((l) => l.replace(/@sha256:\w+/, ''));

const MULTI = [
  'ARG GO=1.22',
  'FROM golang:${GO} AS build',
  'WORKDIR /src',
  'COPY main.go .',
  'RUN mkdir -p /out && echo binary > /out/app',
  'FROM alpine:3.20 AS debug',
  'RUN echo debugging',
  'FROM scratch',
  'COPY --from=build /out/app /app',
  'ENTRYPOINT ["/app"]',
].join('\n');
const files = context({ 'main.go': 'package main\n' });

describe('multi-stage builds', () => {
  it('builds only the stages the target needs, labelled by name', async () => {
    const b = backend();
    const o = await run(b, MULTI, files);
    expect(strip(steps(o))).toEqual([
      '[build 1/4] FROM docker.io/library/golang:1.22: CACHED',
      '[build 2/4] WORKDIR /src: DONE',
      '[build 3/4] COPY main.go .: DONE',
      '[build 4/4] RUN mkdir -p /out && echo binary > /out/app: DONE',
      '[stage-2 1/1] COPY --from=build /out/app /app: DONE',
    ]);
    expect(o.lines).not.toContain('  > debugging');
    const img = b.images.get(o.imageId!)!;
    expect(img.layers).toHaveLength(1);
    expect(b.fs(o.imageId!).readFile('/app').toString()).toBe('binary\n');
    expect(img.config.Entrypoint).toEqual(['/app']);
  });

  it('--target stops at a stage', async () => {
    const o = await run(backend(), MULTI, files, { target: 'debug' });
    expect(strip(steps(o))).toEqual([
      '[debug 1/2] FROM docker.io/library/alpine:3.20: CACHED',
      '[debug 2/2] RUN echo debugging: DONE',
    ]);
    const missing = await run(backend(), MULTI, files, { target: 'relase' });
    expect(missing.error!.message).toBe('failed to solve: target stage "relase" could not be found');
    const close = await run(backend(), MULTI, files, { target: 'debg' });
    expect(close.error!.message).toBe(
      'failed to solve: target stage "debg" could not be found (did you mean debug?)',
    );
  });

  it('the classic builder builds every stage up to the target', async () => {
    const o = await run(backend(), MULTI, files, { builder: 'legacy' });
    expect(o.lines.filter((l) => l.startsWith('Step'))).toEqual([
      'Step 1/10 : ARG GO=1.22',
      'Step 2/10 : FROM golang:${GO} AS build',
      'Step 3/10 : WORKDIR /src',
      'Step 4/10 : COPY main.go .',
      'Step 5/10 : RUN mkdir -p /out && echo binary > /out/app',
      'Step 6/10 : FROM alpine:3.20 AS debug',
      'Step 7/10 : RUN echo debugging',
      'Step 8/10 : FROM scratch',
      'Step 9/10 : COPY --from=build /out/app /app',
      'Step 10/10 : ENTRYPOINT ["/app"]',
    ]);
  });

  it('a stage can start FROM an earlier one', async () => {
    const b = backend();
    const o = await run(
      b,
      'FROM alpine:3.20 AS base\nENV A=1\nRUN touch /base\nFROM base\nRUN touch /child',
      [],
    );
    expect(strip(steps(o))).toEqual([
      '[base 1/2] FROM docker.io/library/alpine:3.20: CACHED',
      '[base 2/2] RUN touch /base: DONE',
      '[stage-1 1/1] RUN touch /child: DONE',
    ]);
    expect(b.fs(o.imageId!).stat('/base')).toBeDefined();
    expect(b.images.get(o.imageId!)!.config.Env).toContain('A=1');
  });

  it('refuses to copy from a later stage', async () => {
    const o = await run(
      backend(),
      'FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\nRUN touch /x',
      [],
      { target: 'b' },
    );
    expect(o.error).toBeUndefined();
    const bad = await run(
      backend(),
      'FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\nCOPY --from=a /x /y',
    );
    expect(bad.error!.message).toContain(
      'cannot copy from stage "b", it needs to be defined before current stage "a"',
    );
  });

  it('pads step numbers to the width of the total', async () => {
    const runs = Array.from({ length: 9 }, (_, i) => `RUN echo ${i}`).join('\n');
    const o = await run(backend(), `FROM alpine:3.20\n${runs}`);
    expect(strip(steps(o)).slice(0, 2)).toEqual([
      '[ 1/10] FROM docker.io/library/alpine:3.20: CACHED',
      '[ 2/10] RUN echo 0: DONE',
    ]);
  });
});

describe('ARG scoping', () => {
  it('global ARGs serve FROM; a stage sees them only when it redeclares them', async () => {
    const b = backend();
    const o = await run(
      b,
      'ARG TAG=3.20\nARG MSG=hi\nFROM alpine:$TAG\nRUN echo [$MSG]\nARG MSG\nRUN echo [$MSG]',
    );
    expect(o.lines.filter((l) => l.startsWith('  > '))).toEqual(['  > []', '  > [hi]']);
  });

  it('--build-arg overrides defaults, global and local', async () => {
    const o = await run(
      backend(),
      'ARG TAG=latest\nFROM alpine:$TAG\nARG WHO=world\nRUN echo hello $WHO',
      [],
      {
        buildArgs: { TAG: '3.20', WHO: 'docker' },
      },
    );
    expect(o.lines).toContain('  > hello docker');
  });

  it('platform ARGs are predefined', async () => {
    const o = await run(backend(), 'FROM alpine:3.20\nARG TARGETARCH\nRUN echo $TARGETARCH');
    expect(o.lines).toContain('  > amd64');
  });

  it('the classic builder warns about build-args nothing consumed', async () => {
    const o = await run(backend(), 'FROM alpine:3.20\nARG USED', [], {
      builder: 'legacy',
      buildArgs: { USED: '1', EXTRA: '2', HTTP_PROXY: 'x' },
    });
    expect(o.lines).toContain('[Warning] One or more build-args [EXTRA] were not consumed');
  });

  it('proxy build-args reach RUN without an ARG, and stay out of history', async () => {
    const b = backend();
    const o = await run(b, 'FROM alpine:3.20\nRUN echo $HTTP_PROXY', [], {
      buildArgs: { HTTP_PROXY: 'http://proxy:3128' },
    });
    expect(o.lines).toContain('  > http://proxy:3128');
    expect(b.images.get(o.imageId!)!.history.at(-1)!.created_by).toBe(
      'RUN /bin/sh -c echo $HTTP_PROXY # buildkit',
    );
  });
});

describe('ONBUILD', () => {
  it('runs the base image triggers right after FROM', async () => {
    const b = backend();
    const base = await run(b, 'FROM alpine:3.20\nONBUILD COPY app.py /app/\nONBUILD RUN echo trigger', [], {
      tags: ['onbuild-base'],
    });
    expect(base.error).toBeUndefined();
    const o = await run(b, 'FROM onbuild-base\nRUN echo own', context({ 'app.py': 'x' }));
    expect(strip(steps(o))).toEqual([
      '[1/4] FROM docker.io/library/onbuild-base:latest: CACHED',
      '[2/4] ONBUILD COPY app.py /app/: DONE',
      '[3/4] ONBUILD RUN echo trigger: DONE',
      '[4/4] RUN echo own: DONE',
    ]);
    expect(b.fs(o.imageId!).stat('/app/app.py')).toBeDefined();
    expect(b.images.get(o.imageId!)!.config.OnBuild).toBeNull();
    const legacy = await run(b, 'FROM onbuild-base\nRUN echo own', context({ 'app.py': 'x' }), {
      builder: 'legacy',
      noCache: true,
    });
    const ids = (l: string) => l.replace(/[0-9a-f]{12}/g, '<id>');
    expect(legacy.lines.slice(0, 7).map(ids)).toEqual([
      'Step 1/2 : FROM onbuild-base',
      '# Executing 2 build triggers',
      ' ---> Running in <id>',
      'trigger',
      ' ---> Removed intermediate container <id>',
      ' ---> <id>',
      'Step 2/2 : RUN echo own',
    ]);
  });
});
