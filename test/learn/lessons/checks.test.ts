import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/api/engine.js';
import { evaluate } from '../../../src/learn/lessons/checks.js';
import { parseCheck } from '../../../src/learn/lessons/parse.js';

/** A container as the fake engine keeps it: just the inspect fields the checks read. */
interface Fake {
  id: string;
  name: string;
  image: string;
  running?: boolean;
  status?: string;
  exitCode?: number;
  oom?: boolean;
  memory?: number;
  ports?: Record<string, { HostIp: string; HostPort: string }[]>;
  logs?: string;
  files?: string[];
  diff?: { Kind: 0 | 1 | 2; Path: string }[];
  top?: string[][];
  hostname?: string;
  pid?: number;
}

const IMAGES: Record<string, { Id: string; RootFS: { Layers: string[] }; comment?: string }> = {
  'nginx:latest': { Id: 'sha256:nginx', RootFS: { Layers: ['l1', 'l2'] } },
  'ubuntu:latest': { Id: 'sha256:ubuntu', RootFS: { Layers: ['u1'] } },
  'hello:1': { Id: 'sha256:hello', RootFS: { Layers: ['u1', 'h1'] }, comment: 'add hello' },
};
const tagOf = (ref: string) => (ref.includes(':') ? ref : `${ref}:latest`);

function engine(
  containers: Fake[],
  build?: { tags: string[]; steps: { name: string; cached: boolean }[] },
): Engine {
  const find = (ref: string) => {
    const c = containers.find((x) => x.id === ref || x.name === ref);
    if (!c) throw new Error(`No such container: ${ref}`);
    return c;
  };
  const fake = {
    containerList: async () => containers.map((c) => ({ Id: c.id })),
    containerInspect: async (ref: string) => {
      const c = find(ref);
      return {
        Id: c.id,
        Name: `/${c.name}`,
        Image: IMAGES[tagOf(c.image)]!.Id,
        State: {
          Running: c.running ?? false,
          Status: c.status ?? (c.running ? 'running' : 'exited'),
          ExitCode: c.exitCode ?? 0,
          OOMKilled: c.oom ?? false,
          Pid: c.pid ?? 0,
        },
        HostConfig: {
          Memory: c.memory ?? 0,
          PortBindings: c.ports ?? {},
          PidMode: '',
          NetworkMode: 'bridge',
        },
        Config: { Image: c.image, Hostname: c.hostname ?? c.id.slice(0, 12), Env: [] },
        NetworkSettings: { Ports: c.ports ?? {}, IPAddress: '172.17.0.2' },
      };
    },
    imageInspect: async (ref: string) => {
      const i = IMAGES[tagOf(ref)];
      if (!i) throw new Error(`No such image: ${ref}`);
      return i;
    },
    imageHistory: async (ref: string) => [{ Comment: IMAGES[tagOf(ref)]!.comment ?? '' }],
    containerLogs: async (ref: string, _o: unknown, on: (c: { text: string }) => void) =>
      on({ text: find(ref).logs ?? '' }),
    containerArchiveGet: async (ref: string, path: string) => {
      if (!find(ref).files?.includes(path)) throw new Error('not found');
      return Buffer.alloc(0);
    },
    containerDiff: async (ref: string) => find(ref).diff ?? [],
    containerTop: async (ref: string) => ({ Titles: ['UID', 'PID', 'CMD'], Processes: find(ref).top ?? [] }),
    hostCommand: async (argv: string[], _s: unknown, on: (c: { stream: string; text: string }) => void) => {
      on({ stream: 'stdout', text: argv.join(' ') === 'uname -r' ? '6.8.0-45-generic\n' : '' });
      return 0;
    },
    version: async () => ({ Os: 'linux' }),
    lastBuild: async () => build && { time: 0, imageId: 'sha256:x', ...build },
  };
  return fake as unknown as Engine;
}

async function run(check: unknown, e: Engine, answer?: string) {
  const out = await evaluate(e, parseCheck(check, 'check'), answer);
  return out.ok ? 'ok' : out.why.en;
}

const web: Fake = {
  id: 'aaa',
  name: 'web',
  image: 'nginx',
  running: true,
  ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }] },
};

describe('container checks', () => {
  const check = { container: { image: 'nginx', running: true, port: '8080:80' } };

  it('hold for a matching container', async () => {
    expect(await run(check, engine([web]))).toBe('ok');
  });

  it('fail on the wrong port, naming the closest container and what it lacks', async () => {
    const other = { ...web, ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8081' }] } };
    expect(await run(check, engine([other]))).toBe(
      'No container matches: image nginx, running, port 8080->80/tcp published.\n  closest: web (nginx), which lacks: port 8080->80/tcp published',
    );
  });

  it('fail on the wrong image and on a stopped container', async () => {
    expect(await run(check, engine([{ ...web, image: 'ubuntu' }]))).toContain('lacks: image nginx');
    expect(await run(check, engine([{ ...web, running: false }]))).toContain('lacks: running');
    expect(await run(check, engine([]))).toBe(
      'No container matches: image nginx, running, port 8080->80/tcp published.',
    );
  });

  it('count matches with atLeast', async () => {
    const two = { container: { image: 'nginx', atLeast: 2 } };
    expect(await run(two, engine([web]))).toContain('1 of the 2 containers needed match');
    expect(await run(two, engine([web, { ...web, id: 'bbb', name: 'web2' }]))).toBe('ok');
  });

  it('read the OOM flag, exit code and memory limit', async () => {
    const c = { container: { oomKilled: true, exitCode: 137, memory: '32m' } };
    const killed: Fake = {
      id: 'c',
      name: 'db',
      image: 'nginx',
      oom: true,
      exitCode: 137,
      memory: 32 * 1024 * 1024,
    };
    expect(await run(c, engine([killed]))).toBe('ok');
    expect(await run(c, engine([{ ...killed, oom: false, exitCode: 0 }]))).toContain(
      'lacks: exit code 137, killed by the OOM killer',
    );
    expect(await run(c, engine([{ ...killed, memory: 0 }]))).toContain('lacks: memory limit 32MiB');
  });

  it('look into the writable layer and the whole file system', async () => {
    const box: Fake = {
      id: 'b',
      name: 'box',
      image: 'ubuntu',
      diff: [{ Kind: 1, Path: '/hello.txt' }],
      files: ['/hello.txt'],
    };
    expect(await run({ container: { diff: { path: '/hello.txt', kind: 'A' } } }, engine([box]))).toBe('ok');
    expect(await run({ container: { diff: { path: '/hello.txt', kind: 'C' } } }, engine([box]))).toContain(
      'lacks',
    );
    expect(await run({ container: { diff: { path: '/hello.txt', kind: 'none' } } }, engine([box]))).toContain(
      'own layer leaves /hello.txt untouched',
    );
    expect(await run({ container: { hasFile: '/nope' } }, engine([box]))).toContain(
      'lacks: file /nope exists',
    );
  });

  it('noContainer fails while one still matches', async () => {
    expect(await run({ noContainer: { name: 'web' } }, engine([web]))).toBe(
      'Container web still matches: name web.',
    );
    expect(await run({ noContainer: { name: 'web' } }, engine([]))).toBe('ok');
  });

  it('add the author’s text to a failure', async () => {
    const c = { container: { name: 'web' }, fail: { en: 'Use --name web.', ko: '--name web을 쓰세요.' } };
    expect(await run(c, engine([]))).toBe('No container matches: name web.\nUse --name web.');
  });
});

describe('image checks', () => {
  it('compare layers with the base image', async () => {
    const e = engine([]);
    expect(await run({ image: { ref: 'hello:1', basedOn: 'ubuntu', extraLayers: 1 } }, e)).toBe('ok');
    expect(await run({ image: { ref: 'hello:1', basedOn: 'nginx' } }, e)).toContain('is not built on nginx');
    expect(await run({ image: { ref: 'hello:1', basedOn: 'ubuntu', extraLayers: 2 } }, e)).toBe(
      'Image hello:1 has 1 layer(s) on top of ubuntu, not 2.',
    );
    expect(await run({ image: { ref: 'missing' } }, e)).toBe('There is no image missing.');
    expect(await run({ image: { ref: 'hello:1', comment: 'add hello' } }, e)).toBe('ok');
    expect(await run({ image: { ref: 'hello:1', comment: 'other' } }, e)).toContain(
      'has comment “add hello”',
    );
  });
});

describe('build checks', () => {
  const steps = [
    { name: '[1/3] FROM docker.io/library/python:3.12-slim', cached: true },
    { name: '[2/3] RUN pip install -r requirements.txt', cached: true },
    { name: '[3/3] COPY app.py .', cached: false },
  ];
  const e = engine([], { tags: ['docker.io/library/myapp:2'], steps });

  it('match tags as docker names them', async () => {
    expect(await run({ build: { tag: 'myapp:2' } }, e)).toBe('ok');
    expect(await run({ build: { tag: 'myapp' } }, e)).toBe(
      'The last build was not tagged myapp (its tags: myapp:2).',
    );
    expect(await run({ build: { tag: 'myapp' } }, engine([]))).toBe('Nothing has been built yet.');
  });

  it('read what the cache decided per step', async () => {
    expect(await run({ build: { step: 'RUN pip install', cached: true } }, e)).toBe('ok');
    expect(await run({ build: { step: 'COPY app.py', cached: true } }, e)).toContain(
      'was run again in the last build instead of coming from the cache',
    );
    expect(await run({ build: { step: 'RUN pip', cached: false } }, e)).toContain(
      'came from the cache (CACHED)',
    );
    expect(await run({ build: { step: 'ADD x' } }, e)).toBe('The last build had no step “ADD x”.');
  });
});

describe('answer checks', () => {
  const db: Fake = {
    id: 'd',
    name: 'db',
    image: 'nginx',
    running: true,
    pid: 2233,
    top: [['999', '2295', 'mysqld --user']],
  };

  it('want an answer', async () => {
    expect(await run({ answer: { version: 'Os' } }, engine([]))).toContain('This step asks a question');
  });

  it('compare with engine state, never a constant', async () => {
    const e = engine([db]);
    const pid = { answer: { container: { name: 'db' }, process: 'mysqld' } };
    expect(await run(pid, e, '2295')).toBe('ok');
    expect(await run(pid, e, '1')).toBe('“1” is not the answer.');
    expect(await run({ answer: { container: { name: 'db' }, field: 'State.Pid' } }, e, ' 2233 ')).toBe('ok');
    expect(await run({ answer: { host: ['uname', '-r'] } }, e, '6.8.0-45-generic')).toBe('ok');
    expect(await run({ answer: { version: 'Os' } }, e, 'Linux')).toBe('ok');
    expect(await run({ answer: { version: 'Os' } }, e, 'darwin')).toBe('“darwin” is not the answer.');
  });

  it('read a value out of the logs', async () => {
    const e = engine([{ ...web, logs: 'start\nnginx/1.27.0\n' }]);
    const v = { answer: { container: { name: 'web' }, logs: 'nginx/([0-9.]+)' } };
    expect(await run(v, e, '1.27.0')).toBe('ok');
    expect(await run(v, e, 'latest')).toBe('“latest” is not the answer.');
  });

  it('say when there is nothing to ask about yet', async () => {
    expect(await run({ answer: { container: { name: 'db' }, field: 'State.Pid' } }, engine([]), '1')).toBe(
      'No container matches: name db.',
    );
  });
});
