import type { DiffId } from './digest.js';

/** The runtime defaults an image carries (`config` in the image JSON; Config in inspect). */
export interface ContainerConfigSpec {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Healthcheck?: {
    Test: string[];
    Interval?: number;
    Timeout?: number;
    StartPeriod?: number;
    Retries?: number;
  };
  ArgsEscaped?: boolean;
  Volumes?: Record<string, Record<string, never>> | null;
  WorkingDir?: string;
  Labels?: Record<string, string> | null;
  OnBuild?: string[] | null;
  StopSignal?: string;
  Shell?: string[];
}

export interface HistoryEntry {
  created: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** The image JSON whose digest is the image ID (OCI image config with docker's extensions). */
export interface ImageConfig {
  architecture: string;
  author?: string;
  comment?: string;
  config: ContainerConfigSpec;
  container?: string;
  created: string;
  docker_version?: string;
  history: HistoryEntry[];
  os: string;
  rootfs: { type: 'layers'; diff_ids: DiffId[] };
}

/** Serialises a config with a stable key order, so the same image always has the same ID. */
export function serializeConfig(c: ImageConfig): string {
  const ordered: Record<string, unknown> = { architecture: c.architecture };
  if (c.author) ordered.author = c.author;
  if (c.comment) ordered.comment = c.comment;
  ordered.config = c.config;
  if (c.container) ordered.container = c.container;
  ordered.created = c.created;
  if (c.docker_version) ordered.docker_version = c.docker_version;
  ordered.history = c.history;
  ordered.os = c.os;
  ordered.rootfs = c.rootfs;
  return JSON.stringify(ordered);
}
