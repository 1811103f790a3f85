/**
 * The simulated Linux machine Docker runs on. One fixed, documented host, so that every view
 * (`docker info`, host `uname`, `free`, `/proc`) agrees and outputs are reproducible.
 */
export interface HostSpec {
  hostname: string;
  kernelRelease: string;
  kernelVersion: string;
  machine: string;
  operatingSystem: string;
  osVersion: string;
  cpus: number;
  /** Total memory in bytes (MemTotal). */
  memTotal: number;
  /** `pid_max`, which decides the width of procps' PID columns. */
  pidMax: number;
  /** Host-wide boot time offset before the simulation's start (seconds of uptime at start). */
  uptimeAtStart: number;
}

export const DEFAULT_HOST: HostSpec = {
  hostname: 'docker-host',
  kernelRelease: '6.8.0-45-generic',
  kernelVersion: '#45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024',
  machine: 'x86_64',
  operatingSystem: 'Ubuntu 24.04.1 LTS',
  osVersion: '24.04',
  cpus: 4,
  memTotal: 8135116 * 1024,
  pidMax: 4194304,
  uptimeAtStart: 3600,
};
