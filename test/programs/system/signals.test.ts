import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../src/programs/types.js';
import { hostFs, hostSystem, MOUNTINFO } from './baseline.js';
import { alpineFs, webSystem } from './containers.js';
import { busybox, gnu } from './golden.js';
import { type CtxOptions, makeCtx, run } from './helpers.js';

async function onHost(argv: string[], o: CtxOptions = {}) {
  return run(gnu(argv[0]!), makeCtx(argv, hostSystem({ self: argv }), { fs: hostFs(), ...o }));
}

async function inWeb(argv: string[], o: CtxOptions = {}) {
  return run(busybox(argv[0]!), makeCtx(argv, webSystem(argv), { fs: alpineFs(), ...o }));
}

const signals = (events: TimelineEvent[]) =>
  events.filter((e) => e.kind === 'signal' || e.kind === 'nsenter');

describe('procps kill', () => {
  it('asks the engine to deliver SIGTERM to a visible PID', async () => {
    const r = await onHost(['kill', '2323']);
    expect(signals(r.run.events)).toEqual([{ at: 0, kind: 'signal', pid: 2323, signal: 'SIGTERM' }]);
    expect(r.code).toBe(0);
  });

  it('-9, -KILL, -s HUP, and several PIDs; a missing one fails the whole command', async () => {
    expect(signals((await onHost(['kill', '-9', '2233'])).run.events)).toEqual([
      { at: 0, kind: 'signal', pid: 2233, signal: 'SIGKILL' },
    ]);
    expect(signals((await onHost(['kill', '-SIGKILL', '2233'])).run.events)[0]).toMatchObject({
      signal: 'SIGKILL',
    });
    expect(signals((await onHost(['kill', '-s', 'HUP', '1032'])).run.events)[0]).toMatchObject({
      pid: 1032,
      signal: 'SIGHUP',
    });
    const r = await onHost(['kill', '2290', '99999', '2291']);
    expect(signals(r.run.events).map((e) => (e.kind === 'signal' ? e.pid : 0))).toEqual([2290, 2291]);
    expect(r).toMatchObject({ stderr: 'kill: (99999): No such process\n', code: 1 });
  });

  it("signal 0 only checks; another user's process is not allowed", async () => {
    expect(signals((await onHost(['kill', '-0', '1'])).run.events)).toEqual([]);
    const r = await onHost(['kill', '1'], { uid: 1000 });
    expect(r).toMatchObject({ stderr: 'kill: (1): Operation not permitted\n', code: 1 });
  });

  it('-l, -l N, -L, and usage errors', async () => {
    expect((await onHost(['kill', '-l'])).stdout).toBe(
      'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\n' +
        'CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n',
    );
    expect((await onHost(['kill', '-l', '9'])).stdout).toBe('KILL\n');
    expect((await onHost(['kill', '-l', 'TERM'])).stdout).toBe('15\n');
    expect((await onHost(['kill', '-L'])).stdout.split('\n')[0]).toBe(
      ' 1 HUP      2 INT      3 QUIT     4 ILL      5 TRAP     6 ABRT     7 BUS',
    );
    const none = await onHost(['kill']);
    expect(none.stderr.startsWith('\nUsage:\n kill [options] <pid> [...]\n')).toBe(true);
    expect(none.code).toBe(1);
    expect(await onHost(['kill', 'abc'])).toMatchObject({
      stderr: "kill: failed to parse argument: 'abc'\n",
      code: 1,
    });
  });
});

describe('BusyBox kill', () => {
  it('signals PIDs of the container namespace', async () => {
    const r = await inWeb(['kill', '-HUP', '1']);
    expect(signals(r.run.events)).toEqual([{ at: 0, kind: 'signal', pid: 1, signal: 'SIGHUP' }]);
  });

  it('its own error words; the exit status counts failures', async () => {
    expect(await inWeb(['kill', '2233'])).toMatchObject({
      stderr: "kill: can't kill pid 2233: No such process\n",
      code: 1,
    });
    expect(await inWeb(['kill', '-FOO', '1'])).toMatchObject({
      stderr: "kill: bad signal name 'FOO'\n",
      code: 1,
    });
    expect(await inWeb(['kill'])).toMatchObject({
      stderr: 'kill: you need to specify whom to kill\n',
      code: 1,
    });
    expect((await inWeb(['kill', '-l'])).stdout.split('\n').slice(0, 2)).toEqual([' 1) HUP', ' 2) INT']);
  });
});

describe('nsenter', () => {
  it("asks the engine to run the command in the target's namespaces", async () => {
    const r = await onHost(['nsenter', '-t', '2323', '-m', '-u', '-i', '-n', '-p', 'ps']);
    expect(signals(r.run.events)).toEqual([
      { at: 0, kind: 'nsenter', pid: 2323, namespaces: ['ipc', 'uts', 'net', 'pid', 'mnt'], argv: ['ps'] },
    ]);
    expect(r.code).toBe(0);
  });

  it('-a joins every namespace but the shared user one; no program means a shell', async () => {
    const r = await onHost(['nsenter', '-a', '-t', '2233'], { env: { SHELL: '/bin/bash' } });
    expect(signals(r.run.events)).toEqual([
      {
        at: 0,
        kind: 'nsenter',
        pid: 2233,
        namespaces: ['cgroup', 'ipc', 'uts', 'net', 'pid', 'mnt', 'time'],
        argv: ['/bin/bash'],
      },
    ]);
  });

  it('--net=FILE finds the namespace a /run/docker/netns mount holds', async () => {
    const fs = hostFs();
    fs.writeFile('/proc/self/mountinfo', MOUNTINFO);
    const r = await onHost(['nsenter', '--net=/run/docker/netns/a81f3d6c2e90', 'ip', 'addr'], { fs });
    expect(signals(r.run.events)).toEqual([
      { at: 0, kind: 'nsenter', pid: 2323, namespaces: ['net'], argv: ['ip', 'addr'] },
    ]);
  });

  it('util-linux error texts', async () => {
    expect(await onHost(['nsenter', '-t', '99999', '-n', 'ip', 'a'])).toMatchObject({
      stderr: 'nsenter: cannot open /proc/99999/ns/net: No such file or directory\n',
      code: 1,
    });
    expect(await onHost(['nsenter', '-t', '99999', '-m', '-u'])).toMatchObject({
      stderr: 'nsenter: cannot open /proc/99999/ns/uts: No such file or directory\n',
    });
    expect(await onHost(['nsenter', '-n', 'ls'])).toMatchObject({
      stderr: 'nsenter: neither filename nor target pid supplied for ns/net\n',
    });
    expect(await onHost(['nsenter', '-a', 'ls'])).toMatchObject({
      stderr: 'nsenter: no target PID specified for --all\n',
    });
    expect(await onHost(['nsenter', '-t', '2323', '-n', 'ls'], { uid: 1000 })).toMatchObject({
      stderr: 'nsenter: cannot open /proc/2323/ns/net: Permission denied\n',
      code: 1,
    });
  });

  it('BusyBox nsenter', async () => {
    expect(await inWeb(['nsenter', '-t', '5', '-m', 'sh'])).toMatchObject({
      stderr: "nsenter: can't open '/proc/5/ns/mnt': No such file or directory\n",
      code: 1,
    });
    const r = await inWeb(['nsenter', '-t', '1', '-n', '-u', 'hostname']);
    expect(signals(r.run.events)).toEqual([
      { at: 0, kind: 'nsenter', pid: 1, namespaces: ['uts', 'net'], argv: ['hostname'] },
    ]);
  });
});
