import { conflict, notFound } from '../../api/errors.js';
import { object, record, type StateStore, str } from '../../store/index.js';
import type { ContainerRecord } from './record.js';

const NAMES = 'containers/names.json';
const checkNames = object<{ names: Record<string, string> }>({ names: record(str) });
const checkRecord = object<ContainerRecord>({ ID: str, Name: str, Image: str, Created: str } as never);

/**
 * Containers, one folder each under `containers/`, and the name index that makes names unique.
 * Reading one container never reads the others; only listing walks the folder.
 */
export class ContainerStore {
  constructor(private readonly store: StateStore) {}

  private names(): Record<string, string> {
    return this.store.readJson(NAMES, checkNames)?.names ?? {};
  }

  ids(): string[] {
    return this.store.list('containers').filter((e) => /^[0-9a-f]{64}$/.test(e));
  }

  get(id: string): ContainerRecord | undefined {
    const rec = this.store.readJson(`containers/${id}/config.v2.json`, checkRecord);
    if (!rec) return undefined;
    const host = this.store.readJson(`containers/${id}/hostconfig.json`, object({}));
    return { ...rec, HostConfig: host as ContainerRecord['HostConfig'] };
  }

  save(rec: ContainerRecord): void {
    const { HostConfig, ...rest } = rec;
    this.store.writeJson(`containers/${rec.ID}/hostconfig.json`, HostConfig);
    this.store.writeJson(`containers/${rec.ID}/config.v2.json`, rest);
  }

  all(): ContainerRecord[] {
    return this.ids()
      .map((id) => this.get(id))
      .filter((r): r is ContainerRecord => r !== undefined);
  }

  /** Finds by full ID, name (with or without `/`), or unique ID prefix, as the daemon does. */
  lookup(ref: string): ContainerRecord | undefined {
    if (/^[0-9a-f]{64}$/.test(ref)) {
      const exact = this.get(ref);
      if (exact) return exact;
    }
    const byName = this.names()[ref.replace(/^\//, '')];
    if (byName) return this.get(byName);
    if (/^[0-9a-f]+$/.test(ref)) {
      const matches = this.ids().filter((id) => id.startsWith(ref));
      if (matches.length === 1) return this.get(matches[0]!);
      if (matches.length > 1) throw notFound(`No such container: ${ref}`);
    }
    return undefined;
  }

  find(ref: string): ContainerRecord {
    const rec = this.lookup(ref);
    if (!rec) throw notFound(`No such container: ${ref}`);
    return rec;
  }

  nameTaken(name: string): string | undefined {
    return this.names()[name];
  }

  /** Claims a name for a container; the caller holds the state lock. */
  reserveName(name: string, id: string): void {
    const names = this.names();
    const holder = names[name];
    if (holder && holder !== id) {
      throw conflict(
        `Conflict. The container name "/${name}" is already in use by container "${holder}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
    names[name] = id;
    this.store.writeJson(NAMES, { names });
  }

  releaseName(name: string): void {
    const names = this.names();
    delete names[name];
    this.store.writeJson(NAMES, { names });
  }

  remove(rec: ContainerRecord): void {
    this.releaseName(rec.Name.replace(/^\//, ''));
    this.store.remove(`containers/${rec.ID}`);
  }

  logPath(id: string): string {
    return `containers/${id}/${id}-json.log`;
  }
}
