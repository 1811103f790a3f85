import { describe, expect, it } from 'vitest';
import { backend, context, run } from './helpers.js';

/** Each metadata instruction: the config it sets and the history BuildKit records for it. */
async function image(dockerfile: string, files = context()) {
  const b = backend();
  const o = await run(b, dockerfile, files);
  if (o.error) throw o.error;
  const img = b.images.get(o.imageId!)!;
  return { b, o, img, config: img.config, last: img.history[img.history.length - 1]! };
}

describe('metadata dispatchers', () => {
  it('ENV sets and replaces variables, expanding values', async () => {
    const { config, last } = await image('FROM alpine:3.20\nENV A=1\nENV B="$A two" A=3');
    expect(config.Env).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'A=3',
      'B=1 two',
    ]);
    expect(last).toMatchObject({
      created_by: 'ENV B=1 two A=3',
      comment: 'buildkit.dockerfile.v0',
      empty_layer: true,
    });
  });

  it('legacy ENV form', async () => {
    const { config, last } = await image('FROM alpine:3.20\nENV GREETING hello world');
    expect(config.Env).toContain('GREETING=hello world');
    expect(last.created_by).toBe('ENV GREETING=hello world');
  });

  it('LABEL, USER, STOPSIGNAL, VOLUME, MAINTAINER', async () => {
    const { img } = await image(
      'FROM alpine:3.20\nLABEL a=1 "b c"=2\nUSER app\nSTOPSIGNAL SIGQUIT\nVOLUME ["/data", "/logs"]\nMAINTAINER me',
    );
    expect(img.config).toMatchObject({
      Labels: { a: '1', 'b c': '2' },
      User: 'app',
      StopSignal: 'SIGQUIT',
      Volumes: { '/data': {}, '/logs': {} },
    });
    expect(img.history.slice(-5).map((h) => h.created_by)).toEqual([
      'LABEL a=1 b c=2',
      'USER app',
      'STOPSIGNAL SIGQUIT',
      'VOLUME [/data /logs]',
      'MAINTAINER me',
    ]);
  });

  it('EXPOSE normalizes ports and records Go map syntax', async () => {
    const { config, last } = await image('FROM alpine:3.20\nARG PORTS="80 8000-8001"\nEXPOSE $PORTS 443/udp');
    expect(Object.keys(config.ExposedPorts!)).toEqual(['443/udp', '80/tcp', '8000/tcp', '8001/tcp']);
    expect(last.created_by).toBe('EXPOSE map[443/udp:{} 80/tcp:{} 8000/tcp:{} 8001/tcp:{}]');
  });

  it('CMD and ENTRYPOINT in both forms', async () => {
    const exec = await image('FROM alpine:3.20\nCMD ["python", "app.py"]');
    expect(exec.config.Cmd).toEqual(['python', 'app.py']);
    expect(exec.last.created_by).toBe('CMD ["python" "app.py"]');
    const shell = await image('FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nCMD echo $HOME');
    expect(shell.config.Cmd).toEqual(['/bin/bash', '-c', 'echo $HOME']);
    const entry = await image('FROM alpine:3.20\nENTRYPOINT ["/bin/sh"]');
    expect(entry.config.Entrypoint).toEqual(['/bin/sh']);
    expect(entry.config.Cmd).toBeNull();
    expect(entry.last.created_by).toBe('ENTRYPOINT ["/bin/sh"]');
    const both = await image('FROM alpine:3.20\nCMD ["-c", "echo hi"]\nENTRYPOINT ["/bin/sh"]');
    expect(both.config.Cmd).toEqual(['-c', 'echo hi']);
  });

  it('HEALTHCHECK and SHELL', async () => {
    const { config, img } = await image(
      'FROM alpine:3.20\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -q localhost || exit 1\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]',
    );
    expect(config.Healthcheck).toEqual({
      Test: ['CMD-SHELL', 'wget -q localhost || exit 1'],
      Interval: 30e9,
      Timeout: 3e9,
      Retries: 3,
    });
    expect(config.Shell).toEqual(['/bin/ash', '-eo', 'pipefail', '-c']);
    expect(img.history.slice(-2).map((h) => h.created_by)).toEqual([
      `HEALTHCHECK &{["CMD-SHELL" "wget -q localhost || exit 1"] "30s" "3s" "0s" "0s" '\\x03'}`,
      'SHELL [/bin/ash -eo pipefail -c]',
    ]);
  });

  it('ONBUILD stores a trigger without running it', async () => {
    const { config, o } = await image('FROM alpine:3.20\nONBUILD RUN echo triggered');
    expect(config.OnBuild).toEqual(['RUN echo triggered']);
    expect(o.lines.join('\n')).not.toContain('triggered');
  });

  it('ARG records the value it took', async () => {
    const b = backend();
    const o = await run(b, 'FROM alpine:3.20\nARG A=1 B\nARG C=$A-x', [], { buildArgs: { B: 'given' } });
    const img = b.images.get(o.imageId!)!;
    expect(img.history.slice(-2).map((h) => h.created_by)).toEqual(['ARG A=1 B=given', 'ARG C=1-x']);
    expect(img.config.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
  });
});

describe('WORKDIR', () => {
  it('creates the directory as a layer, and joins relative paths', async () => {
    const { b, img, o } = await image('FROM alpine:3.20\nWORKDIR /app\nWORKDIR src\nWORKDIR ../lib');
    expect(img.config.WorkingDir).toBe('/app/lib');
    expect(b.fs(o.imageId!).stat('/app/src')?.type).toBe('dir');
    expect(img.history.slice(-3).map((h) => [h.created_by, h.empty_layer ?? false])).toEqual([
      ['WORKDIR /app', false],
      ['WORKDIR /app/src', false],
      ['WORKDIR /app/lib', false],
    ]);
  });

  it('makes no layer for a directory that exists', async () => {
    const { last } = await image('FROM alpine:3.20\nWORKDIR /etc');
    expect(last).toMatchObject({ created_by: 'WORKDIR /etc', empty_layer: true });
  });

  it('owns the directory by USER', async () => {
    const { b, o } = await image('FROM alpine:3.20\nUSER app\nWORKDIR /home/app/work');
    expect(b.fs(o.imageId!).stat('/home/app/work')).toMatchObject({ uid: 1000, gid: 1001 });
  });
});
