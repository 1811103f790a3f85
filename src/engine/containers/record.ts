import type {
  ContainerConfig,
  ContainerState,
  EndpointSettings,
  HostConfig,
  MountPoint,
} from '../../api/containers.js';
import { ZERO_TIME } from '../../util/text.js';

/**
 * A container as the engine keeps it: `containers/<id>/config.v2.json` (this record without the
 * host config) and `containers/<id>/hostconfig.json`, laid out as /var/lib/docker keeps them.
 */
export interface ContainerRecord {
  ID: string;
  Created: string;
  Path: string;
  Args: string[];
  Config: ContainerConfig;
  /** The image ID (`sha256:…`). */
  Image: string;
  Name: string;
  RestartCount: number;
  Driver: 'overlay2';
  State: ContainerState & { RemovalInProgress?: boolean; Health?: unknown };
  HostConfig: HostConfig;
  NetworkSettings: {
    Networks: Record<string, EndpointSettings>;
    SandboxID: string;
    Ports: Record<string, { HostIp: string; HostPort: string }[] | null>;
  };
  MountPoints: MountPoint[];
  /** The overlay2 directory of the container's writable layer. */
  RWLayer: string;
  /** Chain ID of the image's top layer the writable layer stands on. */
  ParentLayer: string;
  HasBeenStartedBefore: boolean;
  HasBeenManuallyStopped: boolean;
  /** dockersim: when the restart policy next fires (ms), while restarting. */
  RestartAt?: number;
  /** dockersim: the last restart back-off delay (ms). */
  RestartDelay?: number;
}

export function freshState(): ContainerRecord['State'] {
  return {
    Status: 'created',
    Running: false,
    Paused: false,
    Restarting: false,
    OOMKilled: false,
    Dead: false,
    Pid: 0,
    ExitCode: 0,
    Error: '',
    StartedAt: ZERO_TIME,
    FinishedAt: ZERO_TIME,
  };
}

export const MASKED_PATHS = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/interrupts',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
  '/sys/devices/virtual/powercap',
];

export const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** The host config the daemon stores: the client's values over docker's defaults. */
export function normalizeHostConfig(h: Partial<HostConfig>): HostConfig {
  return {
    Binds: h.Binds ?? null,
    ContainerIDFile: h.ContainerIDFile ?? '',
    LogConfig: { Type: h.LogConfig?.Type || 'json-file', Config: h.LogConfig?.Config ?? {} },
    NetworkMode: !h.NetworkMode || h.NetworkMode === 'default' ? 'bridge' : h.NetworkMode,
    PortBindings: h.PortBindings ?? {},
    RestartPolicy: {
      Name: h.RestartPolicy?.Name || 'no',
      MaximumRetryCount: h.RestartPolicy?.MaximumRetryCount ?? 0,
    },
    AutoRemove: h.AutoRemove ?? false,
    VolumeDriver: h.VolumeDriver ?? '',
    VolumesFrom: h.VolumesFrom ?? null,
    ConsoleSize: h.ConsoleSize ?? [0, 0],
    CapAdd: h.CapAdd ?? null,
    CapDrop: h.CapDrop ?? null,
    CgroupnsMode: h.CgroupnsMode || 'private',
    Dns: h.Dns ?? [],
    DnsOptions: h.DnsOptions ?? [],
    DnsSearch: h.DnsSearch ?? [],
    ExtraHosts: h.ExtraHosts ?? null,
    GroupAdd: h.GroupAdd ?? null,
    IpcMode: h.IpcMode || 'private',
    Cgroup: h.Cgroup ?? '',
    Links: h.Links ?? null,
    OomScoreAdj: h.OomScoreAdj ?? 0,
    PidMode: h.PidMode ?? '',
    Privileged: h.Privileged ?? false,
    PublishAllPorts: h.PublishAllPorts ?? false,
    ReadonlyRootfs: h.ReadonlyRootfs ?? false,
    SecurityOpt: h.SecurityOpt ?? null,
    ...(h.Tmpfs ? { Tmpfs: h.Tmpfs } : {}),
    UTSMode: h.UTSMode ?? '',
    UsernsMode: h.UsernsMode ?? '',
    ShmSize: h.ShmSize || 67108864,
    Runtime: 'runc',
    Isolation: '',
    CpuShares: h.CpuShares ?? 0,
    Memory: h.Memory ?? 0,
    NanoCpus: h.NanoCpus ?? 0,
    CgroupParent: h.CgroupParent ?? '',
    BlkioWeight: h.BlkioWeight ?? 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: h.CpuPeriod ?? 0,
    CpuQuota: h.CpuQuota ?? 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: h.CpusetCpus ?? '',
    CpusetMems: h.CpusetMems ?? '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    MemoryReservation: h.MemoryReservation ?? 0,
    MemorySwap: h.MemorySwap ?? 0,
    MemorySwappiness: null,
    OomKillDisable: h.OomKillDisable ?? null,
    PidsLimit: h.PidsLimit ?? null,
    Ulimits: [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    ...(h.Mounts ? { Mounts: h.Mounts } : {}),
    MaskedPaths: h.Privileged ? [] : MASKED_PATHS,
    ReadonlyPaths: h.Privileged ? [] : READONLY_PATHS,
    ...(h.Init !== undefined ? { Init: h.Init } : {}),
  };
}
