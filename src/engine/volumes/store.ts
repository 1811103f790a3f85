import type { Volume } from '../../api/containers.js';
import { conflict, EngineError, invalidParameter, notFound } from '../../api/errors.js';
import { decodeFiles, encodeFiles, type FileEntry, fileSize, type StoredFile } from '../../fs/files.js';
import type { StateStore } from '../../store/index.js';

/** Docker marks volumes it made for `-v /path` and image VOLUMEs with this label. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const LOCAL_OPTIONS = ['type', 'device', 'o', 'size'];

/** What `volumes/<name>/volume.json` keeps about a volume. */
interface VolumeMeta {
  Name: string;
  Driver: string;
  CreatedAt: string;
  Labels: Record<string, string> | null;
  Options: Record<string, string> | null;
}

export function mountpointOf(name: string): string {
  return `/var/lib/docker/volumes/${name}/_data`;
}

export function isAnonymous(v: Pick<Volume, 'Labels'>): boolean {
  return v.Labels !== null && ANONYMOUS_LABEL in v.Labels;
}

/** The local driver's rule for names (docker's message, which hints at host paths). */
export function checkVolumeName(name: string): void {
  if (!NAME_RE.test(name)) {
    throw invalidParameter(
      `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
}

/**
 * Volumes of the local driver, laid out as /var/lib/docker/volumes: `volumes/<name>/volume.json`
 * (driver, labels, options) and `volumes/<name>/_data/files.json`, the volume's files kept as a
 * layer keeps them (never as real files).
 */
export class VolumeStore {
  constructor(private readonly store: StateStore) {}

  private meta(name: string): string {
    return `volumes/${name}/volume.json`;
  }

  private data(name: string): string {
    return `volumes/${name}/_data/files.json`;
  }

  names(): string[] {
    return this.store.list('volumes').filter((n) => NAME_RE.test(n) && this.store.exists(this.meta(n)));
  }

  lookup(name: string): Volume | undefined {
    if (!NAME_RE.test(name)) return undefined;
    const text = this.store.readText(this.meta(name));
    if (!text) return undefined;
    const m = JSON.parse(text) as VolumeMeta;
    return {
      CreatedAt: m.CreatedAt,
      Driver: m.Driver,
      Labels: m.Labels,
      Mountpoint: mountpointOf(m.Name),
      Name: m.Name,
      Options: m.Options,
      Scope: 'local',
    };
  }

  get(name: string): Volume {
    const v = this.lookup(name);
    if (!v) throw notFound(`get ${name}: no such volume`);
    return v;
  }

  all(): Volume[] {
    return this.names().flatMap((n) => this.lookup(n) ?? []);
  }

  /** Makes a volume, or returns the one of that name (as `docker volume create` does). */
  create(
    name: string,
    opts: { driver?: string; options?: Record<string, string>; labels?: Record<string, string> | null },
    createdAt: string,
  ): Volume {
    checkVolumeName(name);
    const driver = opts.driver || 'local';
    const existing = this.lookup(name);
    if (existing) {
      if (existing.Driver !== driver)
        throw conflict(`volume ${name} already exists with driver ${existing.Driver}`);
      return existing;
    }
    if (driver !== 'local')
      throw notFound(`error looking up volume plugin ${driver}: plugin "${driver}" not found`);
    for (const key of Object.keys(opts.options ?? {}))
      if (!LOCAL_OPTIONS.includes(key)) throw invalidParameter(`invalid option: "${key}"`);
    const meta: VolumeMeta = {
      Name: name,
      Driver: driver,
      CreatedAt: createdAt,
      Labels: opts.labels && Object.keys(opts.labels).length ? opts.labels : null,
      Options: opts.options && Object.keys(opts.options).length ? opts.options : null,
    };
    this.store.writeJson(this.meta(name), meta);
    this.store.writeText(this.data(name), '[]');
    return this.get(name);
  }

  /** Removes a volume nobody uses; `users` are the IDs of the containers that mount it. */
  remove(name: string, users: string[]): void {
    this.get(name);
    if (users.length) throw conflict(`remove ${name}: volume is in use - [${users.join(' ')}]`);
    this.store.remove(`volumes/${name}`);
  }

  files(name: string): FileEntry[] {
    const text = this.store.readText(this.data(name));
    if (text === undefined) throw new EngineError('system', `volume ${name} has no data`);
    return decodeFiles(JSON.parse(text) as StoredFile[]);
  }

  saveFiles(name: string, files: FileEntry[]): void {
    if (!this.lookup(name)) return;
    this.store.writeText(this.data(name), JSON.stringify(encodeFiles(files)));
  }

  /** Bytes of file content in a volume (what `system df` and prune report). */
  size(name: string): number {
    try {
      return this.files(name).reduce((n, f) => n + fileSize(f), 0);
    } catch {
      return 0;
    }
  }
}
