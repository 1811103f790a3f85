import { describe, expect, it } from 'vitest';
import { backend, context, run, steps } from './helpers.js';

/** The build cache: a step is reused when its parent and its instruction (and content) match. */
const DOCKERFILE = [
  'FROM alpine:3.20',
  'WORKDIR /app',
  'COPY requirements.txt .',
  'RUN echo installing && mkdir -p /app/deps',
  'COPY app.py .',
  'RUN echo built',
  'CMD ["python", "app.py"]',
].join('\n');

const files = (app = 'print(1)\n', req = 'flask\n') => context({ 'app.py': app, 'requirements.txt': req });

describe('build cache', () => {
  it('reuses every step on a second build', async () => {
    const b = backend();
    const first = await run(b, DOCKERFILE, files());
    const second = await run(b, DOCKERFILE, files());
    expect(steps(first).filter((s) => s.endsWith('CACHED'))).toEqual([
      '[1/6] FROM docker.io/library/alpine:3.20@' + digest(b) + ': CACHED',
    ]);
    expect(steps(second).every((s) => s.endsWith(': CACHED'))).toBe(true);
    expect(second.imageId).toBe(first.imageId);
    expect(second.lines).not.toContain('  > installing');
  });

  it('rebuilds from the COPY of an edited file on', async () => {
    const b = backend();
    await run(b, DOCKERFILE, files());
    const o = await run(b, DOCKERFILE, files('print(2)\n'));
    expect(steps(o).map((s) => s.replace(/@sha256:\w+/, ''))).toEqual([
      '[1/6] FROM docker.io/library/alpine:3.20: CACHED',
      '[2/6] WORKDIR /app: CACHED',
      '[3/6] COPY requirements.txt .: CACHED',
      '[4/6] RUN echo installing && mkdir -p /app/deps: CACHED',
      '[5/6] COPY app.py .: DONE',
      '[6/6] RUN echo built: DONE',
    ]);
    expect(b.fs(o.imageId!).readFile('/app/app.py').toString()).toBe('print(2)\n');
  });

  it('a changed mode invalidates a COPY too', async () => {
    const b = backend();
    await run(b, 'FROM alpine:3.20\nCOPY app.py /', files());
    const ctx = files().map((f) => ({ ...f, mode: 0o755 }));
    const o = await run(b, 'FROM alpine:3.20\nCOPY app.py /', ctx);
    expect(steps(o)[1]).toBe('[2/2] COPY app.py /: DONE');
  });

  it('--no-cache runs every step again', async () => {
    const b = backend();
    const first = await run(b, DOCKERFILE, files());
    const o = await run(b, DOCKERFILE, files(), { noCache: true });
    expect(
      steps(o)
        .slice(1)
        .every((s) => s.endsWith(': DONE')),
    ).toBe(true);
    expect(o.imageId).not.toBe(first.imageId);
  });

  it('a different build-arg value invalidates the steps that use it', async () => {
    const b = backend();
    const df = 'FROM alpine:3.20\nARG V=1\nRUN echo $V';
    await run(b, df);
    expect(steps(await run(b, df))[1]).toBe('[2/2] RUN echo 1: CACHED');
    expect(steps(await run(b, df, [], { buildArgs: { V: '2' } }))[1]).toBe('[2/2] RUN echo 2: DONE');
  });

  it('the classic builder says "Using cache"', async () => {
    const b = backend();
    await run(b, DOCKERFILE, files(), { builder: 'legacy' });
    const o = await run(b, DOCKERFILE, files(), { builder: 'legacy' });
    expect(o.lines.filter((l) => l === ' ---> Using cache')).toHaveLength(6);
    expect(o.lines.some((l) => l.startsWith(' ---> Running in'))).toBe(false);
  });
});

function digest(b: ReturnType<typeof backend>): string {
  return b.images.get(b.tags.get('docker.io/library/alpine:3.20')!)!.digest!;
}
