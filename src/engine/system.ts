import type { SystemInfo, SystemVersion } from '../api/system.js';
import type { HostSpec } from '../kernel/host.js';
import { ENGINE } from './versions.js';

/**
 * Docker Desktop's release that ships Engine 28.2.2; its `docker version` names it on the Server
 * line, the Engine inside it still being a linux one.
 */
export const DESKTOP_RELEASE = 'Docker Desktop 4.42.0 (195023)';

export function buildVersion(host: HostSpec): SystemVersion {
  return {
    Platform: { Name: host.desktop ? DESKTOP_RELEASE : 'Docker Engine - Community' },
    Components: [
      {
        Name: 'Engine',
        Version: ENGINE.version,
        Details: {
          ApiVersion: ENGINE.apiVersion,
          Arch: 'amd64',
          BuildTime: ENGINE.buildTime,
          Experimental: 'false',
          GitCommit: ENGINE.gitCommit,
          GoVersion: ENGINE.goVersion,
          KernelVersion: host.kernelRelease,
          MinAPIVersion: ENGINE.minApiVersion,
          Os: 'linux',
        },
      },
      {
        Name: 'containerd',
        Version: ENGINE.containerd.version,
        Details: { GitCommit: ENGINE.containerd.commit },
      },
      { Name: 'runc', Version: ENGINE.runc.version, Details: { GitCommit: ENGINE.runc.commit } },
      { Name: 'docker-init', Version: ENGINE.init.version, Details: { GitCommit: ENGINE.init.commit } },
    ],
    Version: ENGINE.version,
    ApiVersion: ENGINE.apiVersion,
    MinAPIVersion: ENGINE.minApiVersion,
    GitCommit: ENGINE.gitCommit,
    GoVersion: ENGINE.goVersion,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: host.kernelRelease,
    BuildTime: ENGINE.buildTime,
  };
}

export interface InfoCounts {
  containers: { running: number; paused: number; stopped: number };
  images: number;
  systemTime: string;
  id: string;
}

export function buildInfo(host: HostSpec, counts: InfoCounts): SystemInfo {
  const { running, paused, stopped } = counts.containers;
  return {
    ID: counts.id,
    Containers: running + paused + stopped,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: stopped,
    Images: counts.images,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    },
    MemoryLimit: true,
    SwapLimit: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 28,
    NGoroutines: 44,
    SystemTime: counts.systemTime,
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: host.kernelRelease,
    OperatingSystem: host.operatingSystem,
    OSVersion: host.osVersion,
    OSType: 'linux',
    Architecture: host.machine,
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: { InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'], Mirrors: [] },
    NCPU: host.cpus,
    MemTotal: host.memTotal,
    DockerRootDir: '/var/lib/docker',
    Name: host.hostname,
    // Docker Desktop labels its engine with where the desktop app's socket is.
    Labels: host.desktop
      ? [
          `com.docker.desktop.address=${host.desktop === 'mac' ? 'unix:///Users/learner/Library/Containers/com.docker.docker/Data/docker-cli.sock' : 'npipe://\\\\.\\pipe\\docker_cli'}`,
        ]
      : [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE.version,
    Runtimes: { 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } },
    DefaultRuntime: 'runc',
    Swarm: { LocalNodeState: 'inactive' },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: ENGINE.containerd.commit },
    RuncCommit: { ID: ENGINE.runc.commit },
    InitCommit: { ID: ENGINE.init.commit },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    Warnings: null,
  };
}
