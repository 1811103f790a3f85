import type { BuildEvent, BuildOptions, ContextFile } from '../../src/api/images.js';
import { build } from '../../src/builder/build.js';
import { BuildError } from '../../src/builder/errors.js';
import { d, FakeBackend, f } from './fake-backend.js';

/** A build context from `path → content` (a trailing `/` makes a directory). */
export function context(files: Record<string, string> = {}): ContextFile[] {
  return Object.entries(files).map(([path, content]) =>
    path.endsWith('/')
      ? { path: path.slice(0, -1), type: 'dir', mode: 0o755 }
      : { path, type: 'file', mode: 0o644, content: Buffer.from(content) },
  );
}

/** A backend with a small alpine and a few more images in its store. */
export function backend(): FakeBackend {
  const b = new FakeBackend();
  const passwd = 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\n';
  b.addImage(
    'alpine:3.20',
    [
      d('/etc'),
      f('/etc/passwd', passwd),
      f('/etc/group', 'root:x:0:\napp:x:1001:\nstaff:x:50:\n'),
      d('/bin'),
      d('/tmp'),
    ],
    {
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      Cmd: ['/bin/sh'],
    },
  );
  b.addImage('golang:1.22', [d('/usr'), d('/go'), f('/go/README', 'go\n')], {
    Env: ['GOPATH=/go'],
    WorkingDir: '/go',
  });
  b.addImage(
    'nginx:alpine',
    [d('/etc'), d('/etc/nginx'), f('/etc/nginx/nginx.conf', 'events {}\n'), d('/usr/share/nginx/html')],
    {
      Cmd: ['nginx', '-g', 'daemon off;'],
      ExposedPorts: { '80/tcp': {} },
    },
  );
  return b;
}

export interface Outcome {
  imageId?: string;
  error?: BuildError;
  events: BuildEvent[];
  /** BuildKit steps as `name: DONE|CACHED|ERROR msg`, or the classic builder's lines. */
  lines: string[];
}

export async function run(
  b: FakeBackend,
  dockerfile: string,
  files: ContextFile[] = [],
  opts: Partial<BuildOptions> = {},
): Promise<Outcome> {
  const events: BuildEvent[] = [];
  const full: BuildOptions = {
    dockerfile,
    dockerfileName: 'Dockerfile',
    tags: [],
    buildArgs: {},
    labels: {},
    noCache: false,
    pull: false,
    builder: 'buildkit',
    ...opts,
  };
  const outcome: Outcome = { events, lines: [] };
  try {
    outcome.imageId = (await build(b, files, full, (e) => events.push(e))).imageId;
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    outcome.error = e;
  }
  outcome.lines = summarize(events);
  return outcome;
}

export function summarize(events: BuildEvent[]): string[] {
  const names = new Map<number, string>();
  const out: string[] = [];
  for (const e of events) {
    if (e.kind === 'legacy') out.push(e.text);
    else if (e.kind === 'vertex') names.set(e.id, e.name);
    else if (e.kind === 'vertex-done') out.push(`${names.get(e.id)}: ${e.cached ? 'CACHED' : 'DONE'}`);
    else if (e.kind === 'vertex-error') out.push(`${names.get(e.id)}: ERROR ${e.message}`);
    else if (e.kind === 'log') out.push(`  > ${e.text}`);
  }
  return out;
}

/** The steps only (`[2/3] RUN …`), without BuildKit's internal ones. */
export function steps(o: Outcome): string[] {
  return o.lines.filter((l) => /^\[(?!internal\])/.test(l));
}
