import { describe, expect, it } from 'vitest';
import type { BuildEvent } from '../../src/api/images.js';
import { LegacyRenderer, PlainRenderer, TtyRenderer } from '../../src/cli/build-progress.js';

/** The events behind docker-cli.md §19.3's example, then its plain rendering, byte for byte. */
const T = 1_000_000;
const DIGEST = 'sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d';
const IMAGE = 'sha256:7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5';
const EVENTS: BuildEvent[] = [
  { kind: 'vertex', id: 1, name: '[internal] load build definition from Dockerfile', at: T },
  { kind: 'status', id: 1, text: 'transferring dockerfile: 95B', at: T + 5, done: true },
  { kind: 'vertex-done', id: 1, at: T + 5, seconds: 0.005 },
  { kind: 'vertex', id: 2, name: '[internal] load metadata for docker.io/library/alpine:3.20', at: T + 5 },
  { kind: 'vertex-done', id: 2, at: T + 1205, seconds: 1.2 },
  { kind: 'vertex', id: 3, name: '[internal] load .dockerignore', at: T + 1205 },
  { kind: 'status', id: 3, text: 'transferring context: 2B', at: T + 1205, done: true },
  { kind: 'vertex-done', id: 3, at: T + 1205, seconds: 0 },
  { kind: 'vertex', id: 4, name: `[1/2] FROM docker.io/library/alpine:3.20@${DIGEST}`, at: T + 1205 },
  { kind: 'vertex-done', id: 4, at: T + 1205, seconds: 0, cached: true },
  { kind: 'vertex', id: 5, name: '[2/2] RUN echo hello', at: T + 1205 },
  { kind: 'log', id: 5, stream: 'stdout', text: 'hello', at: T + 1469 },
  { kind: 'vertex-done', id: 5, at: T + 1505, seconds: 0.3 },
  { kind: 'vertex', id: 6, name: 'exporting to image', at: T + 1505 },
  { kind: 'status', id: 6, text: 'exporting layers', at: T + 1525, done: true, seconds: 0.02 },
  { kind: 'status', id: 6, text: `writing image ${IMAGE}`, at: T + 1525, done: true },
  { kind: 'status', id: 6, text: 'naming to docker.io/library/myimg:latest', at: T + 1525, done: true },
  { kind: 'vertex-done', id: 6, at: T + 1525, seconds: 0.02 },
];

const PLAIN = `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 95B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:3.20
#2 DONE 1.2s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/2] FROM docker.io/library/alpine:3.20@${DIGEST}
#4 CACHED

#5 [2/2] RUN echo hello
#5 0.264 hello
#5 DONE 0.3s

#6 exporting to image
#6 exporting layers 0.0s done
#6 writing image ${IMAGE} done
#6 naming to docker.io/library/myimg:latest done
#6 DONE 0.0s
`;

function render(
  make: (w: (t: string) => void) => { event(e: BuildEvent): void; finish(): void },
  events: BuildEvent[],
) {
  let out = '';
  const r = make((t) => {
    out += t;
  });
  for (const e of events) r.event(e);
  r.finish();
  return out;
}

describe('plain progress', () => {
  it('matches the §19.3 example', () => {
    expect(render((w) => new PlainRenderer(w), EVENTS)).toBe(PLAIN);
  });

  it('ends a failed step with ERROR and repeats its last output lines', () => {
    const failed: BuildEvent[] = [
      { kind: 'vertex', id: 1, name: '[2/2] RUN make', at: 0 },
      ...Array.from(
        { length: 12 },
        (_, i): BuildEvent => ({ kind: 'log', id: 1, stream: 'stdout', text: `line ${i}`, at: 100 * i }),
      ),
      {
        kind: 'vertex-error',
        id: 1,
        at: 1200,
        message: 'process "/bin/sh -c make" did not complete successfully: exit code: 2',
      },
    ];
    const out = render((w) => new PlainRenderer(w), failed);
    expect(out).toContain(
      '#1 1.100 line 11\n#1 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2\n',
    );
    expect(
      out.endsWith(
        '------\n > [2/2] RUN make:\n0.200 line 2\n0.300 line 3\n0.400 line 4\n0.500 line 5\n0.600 line 6\n0.700 line 7\n0.800 line 8\n0.900 line 9\n1.000 line 10\n1.100 line 11\n------\n',
      ),
    ).toBe(true);
  });

  it('prints seconds with fewer decimals as a step goes on', () => {
    const events: BuildEvent[] = [
      { kind: 'vertex', id: 7, name: '[3/3] RUN sleep', at: 0 },
      { kind: 'log', id: 7, stream: 'stdout', text: 'a', at: 12_345 },
      { kind: 'log', id: 7, stream: 'stderr', text: 'b', at: 123_456 },
    ];
    expect(render((w) => new PlainRenderer(w, ''), events)).toBe(
      '#7 [3/3] RUN sleep\n#7 12.35 a\n#7 123.5 b\n',
    );
  });

  it('marks an interrupted step with ... when another one prints', () => {
    const events: BuildEvent[] = [
      { kind: 'vertex', id: 1, name: 'a', at: 0 },
      { kind: 'log', id: 1, stream: 'stdout', text: 'x', at: 0 },
      { kind: 'vertex', id: 2, name: 'b', at: 0 },
      { kind: 'vertex-done', id: 2, at: 0, seconds: 0 },
      { kind: 'vertex-done', id: 1, at: 0, seconds: 0 },
    ];
    expect(render((w) => new PlainRenderer(w, ''), events)).toBe(
      '#1 a\n#1 0.000 x\n#1 ...\n\n#2 b\n#2 DONE 0.0s\n\n#1 a\n#1 DONE 0.0s\n',
    );
  });
});

describe('classic builder lines', () => {
  it('prints the daemon lines of §19.2 as they are', () => {
    const lines = [
      'Step 1/3 : FROM alpine:3.20',
      ' ---> 91ef0af61f39',
      'Step 2/3 : RUN echo hello',
      ' ---> Running in 5c7d2d3c7a1e',
      'hello',
      ' ---> Removed intermediate container 5c7d2d3c7a1e',
      ' ---> 3f4c3c2c8b6a',
      'Step 3/3 : CMD ["sh"]',
      ' ---> Using cache',
      ' ---> 7d8e9f0a1b2c',
      'Successfully built 7d8e9f0a1b2c',
      'Successfully tagged myimg:latest',
    ];
    const out = render(
      (w) => new LegacyRenderer(w),
      lines.map((text): BuildEvent => ({ kind: 'legacy', text })),
    );
    expect(out).toBe(`${lines.join('\n')}\n`);
  });
});

describe('terminal progress', () => {
  it('ends in BuildKit final block, aligned to the terminal width', () => {
    const r = new TtyRenderer(() => {}, 80);
    for (const e of EVENTS) r.event(e);
    const pad = (l: string, r2: string) => `${l.padEnd(80 - 1 - r2.length - 1)} ${r2}`;
    expect(r.lines(true)).toEqual([
      pad('[+] Building 1.5s (6/6) FINISHED', 'docker:default'),
      pad(' => [internal] load build definition from Dockerfile', '0.0s'),
      pad(' => => transferring dockerfile: 95B', '0.0s'),
      pad(' => [internal] load metadata for docker.io/library/alpine:3.20', '1.2s'),
      pad(' => [internal] load .dockerignore', '0.0s'),
      pad(' => => transferring context: 2B', '0.0s'),
      // Names are cut to what fits beside the timer: 80 - ' => '.length - ' 0.0s\n'.length - 1 = 69.
      pad(` => ${`CACHED [1/2] FROM docker.io/library/alpine:3.20@${DIGEST}`.slice(0, 69)}`, '0.0s'),
      pad(' => [2/2] RUN echo hello', '0.3s'),
      pad(' => exporting to image', '0.0s'),
      pad(' => => exporting layers', '0.0s'),
      pad(` => ${`=> writing image ${IMAGE}`.slice(0, 69)}`, '0.0s'),
      pad(' => => naming to docker.io/library/myimg:latest', '0.0s'),
    ]);
  });

  it('redraws in place over the previous frame', () => {
    let out = '';
    const r = new TtyRenderer((t) => {
      out += t;
    }, 60);
    r.event(EVENTS[0]!);
    r.draw();
    r.event(EVENTS[1]!);
    r.draw();
    expect(out).toContain('\x1b[2A\r');
    expect(out.split('[+] Building')).toHaveLength(3);
  });
});
