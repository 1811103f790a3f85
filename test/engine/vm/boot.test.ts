import { describe, expect, it } from 'vitest';
import { bootTimeline, PREALLOC_MS_PER_GIB } from '../../../src/engine/vm/boot.js';
import { GUEST } from '../../../src/engine/vm/guest.js';

const GiB = 1024 ** 3;
const config = (memory: number, cpus = 2) => ({ name: 'web', memory, cpus, diskVirtual: 20e9 });

describe('a VM boot timeline', () => {
  it('takes tens of seconds from power-on to the login prompt, in order', () => {
    const boot = bootTimeline(config(2 * GiB));
    expect(boot.times.loginAt).toBeGreaterThan(10_000);
    expect(boot.times.loginAt).toBeLessThan(60_000);
    const ats = boot.lines.map((l) => l.at);
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);
    expect(boot.lines.at(-1)).toEqual({ at: boot.times.loginAt, text: 'web login: ' });
    expect(boot.times.kernelAt).toBeLessThan(boot.times.systemdAt);
    expect(boot.times.sshAt).toBeLessThan(boot.times.nginxAt);
    expect(boot.times.nginxAt).toBeLessThan(boot.times.loginAt);
  });

  it("boots the guest's own kernel, with kernel timestamps from its own start", () => {
    const lines = bootTimeline(config(2 * GiB)).lines.map((l) => l.text);
    expect(lines).toContain(`Loading Linux ${GUEST.kernelRelease} ...`);
    expect(lines.find((l) => l.includes('Linux version'))).toMatch(
      /^\[ {4}0\.000000\] Linux version 6\.1\.0-28-amd64 /,
    );
    expect(lines.find((l) => l.includes('smpboot'))).toContain('Allowing 2 CPUs');
  });

  it('takes longer and reports more memory when the VM is given more', () => {
    const small = bootTimeline(config(2 * GiB));
    const big = bootTimeline(config(4 * GiB));
    expect(big.times.loginAt - small.times.loginAt).toBeGreaterThanOrEqual(2 * PREALLOC_MS_PER_GIB);
    const mem = (b: typeof small) => b.lines.find((l) => l.text.includes('Memory:'))!.text;
    expect(mem(small)).toMatch(/\/2096128K available/);
    expect(mem(big)).toMatch(/\/4193280K available/);
  });
});
