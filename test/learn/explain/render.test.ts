import { describe, expect, test } from 'vitest';
import type { ExplainFact, ExplainKind } from '../../../src/api/explain.js';
import { narrationLanguage, renderNarration } from '../../../src/learn/explain/index.js';

const ID = 'd6b5915c46057bcb005f46f6433df65609dd3a7a57af75ac1a5a4a7c299ebffb';
const ref = { container: ID, name: 'web' };
const SHA = (c: string) => `sha256:${c.repeat(64)}`;

/** One fact of every kind, with numbers the narration must carry. */
const SAMPLES: Record<ExplainKind, ExplainFact> = {
  layers: {
    kind: 'layers',
    ...ref,
    image: 'nginx',
    imageId: SHA('a'),
    imageLayers: 1,
    lowerDirs: ['/var/lib/docker/overlay2/rw-init/diff', '/var/lib/docker/overlay2/l1/diff'],
    upperDir: '/var/lib/docker/overlay2/rw/diff',
    workDir: '/var/lib/docker/overlay2/rw/work',
    mergedDir: '/var/lib/docker/overlay2/rw/merged',
  },
  mount: {
    kind: 'mount',
    ...ref,
    type: 'volume',
    volume: 'data',
    created: true,
    anonymous: false,
    source: '/var/lib/docker/volumes/data/_data',
    destination: '/data',
    readOnly: false,
  },
  rootfs: { kind: 'rootfs', ...ref, mergedDir: '/m/merged', lowerCount: 2, upperDir: '/m/diff' },
  network: {
    kind: 'network',
    ...ref,
    network: 'bridge',
    address: '172.17.0.2/16',
    gateway: '172.17.0.1',
    driver: 'bridge',
  },
  namespaces: {
    kind: 'namespaces',
    ...ref,
    hostPid: 2233,
    namespaces: [
      { type: 'pid', inode: 4026532304, created: true },
      { type: 'user', inode: 4026531837, created: false, sharedWith: 'host' },
    ],
  },
  cgroup: {
    kind: 'cgroup',
    ...ref,
    path: `/sys/fs/cgroup/system.slice/docker-${ID}.scope`,
    written: [
      { file: 'memory.max', value: '67108864', flag: '--memory' },
      { file: 'cpu.max', value: '150000 100000', flag: '--cpus' },
    ],
  },
  process: {
    kind: 'process',
    ...ref,
    role: 'main',
    hostPid: 2233,
    nsPid: 1,
    ppid: 2211,
    command: 'nginx',
    onHost: false,
  },
  port: {
    kind: 'port',
    ...ref,
    proto: 'tcp',
    hostIp: '::',
    hostPort: 8080,
    containerIp: '172.17.0.2',
    containerPort: 80,
    proxyPid: 2240,
  },
  signal: { kind: 'signal', ...ref, signal: 'SIGTERM', number: 15, hostPid: 2233, outcome: 'ignored' },
  exit: {
    kind: 'exit',
    ...ref,
    hostPid: 2233,
    code: 137,
    oomKilled: true,
    memoryMax: 33554432,
    ended: [2211, 2233],
    cgroup: `/sys/fs/cgroup/system.slice/docker-${ID}.scope`,
    restart: { policy: 'always', delayMs: 100 },
  },
  removed: {
    kind: 'removed',
    ...ref,
    upperDir: '/var/lib/docker/overlay2/rw/diff',
    bytes: 42,
    imageLayers: 7,
  },
  exec: {
    kind: 'exec',
    ...ref,
    hostPid: 2301,
    nsPid: 12,
    ppid: 2211,
    command: 'sh',
    namespaces: [{ type: 'mnt', inode: 4026532301 }],
    cgroup: `/sys/fs/cgroup/system.slice/docker-${ID}.scope`,
  },
  pull: {
    kind: 'pull',
    ref: 'nginx:latest',
    imageId: SHA('b'),
    manifestDigest: SHA('c'),
    upToDate: false,
    layers: [
      { digest: SHA('1'), diffId: SHA('1'), chainId: SHA('1'), size: 10, present: true },
      { digest: SHA('2'), diffId: SHA('2'), chainId: SHA('3'), size: 20, present: false },
    ],
  },
  'build-run': {
    kind: 'build-run',
    step: '/bin/sh -c apk add curl',
    hostPid: 2400,
    cgroup: '/sys/fs/cgroup/system.slice/docker-x.scope',
    exitCode: 0,
    namespaces: [{ type: 'pid', inode: 4026532400 }],
  },
  'build-step': {
    kind: 'build-step',
    step: '[2/3] COPY app.py /app/',
    parent: SHA('d'),
    result: SHA('e'),
    cached: false,
    reason: 'files-changed',
    files: [{ path: 'app.py', checksum: SHA('f') }],
    changed: [{ path: 'app.py', before: SHA('9'), after: SHA('f') }],
  },
};

/** Numbers each sample's narration must show. */
const MUST: Record<ExplainKind, string[]> = {
  layers: [
    '/var/lib/docker/overlay2/rw-init/diff',
    '/var/lib/docker/overlay2/l1/diff',
    '/var/lib/docker/overlay2/rw/diff',
  ],
  mount: ['/data', '/var/lib/docker/volumes/data/_data'],
  rootfs: ['/m/merged'],
  network: ['172.17.0.2/16', '172.17.0.1'],
  namespaces: ['2233', 'pid 4026532304', 'user 4026531837'],
  cgroup: [`docker-${ID}.scope`, 'memory.max = 67108864', 'cpu.max = 150000 100000'],
  process: ['2233', 'PID 1'],
  port: ['[::]:8080/tcp', '172.17.0.2:80', '2240'],
  signal: ['SIGTERM', '15', '2233'],
  exit: ['33554432', '137', '2211, 2233', '100'],
  removed: ['/var/lib/docker/overlay2/rw/diff', '42', '7'],
  exec: ['2301', 'PID 12', 'mnt 4026532301'],
  pull: ['nginx:latest', 'bbbbbbbbbbbb', '111111111111', '222222222222'],
  'build-run': ['2400', '/bin/sh -c apk add curl', 'pid 4026532400'],
  'build-step': ['[2/3] COPY app.py /app/', '999999999999 → ffffffffffff', 'dddddddddddd → eeeeeeeeeeee'],
};

const ANSI = /\x1b\[[0-9;]*m/g;

describe('renderNarration', () => {
  test('says nothing when nothing happened underneath', () => {
    expect(renderNarration([], { lang: 'en', color: true })).toBe('');
    expect(renderNarration([], { lang: 'ko', color: false })).toBe('');
  });

  for (const lang of ['en', 'ko'] as const) {
    test(`words every kind of fact in ${lang}, with its numbers`, () => {
      for (const [kind, fact] of Object.entries(SAMPLES) as [ExplainKind, ExplainFact][]) {
        const text = renderNarration([fact], { lang, color: false });
        expect(text, kind).not.toMatch(/undefined|NaN|\[object/);
        for (const must of MUST[kind]) expect(text, `${kind} in ${lang}`).toContain(must);
      }
    });
  }

  test('Korean narration is in Korean', () => {
    const text = renderNarration(Object.values(SAMPLES), { lang: 'ko', color: false });
    for (const word of [
      '네임스페이스',
      '컨트롤 그룹',
      '쓰기 가능 레이어',
      '읽기 전용 레이어',
      '호스트 PID',
      '빌드 캐시',
    ])
      expect(text).toContain(word);
  });

  test('colour marks the text but changes no word', () => {
    const facts = Object.values(SAMPLES);
    const coloured = renderNarration(facts, { lang: 'en', color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(renderNarration(facts, { lang: 'en', color: false }));
  });

  test('one entry per fact, in order, details indented under it', () => {
    const text = renderNarration([SAMPLES.signal, SAMPLES.exit], { lang: 'en', color: false });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('── What the engine did underneath (--explain) ──');
    expect(lines[1]).toMatch(/^signal {2,}SIGTERM \(15\) sent to host PID 2233: ignored/);
    expect(lines[2]).toMatch(/^exit {2,}OOM-killed: memory use went over memory\.max 33554432/);
    expect(lines[3]).toMatch(/^ {8,}processes ended: 2211, 2233;/);
  });
});

describe('narrationLanguage', () => {
  test('DOCKERSIM_LANG first, then LC_ALL, LC_MESSAGES and LANG', () => {
    expect(narrationLanguage({})).toBe('en');
    expect(narrationLanguage({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(narrationLanguage({ LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(narrationLanguage({ LC_ALL: 'en_US.UTF-8', LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(narrationLanguage({ DOCKERSIM_LANG: 'ko', LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(narrationLanguage({ DOCKERSIM_LANG: 'en', LC_ALL: 'ko_KR.UTF-8' })).toBe('en');
  });
});
