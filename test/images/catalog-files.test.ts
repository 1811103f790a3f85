import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Catalog, type CatalogFile, type CatalogImage } from '../../src/images/catalog.js';

const catalog = new Catalog(Catalog.defaultDir());

function image(ref: string): CatalogImage {
  const [name, tag = 'latest'] = ref.split(':') as [string, string?];
  const img = catalog.resolve(name.includes('/') ? name : `library/${name}`, tag);
  if (!img) throw new Error(`${ref} does not resolve`);
  return img;
}

/** The image's root file system as a container sees it: upper layers win. */
function rootfs(img: CatalogImage): Map<string, CatalogFile> {
  const fs = new Map<string, CatalogFile>();
  for (const layer of img.layers) for (const f of layer.files) fs.set(f.path, f);
  return fs;
}

/** Follows symlinks (absolute and relative, in any component) like the kernel would. */
function lookup(fs: Map<string, CatalogFile>, abs: string, depth = 0): CatalogFile | undefined {
  if (depth > 16) return undefined;
  const parts = abs.split('/').filter(Boolean);
  let cur: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const next = [...cur, parts[i] as string];
    const entry = fs.get(next.join('/'));
    if (!entry) return undefined;
    if (entry.type === 'symlink') {
      const target = entry.target as string;
      const base = target.startsWith('/') ? target : `/${[...cur, target].join('/')}`;
      const rest = parts.slice(i + 1).join('/');
      return lookup(fs, normalize(rest ? `${base}/${rest}` : base), depth + 1);
    }
    if (i === parts.length - 1) return entry;
    cur = next;
  }
  return undefined;
}

function normalize(p: string): string {
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '..') out.pop();
    else if (s && s !== '.') out.push(s);
  }
  return `/${out.join('/')}`;
}

/** What `which <cmd>` finds with the image's PATH. */
function which(img: CatalogImage, cmd: string): CatalogFile | undefined {
  const fs = rootfs(img);
  const pathVar =
    img.config.Env.find((e) => e.startsWith('PATH='))?.slice(5) ??
    '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  for (const dir of pathVar.split(':')) {
    const f = lookup(fs, `${dir}/${cmd}`);
    if (f && (f.type === 'program' || (f.type === 'file' && (f.mode & 0o111) !== 0))) return f;
  }
  return undefined;
}

const read = (ref: string, file: string) => lookup(rootfs(image(ref)), file)?.content;

describe('the tools each image has (catalog §1)', () => {
  // ps curl bash wget ip ping; b = a BusyBox applet
  const table: Record<string, string> = {
    'hello-world': '- - - - - -',
    busybox: 'b - - b b b',
    alpine: 'b - - b b b',
    'alpine:3.19': 'b - - b b b',
    debian: '- - y - - -',
    'debian:bookworm-slim': '- - y - - -',
    'ubuntu:22.04': 'y - y - - -',
    ubuntu: 'y - y - - -',
    nginx: '- y y - - -',
    'nginx:alpine': 'b y - b b b',
    httpd: '- - y - - -',
    redis: '- - y - - -',
    'redis:7-alpine': 'b - - b b b',
    'mysql:8.0': '- y y - - -',
    mysql: '- y y - - -',
    postgres: '- - y - - -',
    mongo: 'y - y - - -',
    'node:20': 'y y y y - -',
    'node:20-alpine': 'b - - b b b',
    'node:22': 'y y y y - -',
    'python:3.12': 'y y y y - -',
    'python:3.12-slim': '- - y - - -',
    golang: 'y y y y - -',
    registry: 'b - - b b b',
    'dockersamples/static-site': '- - y - - -',
    'nicolaka/netshoot': 'b y y b y y',
  };
  const tools = ['ps', 'curl', 'bash', 'wget', 'ip', 'ping'];
  for (const [ref, row] of Object.entries(table)) {
    it(ref, () => {
      const img = image(ref);
      const found = tools.map((t) => {
        const f = which(img, t);
        if (!f) return '-';
        return f.program?.startsWith('busybox') ? 'b' : 'y';
      });
      expect(found.join(' ')).toBe(row);
    });
  }
});

describe('files a learner looks at', () => {
  it('has the release files of each distribution', () => {
    expect(read('alpine', '/etc/alpine-release')).toBe('3.20.1\n');
    expect(read('alpine:3.19', '/etc/os-release')).toContain('PRETTY_NAME="Alpine Linux v3.19"');
    expect(read('alpine', '/etc/motd')).toContain('Welcome to Alpine!');
    expect(read('alpine', '/etc/apk/repositories')).toBe(
      'https://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n',
    );
    expect(read('debian', '/etc/debian_version')).toBe('12.6\n');
    expect(read('nginx', '/etc/os-release')).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(read('ubuntu:22.04', '/etc/os-release')).toContain('VERSION="22.04.4 LTS (Jammy Jellyfish)"');
    expect(read('ubuntu', '/etc/os-release')).toContain('LOGO=ubuntu-logo');
    expect(read('mongo', '/etc/os-release')).toContain('UBUNTU_CODENAME=jammy');
    expect(read('mysql', '/etc/os-release')).toContain('Oracle Linux Server');
  });

  it('keeps /etc/shadow for root only and /tmp sticky', () => {
    for (const ref of ['alpine', 'debian', 'ubuntu', 'busybox', 'nginx']) {
      const fs = rootfs(image(ref));
      expect(fs.get('etc/shadow')?.mode, ref).toBe(0o640);
      expect(fs.get('tmp')?.mode, ref).toBe(0o1777);
      expect(fs.get('etc/hostname'), `${ref} (docker mounts /etc/hostname)`).toBeUndefined();
    }
  });

  it('merges /usr on Debian and Ubuntu, links applets on Alpine', () => {
    const deb = rootfs(image('debian'));
    expect(deb.get('bin')).toMatchObject({ type: 'symlink', target: 'usr/bin' });
    expect(lookup(deb, '/bin/ls')).toMatchObject({ program: 'coreutils:ls' });
    expect(lookup(deb, '/bin/sh')).toMatchObject({ program: 'dash' });
    const alp = rootfs(image('alpine'));
    expect(alp.get('bin/sh')).toMatchObject({ type: 'symlink', target: '/bin/busybox' });
    expect(alp.get('sbin/apk')?.type).toBe('program');
    const applets = [...alp.values()].filter((f) => f.type === 'symlink' && f.target === '/bin/busybox');
    expect(applets.length).toBeGreaterThan(300);
    expect(which(image('hello-world'), 'sh')).toBeUndefined();
    expect(rootfs(image('hello-world')).get('hello')).toMatchObject({ type: 'program', program: 'hello' });
  });

  it('adds the users the applications run as', () => {
    expect(read('nginx', '/etc/passwd')).toContain('nginx:x:101:101:nginx user:/nonexistent:/bin/false\n');
    expect(read('redis', '/etc/passwd')).toContain('redis:x:999:999:');
    expect(read('postgres', '/etc/passwd')).toContain('postgres:x:999:999::/var/lib/postgresql:/bin/bash');
    expect(read('ubuntu:24.04', '/etc/passwd')).toContain('ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash');
    expect(read('ubuntu:22.04', '/etc/passwd')).not.toContain('ubuntu:x:1000');
    expect(read('node:20', '/etc/passwd')).toContain('node:x:1000:1000::/home/node:/bin/bash');
  });

  it("has nginx's configuration, entrypoint scripts and log links", () => {
    for (const ref of ['nginx', 'nginx:alpine']) {
      const fs = rootfs(image(ref));
      expect(read(ref, '/etc/nginx/nginx.conf')).toMatch(/worker_processes\s+auto;/);
      expect(read(ref, '/etc/nginx/conf.d/default.conf')).toMatch(/listen\s+80;/);
      expect(fs.get('var/log/nginx/access.log')).toMatchObject({ type: 'symlink', target: '/dev/stdout' });
      expect(fs.get('var/log/nginx/error.log')).toMatchObject({ type: 'symlink', target: '/dev/stderr' });
      expect(fs.get('docker-entrypoint.sh')?.mode).toBe(0o755);
      // The entrypoint script is simulated as a program (its helpers in /docker-entrypoint.d stay scripts).
      expect(fs.get('docker-entrypoint.sh')?.program).toBe('docker-entrypoint:nginx');
      expect([...fs.keys()].filter((p) => p.startsWith('docker-entrypoint.d/'))).toHaveLength(4);
      expect(which(image(ref), 'nginx')?.program).toBe('nginx@1.27.0');
    }
  });

  it('has the application files', () => {
    expect(read('httpd', '/usr/local/apache2/htdocs/index.html')).toBe(
      '<html><body><h1>It works!</h1></body></html>\n',
    );
    expect(which(image('httpd'), 'httpd-foreground')?.type).toBe('file');
    expect(read('registry', '/etc/docker/registry/config.yml')).toContain('rootdirectory: /var/lib/registry');
    expect(which(image('mysql:8.0'), 'docker-entrypoint.sh')?.program).toBe('docker-entrypoint:mysql');
    expect(rootfs(image('mysql:8.0')).get('entrypoint.sh')?.type).toBe('symlink');
    expect(rootfs(image('mysql')).get('entrypoint.sh')).toBeUndefined();
    expect(which(image('postgres'), 'psql')).toMatchObject({ program: 'postgresql:psql' });
    expect(which(image('redis'), 'redis-cli')?.program).toBe('redis-cli@7.2.5');
    expect(which(image('mongo'), 'mongosh')?.type).toBe('program');
    expect(which(image('node:20'), 'npm')?.program).toMatch(/^npm@/);
    expect(which(image('python:3.12'), 'python')?.program).toBe('python3@3.12.4');
    expect(which(image('golang'), 'go')?.program).toBe('go@1.22.5');
    expect(read('dockersamples/static-site', '/usr/share/nginx/html/Hello_docker.html')).toContain(
      'Hello Docker!',
    );
    for (const t of ['curl', 'dig', 'nslookup', 'tcpdump', 'iperf3', 'ip', 'ping']) {
      expect(which(image('nicolaka/netshoot'), t)?.program, t).not.toMatch(/^busybox/);
    }
  });
});

describe('layers stack the way a union file system expects', () => {
  // `chmod -R g=u /root` changes the directories' modes on purpose
  const deliberate = new Set(['netshoot-0.13-chmod']);
  for (const repo of catalog.repositories()) {
    for (const key of new Set(Object.values(repo.tags))) {
      it(`${repo.path} ${key}`, () => {
        const tag = Object.keys(repo.tags).find((t) => repo.tags[t] === key) as string;
        const img = catalog.resolve(repo.path, tag) as CatalogImage;
        const problems: string[] = [];
        const lower = new Map<string, CatalogFile>();
        for (const layer of img.layers) {
          for (const f of layer.files) {
            const parts = f.path.split('/');
            // writing through a lower symlink (/var/run -> /run) lands at the target, never under the link
            for (let i = 1; i < parts.length; i++) {
              const up = lower.get(parts.slice(0, i).join('/'));
              if (up?.type === 'symlink')
                problems.push(`${layer.name}: ${f.path} is under the lower symlink ${up.path}`);
            }
            const below = lower.get(f.path);
            if (f.type === 'dir' && below && below.type !== 'dir')
              problems.push(`${layer.name}: dir ${f.path} hides a ${below.type}`);
            const changed =
              below?.type === 'dir' &&
              f.type === 'dir' &&
              (below.mode !== f.mode || below.uid !== f.uid || below.gid !== f.gid);
            if (changed && !deliberate.has(layer.name)) {
              problems.push(
                `${layer.name}: dir ${f.path} is ${f.mode.toString(8)} ${f.uid}:${f.gid}, below ${below.mode.toString(8)} ${below.uid}:${below.gid}`,
              );
            }
          }
          for (const f of layer.files) lower.set(f.path, f);
        }
        expect(problems).toEqual([]);
      });
    }
  }
});

describe('layer files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockersim-layer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const layer = (name: string, files: object[]) => {
    mkdirSync(path.join(dir, 'layers'), { recursive: true });
    writeFileSync(
      path.join(dir, 'layers', `${name}.json`),
      JSON.stringify({ size: 0, compressedSize: 0, files }),
    );
    return new Catalog(dir).layer(name);
  };

  it('expands compact forms, adds parents and sorts', () => {
    const l = layer('compact', [
      { type: 'programs', dir: 'usr/bin', names: ['ls', 'cat'], program: 'coreutils:{name}' },
      { type: 'symlinks', dir: 'bin', target: '/bin/busybox', names: ['sh'] },
      { path: 'etc/shadow', type: 'file', content: 'root:*::0:::::\n', mode: '0640', gid: 42 },
      { path: 'tmp', type: 'dir', mode: '1777' },
    ]);
    expect(l.files).toEqual([
      { path: 'bin', type: 'dir', mode: 0o755, uid: 0, gid: 0 },
      { path: 'bin/sh', type: 'symlink', mode: 0o777, uid: 0, gid: 0, target: '/bin/busybox' },
      { path: 'etc', type: 'dir', mode: 0o755, uid: 0, gid: 0 },
      { path: 'etc/shadow', type: 'file', mode: 0o640, uid: 0, gid: 42, content: 'root:*::0:::::\n' },
      { path: 'tmp', type: 'dir', mode: 0o1777, uid: 0, gid: 0 },
      { path: 'usr', type: 'dir', mode: 0o755, uid: 0, gid: 0 },
      { path: 'usr/bin', type: 'dir', mode: 0o755, uid: 0, gid: 0 },
      { path: 'usr/bin/cat', type: 'program', mode: 0o755, uid: 0, gid: 0, program: 'coreutils:cat' },
      { path: 'usr/bin/ls', type: 'program', mode: 0o755, uid: 0, gid: 0, program: 'coreutils:ls' },
    ]);
  });

  it('rejects duplicates, entries under a link, bad modes and unknown types', () => {
    expect(() =>
      layer('dup', [
        { path: 'a', type: 'dir' },
        { path: 'a', type: 'file' },
      ]),
    ).toThrow(/dup\.json: files: "a" is listed twice/);
    expect(() =>
      layer('under', [
        { path: 'bin', type: 'symlink', target: 'usr/bin' },
        { path: 'bin/ls', type: 'program', program: 'ls' },
      ]),
    ).toThrow(/under\.json: files: "bin\/ls" lies under "bin", which is a symlink/);
    expect(() => layer('mode', [{ path: 'a', type: 'file', mode: '644x' }])).toThrow(
      /mode\.json: files\[0\]\.mode: expected an octal mode/,
    );
    expect(() => layer('kind', [{ path: 'a', type: 'fifo' }])).toThrow(
      /kind\.json: files\[0\]\.type: expected file, dir/,
    );
    expect(() => layer('dots', [{ path: 'a/../b', type: 'dir' }])).toThrow(/dots\.json: files\[0\]\.path/);
  });
});
