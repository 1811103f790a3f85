import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Catalog, CatalogError, type CatalogImage } from '../../src/images/catalog.js';

const catalog = new Catalog(Catalog.defaultDir());

/** docker's SIZE column: decimal units, 3 significant digits (go-units HumanSizeWithPrecision). */
function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  let s = n.toPrecision(3);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s + units[i];
}

function image(ref: string): CatalogImage {
  const [name, tag = 'latest'] = ref.split(':') as [string, string?];
  const repo = name.includes('/') ? name : `library/${name}`;
  const img = catalog.resolve(repo, tag);
  if (!img) throw new Error(`${ref} does not resolve`);
  return img;
}

const sizeOf = (img: CatalogImage) => img.layers.reduce((sum, l) => sum + l.size, 0);

describe('the registry fixtures', () => {
  const repos = catalog.repositories();

  it('lists every repository of the catalog, sorted', () => {
    expect(repos.map((r) => r.path)).toEqual([
      'dockersamples/static-site',
      'library/alpine',
      'library/busybox',
      'library/debian',
      'library/golang',
      'library/hello-world',
      'library/httpd',
      'library/mongo',
      'library/mysql',
      'library/nginx',
      'library/node',
      'library/postgres',
      'library/python',
      'library/redis',
      'library/registry',
      'library/ubuntu',
      'nicolaka/netshoot',
    ]);
    for (const r of repos) {
      expect(r.description.length, r.path).toBeGreaterThan(10);
      expect(r.description, r.path).not.toContain('\n');
      expect(r.official, r.path).toBe(r.path.startsWith('library/'));
    }
  });

  it('resolves every tag, with one non-empty history row per layer', () => {
    for (const r of repos) {
      for (const tag of Object.keys(r.tags)) {
        const img = catalog.resolve(r.path, tag);
        expect(img, `${r.path}:${tag}`).toBeDefined();
        if (!img) continue;
        expect(img.key).toBe(r.tags[tag]);
        expect(img.history.filter((h) => !h.empty_layer)).toHaveLength(img.layers.length);
        expect(img.config.Cmd ?? img.config.Entrypoint, `${r.path}:${tag} runs something`).not.toBeNull();
      }
    }
  });

  it('has the tags learners type', () => {
    const wanted = [
      'hello-world',
      'busybox',
      'busybox:1.36',
      'busybox:1.36.1',
      'busybox:stable',
      'alpine',
      'alpine:3',
      'alpine:3.19',
      'alpine:3.20',
      'debian',
      'debian:12',
      'debian:bookworm',
      'debian:bookworm-slim',
      'ubuntu',
      'ubuntu:22.04',
      'ubuntu:jammy',
      'ubuntu:24.04',
      'ubuntu:noble',
      'nginx',
      'nginx:1.27',
      'nginx:1.27.0',
      'nginx:alpine',
      'httpd',
      'httpd:2.4',
      'redis',
      'redis:7',
      'redis:7.2',
      'redis:7-alpine',
      'mysql',
      'mysql:8.0',
      'mysql:9.0',
      'postgres',
      'postgres:16',
      'mongo',
      'mongo:7',
      'mongo:7.0',
      'node',
      'node:20',
      'node:20-alpine',
      'node:22',
      'python',
      'python:3',
      'python:3.12',
      'python:3.12-slim',
      'golang',
      'golang:1.22',
      'registry',
      'registry:2',
      'dockersamples/static-site',
      'nicolaka/netshoot',
    ];
    for (const ref of wanted) expect(() => image(ref), ref).not.toThrow();
    expect(catalog.resolve('library/nginx', 'nosuchtag')).toBeUndefined();
    expect(catalog.resolve('library/doesnotexist', 'latest')).toBeUndefined();
    expect(catalog.repository('library/doesnotexist')).toBeUndefined();
    expect(catalog.repository('../etc/passwd')).toBeUndefined();
  });

  it('adds up to the sizes docker images prints', () => {
    const expected: Record<string, string> = {
      'hello-world': '13.3kB',
      busybox: '4.27MB',
      'alpine:3.19': '7.4MB',
      'alpine:3.20': '7.8MB',
      alpine: '7.8MB',
      'debian:bookworm': '117MB',
      'debian:bookworm-slim': '74.8MB',
      'ubuntu:22.04': '77.9MB',
      'ubuntu:24.04': '76.2MB',
      nginx: '188MB',
      'nginx:alpine': '43.2MB',
      httpd: '147MB',
      'redis:7': '117MB',
      'redis:7-alpine': '40.7MB',
      'mysql:8.0': '572MB',
      mysql: '586MB',
      'postgres:16': '432MB',
      mongo: '796MB',
      'node:20': '1.1GB',
      'node:20-alpine': '133MB',
      'node:22': '1.11GB',
      'python:3.12': '1.02GB',
      'python:3.12-slim': '130MB',
      'golang:1.22': '822MB',
      'registry:2': '25.4MB',
      'dockersamples/static-site': '191MB',
      'nicolaka/netshoot': '450MB',
    };
    const actual = Object.fromEntries(
      Object.keys(expected).map((ref) => [ref, humanSize(sizeOf(image(ref)))]),
    );
    expect(actual).toEqual(expected);
  });

  it('gives the layers the sizes docker history prints', () => {
    const sizes = (ref: string) => image(ref).layers.map((l) => humanSize(l.size));
    expect(sizes('nginx')).toEqual(['74.8MB', '113MB', '1.62kB', '2.12kB', '336B', '3.02kB', '4.62kB']);
    expect(sizes('nginx:alpine').slice(0, 1)).toEqual(['7.4MB']);
    expect(sizes('redis').slice(-3)).toEqual(['0B', '0B', '661B']);
    expect(sizes('httpd').at(-1)).toBe('138B');
    expect(sizes('mysql:8.0').slice(-2)).toEqual(['13.8kB', '0B']);
    expect(sizes('mongo').at(-1)).toBe('14.2kB');
    expect(sizes('node:20').at(-1)).toBe('388B');
    expect(sizes('registry').slice(-2)).toEqual(['295B', '155B']);
    expect(sizes('hello-world')).toEqual(['13.3kB']);
  });

  it('writes history the way each builder did', () => {
    const rows = (ref: string) => image(ref).history.map((h) => h.created_by);
    expect(rows('alpine')).toEqual([
      'ADD alpine-minirootfs-3.20.1-x86_64.tar.gz / # buildkit',
      'CMD ["/bin/sh"]',
    ]);
    expect(rows('debian')[0]).toMatch(/^\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/ $/);
    expect(rows('debian')[1]).toBe('/bin/sh -c #(nop)  CMD ["bash"]');
    expect(rows('ubuntu')).toHaveLength(6);
    expect(rows('nginx').slice(-4)).toEqual([
      'ENTRYPOINT ["/docker-entrypoint.sh"]',
      'EXPOSE map[80/tcp:{}]',
      'STOPSIGNAL SIGQUIT',
      'CMD ["nginx" "-g" "daemon off;"]',
    ]);
    expect(rows('nginx')[7]?.slice(0, 44)).toBe('RUN /bin/sh -c set -x     && groupadd --syst');
    expect(rows('busybox')).toEqual(['BusyBox 1.36.1 (glibc), Debian 12']);
    expect(image('busybox').history[0]?.comment).toBeUndefined();
    for (const h of image('nginx').history.slice(2)) expect(h.comment).toBe('buildkit.dockerfile.v0');
    // every ADD file:<hash> is a full sha256
    for (const r of catalog.repositories()) {
      for (const key of new Set(Object.values(r.tags))) {
        const tag = Object.keys(r.tags).find((t) => r.tags[t] === key) as string;
        for (const h of catalog.resolve(r.path, tag)?.history ?? []) {
          const m = /(ADD|COPY) file:(\S+)/.exec(h.created_by);
          if (m) expect(m[2], `${r.path}:${tag}`).toMatch(/^[0-9a-f]{64}$/);
        }
      }
    }
  });

  it('shares base layers the way the real images do', () => {
    const first = (ref: string, n = 1) =>
      image(ref)
        .layers.slice(0, n)
        .map((l) => l.name);
    const slim = first('debian:bookworm-slim');
    for (const ref of ['nginx', 'httpd', 'redis', 'postgres', 'python:3.12-slim'])
      expect(first(ref), ref).toEqual(slim);
    const buildpack = first('node:20', 4);
    expect(buildpack[0]).toBe(first('debian:bookworm')[0]);
    for (const ref of ['node:22', 'python:3.12']) expect(first(ref, 4), ref).toEqual(buildpack);
    expect(first('golang', 3)).toEqual(buildpack.slice(0, 3));
    for (const ref of ['node:20-alpine', 'redis:7-alpine'])
      expect(first(ref), ref).toEqual(first('alpine:3.20'));
    expect(first('nginx:alpine')).toEqual(first('alpine:3.19'));
    expect(first('mongo')).toEqual(first('ubuntu:22.04'));
    expect(first('mysql:8.0')).toEqual(first('mysql:9.0'));
    // and the same layer object: read once
    expect(image('nginx').layers[0]).toBe(image('debian:bookworm-slim').layers[0]);
  });

  it('puts /etc/os-release in every image built on a distribution', () => {
    for (const r of catalog.repositories()) {
      if (r.path === 'library/hello-world' || r.path === 'library/busybox') continue;
      for (const tag of Object.keys(r.tags)) {
        const paths = new Set(
          catalog.resolve(r.path, tag)?.layers.flatMap((l) => l.files.map((f) => f.path)),
        );
        expect(paths.has('etc/os-release'), `${r.path}:${tag}`).toBe(true);
      }
    }
  });

  it("serves nginx's 615-byte welcome page", () => {
    const page = image('nginx')
      .layers.flatMap((l) => l.files)
      .find((f) => f.path === 'usr/share/nginx/html/index.html');
    expect(Buffer.byteLength(page?.content ?? '')).toBe(615);
    expect(page?.content).toContain('<title>Welcome to nginx!</title>');
    expect(page?.content).toContain('Thank you for using nginx.');
  });
});

describe('malformed fixtures', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockersim-catalog-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  const config = {
    Env: [],
    Cmd: ['sh'],
    Entrypoint: null,
    WorkingDir: '',
    Volumes: null,
    User: '',
    Labels: null,
  };
  const repo = (image: object) =>
    JSON.stringify({
      description: 'x',
      stars: 1,
      official: false,
      tags: { latest: 'a' },
      images: { a: image },
    });
  const good = {
    created: '2024-01-01T00:00:00Z',
    layers: ['base'],
    history: [{ created: '2024-01-01T00:00:00Z', created_by: 'ADD rootfs.tar /' }],
    config,
  };
  write(
    'layers/base.json',
    JSON.stringify({
      size: 1,
      compressedSize: 1,
      files: [{ path: 'bin/sh', type: 'program', program: 'sh' }],
    }),
  );

  it('loads a well-formed one', () => {
    write('repos/test/good.json', repo(good));
    const img = new Catalog(dir).resolve('test/good', 'latest');
    expect(img?.layers[0]?.files.map((f) => f.path)).toEqual(['bin', 'bin/sh']);
  });

  it('names the file and the field', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['bad-json', '{ "description": ', /bad-json\.json: invalid JSON/],
      [
        'bad-stars',
        repo(good).replace('"stars":1', '"stars":"many"'),
        /bad-stars\.json: stars: expected a whole number/,
      ],
      [
        'bad-tag',
        repo(good).replace('"latest":"a"', '"latest":"b"'),
        /bad-tag\.json: tags\.latest: names image "b"/,
      ],
      [
        'bad-history',
        repo({ ...good, history: [] }),
        /bad-history\.json: images\.a\.history: 0 entries without empty_layer, but 1 layers/,
      ],
      [
        'bad-created',
        repo({ ...good, created: 'yesterday' }),
        /bad-created\.json: images\.a\.created: expected an RFC 3339 time/,
      ],
      [
        'bad-key',
        repo({ ...good, config: { ...config, Cmnd: [] } }),
        /bad-key\.json: images\.a\.config\.Cmnd: unknown field/,
      ],
      [
        'bad-layer-ref',
        repo({ ...good, layers: ['Base'] }),
        /bad-layer-ref\.json: images\.a\.layers\[0\]: expected a layer name/,
      ],
    ];
    for (const [name, text, message] of cases) {
      write(`repos/test/${name}.json`, text);
      const c = new Catalog(dir);
      expect(() => c.resolve(`test/${name}`, 'latest'), name).toThrow(CatalogError);
      expect(() => c.resolve(`test/${name}`, 'latest'), name).toThrow(message);
    }
  });

  it('reports a bad or missing layer file', () => {
    write('repos/test/layers.json', repo({ ...good, layers: ['broken'] }));
    write(
      'layers/broken.json',
      JSON.stringify({ size: 1, compressedSize: 1, files: [{ path: '/etc/passwd', type: 'file' }] }),
    );
    expect(() => new Catalog(dir).resolve('test/layers', 'latest')).toThrow(
      /broken\.json: files\[0\]\.path: "\/etc\/passwd" is not a relative path/,
    );
    write('repos/test/missing.json', repo({ ...good, layers: ['nosuchlayer'] }));
    expect(() => new Catalog(dir).resolve('test/missing', 'latest')).toThrow(
      /nosuchlayer\.json: no such file/,
    );
  });
});
