import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ContextFile } from '../../src/api/images.js';
import { writeTar } from '../../src/fs/tar.js';
import { backend, context, run, steps } from './helpers.js';

describe('RUN', () => {
  it('runs the shell form through SHELL with the stage config and ARGs', async () => {
    const b = backend();
    const o = await run(
      b,
      'FROM alpine:3.20\nARG V=1\nENV E=2\nWORKDIR /w\nUSER app\nRUN echo $V $E > out.txt',
    );
    const { argv, config } = b.runs[0]!;
    expect(argv).toEqual(['/bin/sh', '-c', 'echo $V $E > out.txt']);
    expect(config).toMatchObject({ WorkingDir: '/w', User: 'app' });
    expect(config.Env).toEqual(expect.arrayContaining(['V=1', 'E=2']));
    expect(b.fs(o.imageId!).readFile('/w/out.txt').toString()).toBe('1 2\n');
    const last = b.images.get(o.imageId!)!.history.at(-1)!;
    expect(last).toMatchObject({ created_by: 'RUN |1 V=1 /bin/sh -c echo $V $E > out.txt # buildkit' });
    expect(last.empty_layer).toBeUndefined();
  });

  it('runs the exec form as is, and shows output lines', async () => {
    const b = backend();
    const o = await run(b, 'FROM alpine:3.20\nRUN ["echo", "hello"]');
    expect(b.runs[0]!.argv).toEqual(['echo', 'hello']);
    expect(o.lines).toContain('  > hello');
    // BuildKit names the step after the instruction with its quotes removed.
    expect(steps(o)).toContain('[2/2] RUN [echo, hello]: DONE');
  });

  it('runs a heredoc as the script and names the step after its first line', async () => {
    const b = backend();
    const o = await run(b, 'FROM alpine:3.20\nRUN <<EOF\necho one\necho two\nEOF');
    expect(b.runs[0]!.argv).toEqual(['/bin/sh', '-c', 'echo one\necho two\n']);
    expect(steps(o)[1]).toBe('[2/2] RUN <<EOF (echo one...): DONE');
  });

  it('fails the build on a non-zero exit', async () => {
    const o = await run(backend(), 'FROM alpine:3.20\nRUN echo oops && exit 3');
    expect(o.error!.message.split('\n').at(-1)).toBe(
      'failed to solve: process "/bin/sh -c echo oops && exit 3" did not complete successfully: exit code: 3',
    );
    expect(o.error!.exitCode).toBe(1);
    const legacy = await run(backend(), 'FROM alpine:3.20\nRUN exit 3', [], { builder: 'legacy' });
    expect(legacy.error!.message).toBe("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
    expect(legacy.error!.exitCode).toBe(3);
  });
});

describe('COPY', () => {
  const files = context({
    'app.py': 'print(1)\n',
    'requirements.txt': 'flask\n',
    'src/': '',
    'src/a.js': 'a',
    'src/b.js': 'b',
    'src/lib/c.js': 'c',
  });

  async function copy(instr: string, ctx: ContextFile[] = files, pre = '') {
    const b = backend();
    const o = await run(b, `FROM alpine:3.20\n${pre}${instr}`, ctx);
    if (o.error) throw o.error;
    return { b, o, fs: b.fs(o.imageId!), img: b.images.get(o.imageId!)! };
  }

  it('copies a file into a directory, or as the destination', async () => {
    expect((await copy('COPY app.py /app/')).fs.readFile('/app/app.py').toString()).toBe('print(1)\n');
    expect((await copy('COPY app.py /app')).fs.stat('/app')?.type).toBe('file');
    expect((await copy('COPY app.py /etc')).fs.stat('/etc/app.py')?.type).toBe('file');
    expect((await copy('COPY app.py requirements.txt /srv')).fs.readdir('/srv')).toEqual([
      'app.py',
      'requirements.txt',
    ]);
  });

  it('copies a directory as its contents, relative to WORKDIR', async () => {
    const { fs, img } = await copy('COPY src .', files, 'WORKDIR /app\n');
    expect(fs.readdir('/app')).toEqual(['a.js', 'b.js', 'lib']);
    expect(fs.readFile('/app/lib/c.js').toString()).toBe('c');
    expect(img.history.at(-1)!.created_by).toBe('COPY src . # buildkit');
    expect((await copy('COPY . /ctx/')).fs.readdir('/ctx')).toEqual(['app.py', 'requirements.txt', 'src']);
  });

  it('expands wildcards, and copies nothing when nothing matches', async () => {
    expect((await copy('COPY src/*.js /js/')).fs.readdir('/js')).toEqual(['a.js', 'b.js']);
    expect((await copy('COPY *.txt *.py /x/')).fs.readdir('/x')).toEqual(['app.py', 'requirements.txt']);
    expect((await copy('COPY *.md /docs/')).fs.stat('/docs')).toBeUndefined();
  });

  it('applies --chown and --chmod', async () => {
    const { fs } = await copy('COPY --chown=app:staff --chmod=750 app.py /opt/app.py');
    expect(fs.stat('/opt/app.py')).toMatchObject({ uid: 1000, gid: 50, mode: 0o750 });
    expect((await copy('COPY --chown=1234 app.py /a')).fs.stat('/a')).toMatchObject({ uid: 1234, gid: 1234 });
    const bad = await run(backend(), 'FROM alpine:3.20\nCOPY --chmod=999 app.py /a', files);
    expect(bad.error!.message).toContain(
      "invalid chmod parameter: '999'. it should be octal string and between 0 and 07777",
    );
  });

  it('writes a heredoc as a file, expanding variables unless quoted', async () => {
    const { fs } = await copy('COPY <<EOF /etc/motd\nhello $NAME\nEOF', files, 'ARG NAME=you\n');
    expect(fs.readFile('/etc/motd').toString()).toBe('hello you\n');
    const raw = await copy("COPY <<'EOF' /etc/motd\nhello $NAME\nEOF", files, 'ARG NAME=you\n');
    expect(raw.fs.readFile('/etc/motd').toString()).toBe('hello $NAME\n');
  });

  it('refuses a missing source, naming it as BuildKit does', async () => {
    const o = await run(backend(), 'FROM alpine:3.20\nCOPY hello.py /', files);
    expect(o.error!.message).toMatch(
      /failed to solve: failed to compute cache key: failed to calculate checksum of ref moby::[a-z0-9]{25}: "\/hello.py": not found$/,
    );
    expect(o.error!.message).toContain(
      'Dockerfile:2\n--------------------\n   1 |     FROM alpine:3.20\n   2 | >>> COPY hello.py /',
    );
    const legacy = await run(backend(), 'FROM alpine:3.20\nCOPY hello.py /', files, { builder: 'legacy' });
    expect(legacy.error!.message).toBe(
      'COPY failed: file not found in build context or excluded by .dockerignore: stat hello.py: file does not exist',
    );
  });

  it('cannot reach outside the context', async () => {
    const o = await run(backend(), 'FROM alpine:3.20\nCOPY ../../etc/shadow /x', files);
    expect(o.error!.message).toContain('"/etc/shadow": not found');
    const link: ContextFile[] = [
      ...files,
      { path: 'escape', type: 'symlink', mode: 0o777, target: '/etc/passwd' },
    ];
    const viaLink = await run(backend(), 'FROM alpine:3.20\nCOPY escape /x', link);
    expect(viaLink.error!.message).toContain('"/escape": not found');
    const inside: ContextFile[] = [
      ...files,
      { path: 'alias.py', type: 'symlink', mode: 0o777, target: '../app.py' },
    ];
    expect((await copy('COPY alias.py /x', inside)).fs.readFile('/x').toString()).toBe('print(1)\n');
  });

  it('copies from another stage and from an image', async () => {
    const b = backend();
    const o = await run(
      b,
      'FROM alpine:3.20 AS build\nRUN mkdir -p /out && echo bin > /out/app\nFROM alpine:3.20\n' +
        'COPY --from=build /out/app /usr/bin/app\nCOPY --from=nginx:alpine /etc/nginx/nginx.conf /nginx.conf',
    );
    const fs = b.fs(o.imageId!);
    expect(fs.readFile('/usr/bin/app').toString()).toBe('bin\n');
    expect(fs.readFile('/nginx.conf').toString()).toBe('events {}\n');
  });

  it('refuses a URL source', async () => {
    const o = await run(backend(), 'FROM alpine:3.20\nCOPY https://example.com/a /a');
    expect(o.error!.message).toContain("failed to solve: source can't be a URL for COPY");
  });
});

describe('ADD', () => {
  it('unpacks a local tar archive (gzip too) into the destination', async () => {
    const tar = writeTar([
      { path: 'site', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 1 },
      {
        path: 'site/index.html',
        type: 'file',
        mode: 0o644,
        uid: 0,
        gid: 0,
        mtime: 1,
        content: Buffer.from('<h1>hi</h1>'),
      },
    ]);
    const ctx: ContextFile[] = [
      { path: 'site.tar.gz', type: 'file', mode: 0o644, content: gzipSync(tar) },
      { path: 'plain.txt', type: 'file', mode: 0o644, content: Buffer.from('x') },
    ];
    const b = backend();
    const o = await run(b, 'FROM alpine:3.20\nADD site.tar.gz /srv/\nADD plain.txt /srv/', ctx);
    const fs = b.fs(o.imageId!);
    expect(fs.readFile('/srv/site/index.html').toString()).toBe('<h1>hi</h1>');
    expect(fs.readFile('/srv/plain.txt').toString()).toBe('x');
    const copied = await run(backend(), 'FROM alpine:3.20\nCOPY site.tar.gz /srv/', ctx);
    expect(copied.error).toBeUndefined();
  });

  it('refuses to download a URL: dockersim is offline', async () => {
    const o = await run(backend(), 'FROM alpine:3.20\nADD https://example.com/app.tgz /app/');
    expect(o.error!.message).toContain(
      'failed to solve: failed to load cache key: Get "https://example.com/app.tgz": dockersim works offline',
    );
  });
});
