import { describe, expect, it } from 'vitest';
import { hostFs, hostSystem } from './baseline.js';
import { alpineFs, dbSystem, debianFs, webSystem } from './containers.js';
import { busybox, gnu, golden } from './golden.js';
import { type CtxOptions, makeCtx, run } from './helpers.js';

async function onHost(name: string, args: string[], o: CtxOptions = {}) {
  const argv = [name, ...args];
  return run(gnu(name), makeCtx(argv, hostSystem({ self: argv }), { fs: hostFs(), ...o }));
}

describe('procps free (host-kernel.md 2.15)', () => {
  it('KiB, -m and -h as the document shows them', async () => {
    expect((await onHost('free', [])).stdout).toBe(golden('free.txt'));
    expect((await onHost('free', ['-m'])).stdout).toBe(golden('free-m.txt'));
    expect((await onHost('free', ['-h'])).stdout).toBe(golden('free-h.txt'));
  });

  it("inside a container: the host's numbers", async () => {
    const r = await run(gnu('free'), makeCtx(['free'], dbSystem(['free']), { fs: debianFs() }));
    expect(r.stdout).toBe(golden('free.txt'));
  });

  it('-w, -t, -g, -b and --si', async () => {
    expect((await onHost('free', ['-w', '-t'])).stdout).toBe(
      '               total        used        free      shared     buffers       cache   available\n' +
        'Mem:         8135116     1029656     5210344        3104      120788     2130836     7105460\n' +
        'Swap:              0           0           0\n' +
        'Total:       8135116     1029656     5210344\n',
    );
    expect((await onHost('free', ['-g'])).stdout.split('\n')[1]).toBe(
      'Mem:               7           0           4           0           2           6',
    );
    expect((await onHost('free', ['--si', '-h'])).stdout.split('\n')[1]).toBe(
      'Mem:            8.3G        1.1G        5.3G        3.2M        2.3G        7.3G',
    );
  });

  it('usage errors', async () => {
    const r = await onHost('free', ['-x']);
    expect(r.stderr.startsWith("free: invalid option -- 'x'\n\nUsage:\n free [options]\n")).toBe(true);
    expect(r.code).toBe(1);
    expect(await onHost('free', ['-m', '-g'])).toMatchObject({
      stderr: "free: Multiple unit options don't make sense.\n",
      code: 1,
    });
  });
});

describe('BusyBox free', () => {
  it('its own header and labels, used = total - free - buff/cache', async () => {
    const r = await run(busybox('free'), makeCtx(['free'], webSystem(['free']), { fs: alpineFs() }));
    expect(r.stdout).toBe(
      '              total        used        free      shared  buff/cache   available\n' +
        'Mem:        8135116      673148     5210344        3104     2251624     7105460\n' +
        'Swap:             0           0           0\n',
    );
  });

  it('-h scales each number', async () => {
    const r = await run(
      busybox('free'),
      makeCtx(['free', '-h'], webSystem(['free', '-h']), { fs: alpineFs() }),
    );
    expect(r.stdout.split('\n')[1]).toBe(
      'Mem:           7.8G      657.4M        5.0G        3.0M        2.1G        6.8G',
    );
  });
});

describe('procps top and uptime', () => {
  it('top -b -n1: header lines and an 80-column task table', async () => {
    const r = await onHost('top', ['-b', '-n1']);
    expect(r.stdout).toBe(golden('top-b-n1.txt'));
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('top - 11:00:00 up  1:48,  1 user,  load average: 0.08, 0.03, 0.01');
    expect(lines[2]).toBe('%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st ');
    expect(lines[6]).toBe('    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND  ');
    expect(lines.slice(6, -1).every((l) => l.length === 80)).toBe(true);
  });

  it('interactive top without a terminal fails at once', async () => {
    expect(await onHost('top', [])).toMatchObject({ stderr: 'top: failed tty get\n', code: 1, stdout: '' });
  });

  it('top option errors', async () => {
    expect(await onHost('top', ['-b', '-n', 'x'])).toMatchObject({
      stderr: "top: bad iterations argument 'x'\n",
      code: 1,
    });
    expect(await onHost('top', ['-b', '-d', 'x'])).toMatchObject({
      stderr: "top: bad delay interval 'x'\n",
      code: 1,
    });
  });

  it('-n 2 prints a second frame a delay later', async () => {
    const r = await onHost('top', ['-b', '-n', '2', '-d', '1', '-p', '1']);
    const frames = r.stdout.split('\n\ntop - ');
    expect(frames).toHaveLength(2);
    expect(frames[1]!.startsWith('11:00:01 up  1:48')).toBe(true);
    expect(r.run.events.at(-1)).toEqual({ at: 1001, kind: 'exit', code: 0 });
  });

  it('uptime in procps 4.0.4 words', async () => {
    expect((await onHost('uptime', [])).stdout).toBe(
      ' 11:00:00 up  1:48,  1 user,  load average: 0.08, 0.03, 0.01\n',
    );
    expect((await onHost('uptime', ['-p'])).stdout).toBe('up 1 hour, 48 minutes\n');
    expect((await onHost('uptime', ['-s'])).stdout).toBe('2026-11-23 09:12:00\n');
    const inside = await run(gnu('uptime'), makeCtx(['uptime'], dbSystem(['uptime']), { fs: debianFs() }));
    expect(inside.stdout).toBe(' 11:00:00 up  1:48,  0 user,  load average: 0.08, 0.03, 0.01\n');
  });
});

describe('BusyBox top (host-kernel.md 3.2)', () => {
  it('top -b -n 1 inside the web container', async () => {
    const argv = ['top', '-b', '-n', '1'];
    const r = await run(busybox('top'), makeCtx(argv, webSystem(argv), { fs: alpineFs() }));
    expect(r.stdout).toBe(golden('busybox-top-web.txt'));
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Mem: 2924772K used, 5210344K free, 3104K shrd, 120788K buff, 2130836K cached');
    expect(lines[1]).toBe('CPU:  0.0% usr  0.0% sys  0.0% nic  100% idle  0.0% io  0.0% irq  0.0% sirq');
    expect(lines[3]).toBe('  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND');
    expect(r.stdout.endsWith('\n\n')).toBe(true);
  });

  it('BusyBox uptime', async () => {
    const r = await run(busybox('uptime'), makeCtx(['uptime'], webSystem(['uptime']), { fs: alpineFs() }));
    expect(r.stdout).toBe(' 11:00:00 up  1:48,  0 users,  load average: 0.08, 0.03, 0.01\n');
  });
});
