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
  /**
   * Set when this Linux machine is Docker Desktop's VM on a macOS or Windows computer: the engine
   * and its containers live in it, and the learner's own computer is outside.
   */
  desktop?: 'mac' | 'windows';
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

/**
 * Docker Desktop's Linux VM: LinuxKit under Apple's Virtualization framework on a Mac, the
 * `docker-desktop` WSL 2 distribution on Windows. `docker info` names it "Docker Desktop", and its
 * kernel is the one Docker ships (LinuxKit's) or Microsoft's WSL 2 kernel.
 */
export function desktopHost(kind: 'mac' | 'windows'): HostSpec {
  const mac = kind === 'mac';
  return {
    hostname: 'docker-desktop',
    kernelRelease: mac ? '6.10.14-linuxkit' : '5.15.167.4-microsoft-standard-WSL2',
    kernelVersion: mac
      ? '#1 SMP PREEMPT_DYNAMIC Thu Mar 20 16:32:56 UTC 2025'
      : '#1 SMP Tue Nov 5 00:21:55 UTC 2024',
    machine: 'x86_64',
    operatingSystem: 'Docker Desktop',
    osVersion: '',
    cpus: 4,
    memTotal: 8_024_342_528,
    pidMax: 4194304,
    uptimeAtStart: 1800,
    desktop: kind,
  };
}

/** The host `DOCKERSIM_DESKTOP` asks for (`mac` or `windows`), or the plain Linux host. */
export function hostFor(env: NodeJS.ProcessEnv): HostSpec {
  const d = env.DOCKERSIM_DESKTOP;
  if (!d) return DEFAULT_HOST;
  return desktopHost(d === 'windows' ? 'windows' : 'mac');
}
