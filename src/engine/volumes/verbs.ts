import type { Volume, VolumeCreateRequest, VolumePruneReport } from '../../api/containers.js';
import { invalidParameter } from '../../api/errors.js';
import type { Filters } from '../../api/images.js';
import type { StateStore } from '../../store/index.js';
import { generateId } from '../../util/ids.js';
import type { Random } from '../../util/random.js';
import type { ContainerRecord } from '../containers/record.js';
import type { ContainerStore } from '../containers/store.js';
import type { EventLog } from '../events.js';
import { isAnonymous, VolumeStore } from './store.js';

/** RFC 3339 to the second, as the local driver dates a volume. */
export function volumeTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** IDs of the containers (running or not) that mount a volume. */
export function volumeUsers(containers: ContainerStore, name: string): string[] {
  return containers
    .all()
    .filter((c) => c.MountPoints.some((m) => m.Type === 'volume' && m.Name === name))
    .map((c) => c.ID);
}

export interface VolumeContext {
  volumes: VolumeStore;
  containers: ContainerStore;
  /** Where `volume create`/`destroy` events go (none when a container's `--rm` removes them). */
  events?: EventLog;
  random: Random;
  now: number;
}

/** `POST /volumes/create`: a named volume, or one named with 64 hex digits. */
export function createVolume(ctx: VolumeContext, req: VolumeCreateRequest): Volume {
  const name = req.Name || generateId(ctx.random);
  const existed = ctx.volumes.lookup(name) !== undefined;
  const v = ctx.volumes.create(
    name,
    { driver: req.Driver, options: req.DriverOpts, labels: req.Labels ?? null },
    volumeTime(ctx.now),
  );
  if (!existed) ctx.events?.emit('volume', 'create', name, { driver: v.Driver }, ctx.now);
  return v;
}

function labelMatches(labels: Record<string, string> | null, want: string): boolean {
  const eq = want.indexOf('=');
  if (eq < 0) return labels !== null && want in labels;
  return labels?.[want.slice(0, eq)] === want.slice(eq + 1);
}

function isBool(v: string): boolean | undefined {
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}

/** `GET /volumes?filters=…` */
export function listVolumes(
  ctx: Pick<VolumeContext, 'volumes' | 'containers'>,
  filters: Filters = {},
): Volume[] {
  for (const key of Object.keys(filters))
    if (!['dangling', 'driver', 'label', 'name'].includes(key))
      throw invalidParameter(`invalid filter '${key}'`);
  for (const v of filters.dangling ?? [])
    if (isBool(v) === undefined) throw invalidParameter(`invalid filter 'dangling=${v}'`);
  const any = (key: string, test: (v: string) => boolean) =>
    !filters[key]?.length || filters[key]!.some(test);
  return ctx.volumes
    .all()
    .filter(
      (v) =>
        any('driver', (d) => v.Driver === d) &&
        any('name', (n) => v.Name.includes(n)) &&
        any('label', (l) => labelMatches(v.Labels, l)) &&
        any('dangling', (d) => isBool(d) === (volumeUsers(ctx.containers, v.Name).length === 0)),
    );
}

/** `DELETE /volumes/{name}`; `force` forgives a missing volume. */
type Removing = Pick<VolumeContext, 'volumes' | 'containers' | 'events' | 'now'>;

export function removeVolume(ctx: Removing, name: string, force = false): void {
  if (force && !ctx.volumes.lookup(name)) return;
  ctx.volumes.remove(name, volumeUsers(ctx.containers, name));
  ctx.events?.emit('volume', 'destroy', name, { driver: 'local' }, ctx.now);
}

/** `POST /volumes/prune`: unused anonymous volumes (every unused volume with `all`). */
export function pruneVolumes(ctx: VolumeContext, all: boolean, filters: Filters = {}): VolumePruneReport {
  for (const key of Object.keys(filters))
    if (key !== 'label' && key !== 'all') throw invalidParameter(`invalid filter '${key}'`);
  const everything = all || (filters.all ?? []).some((v) => isBool(v) === true);
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const v of ctx.volumes.all()) {
    if (!everything && !isAnonymous(v)) continue;
    if (!(filters.label ?? []).every((l) => labelMatches(v.Labels, l))) continue;
    if (volumeUsers(ctx.containers, v.Name).length) continue;
    reclaimed += ctx.volumes.size(v.Name);
    removeVolume(ctx, v.Name);
    deleted.push(v.Name);
  }
  return { VolumesDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed };
}

/** `system df`'s volumes: each with its size and how many containers mount it. */
export function volumeUsage(ctx: Pick<VolumeContext, 'volumes' | 'containers'>): Volume[] {
  return ctx.volumes.all().map((v) => ({
    ...v,
    UsageData: { Size: ctx.volumes.size(v.Name), RefCount: volumeUsers(ctx.containers, v.Name).length },
  }));
}

/** Anonymous volumes of a removed container (`rm -v`, `--rm`) that nothing else mounts. */
export function removeAnonymousVolumes(ctx: Removing, names: string[]): void {
  for (const name of names) {
    const v = ctx.volumes.lookup(name);
    if (!v || !isAnonymous(v) || volumeUsers(ctx.containers, name).length) continue;
    removeVolume(ctx, name);
  }
}

/** The anonymous volumes a removed container leaves behind (no events: `--rm` and `rm -v`). */
export function removeContainerVolumes(
  store: StateStore,
  containers: ContainerStore,
  rec: ContainerRecord,
): void {
  const names = rec.MountPoints.filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name!);
  if (!names.length) return;
  removeAnonymousVolumes({ volumes: new VolumeStore(store), containers, now: 0 }, names);
}
