import type { ContainerCreateRequest, MountPoint } from '../../api/containers.js';
import { invalidParameter, notFound } from '../../api/errors.js';
import type { StateStore } from '../../store/index.js';
import { generateId } from '../../util/ids.js';
import type { Random } from '../../util/random.js';
import type { ContainerStore } from '../containers/store.js';
import type { EventLog } from '../events.js';
import { parseBind, parseMount, type WantedMount } from './specs.js';
import { ANONYMOUS_LABEL, mountpointOf, VolumeStore } from './store.js';
import { volumeTime } from './verbs.js';

export interface MountDeps {
  store: StateStore;
  containers: ContainerStore;
  random: Random;
  events: EventLog;
  now: number;
  /** Names of the volumes made for this container (for `--explain`). */
  made?: string[];
}

function anonymous(target: string): WantedMount {
  return { type: 'volume', source: '', target, readOnly: false, mode: '', propagation: '', noCopy: false };
}

/** What a create request mounts, checked before anything is made. */
export interface MountPlan {
  wanted: WantedMount[];
  /** Mount points copied from `--volumes-from` containers. */
  inherited: MountPoint[];
}

/**
 * Checks `-v` and `--mount` (a duplicate target is an error), takes the mounts of
 * `--volumes-from` containers, and adds an anonymous volume for each VOLUME (the request's
 * and the image's) nothing else covers.
 */
export function planMounts(
  req: ContainerCreateRequest,
  imageVolumes: Record<string, unknown> | null | undefined,
  containers: ContainerStore,
): MountPlan {
  const wanted = [
    ...(req.hostConfig.Binds ?? []).map(parseBind),
    ...(req.hostConfig.Mounts ?? []).map(parseMount),
  ];
  const seen = new Set<string>();
  for (const w of wanted) {
    if (seen.has(w.target)) throw invalidParameter(`Duplicate mount point: ${w.target}`);
    seen.add(w.target);
  }
  const inherited: MountPoint[] = [];
  for (const ref of req.hostConfig.VolumesFrom ?? []) {
    const [name, mode] = ref.split(':') as [string, string | undefined];
    const from = containers.lookup(name);
    if (!from) throw notFound(`No such container: ${name}`);
    for (const m of from.MountPoints) {
      if (seen.has(m.Destination)) continue;
      seen.add(m.Destination);
      inherited.push({ ...m, RW: mode === 'ro' ? false : mode === 'rw' ? true : m.RW });
    }
  }
  for (const target of [...Object.keys(req.config.Volumes ?? {}), ...Object.keys(imageVolumes ?? {})]) {
    if (seen.has(target)) continue;
    seen.add(target);
    wanted.push(anonymous(target));
  }
  return { wanted, inherited };
}

/**
 * The mount points of a new container: named volumes made on first use, anonymous volumes
 * named with 64 hex digits (and labelled as anonymous), bind mounts as given; by destination.
 */
export function createMountPoints(plan: MountPlan, deps: MountDeps): MountPoint[] {
  const volumes = new VolumeStore(deps.store);
  const points = [...plan.inherited, ...plan.wanted.map((w) => materialize(w, volumes, deps))];
  return points.sort((a, b) => (a.Destination < b.Destination ? -1 : 1));
}

function materialize(w: WantedMount, volumes: VolumeStore, deps: MountDeps): MountPoint {
  const rw = !w.readOnly;
  if (w.type === 'bind')
    return {
      Type: 'bind',
      Source: w.source,
      Destination: w.target,
      Mode: w.mode,
      RW: rw,
      Propagation: w.propagation,
    };
  if (w.type === 'tmpfs')
    return { Type: 'tmpfs', Source: '', Destination: w.target, Mode: '', RW: rw, Propagation: '' };
  const name = w.source || generateId(deps.random);
  const labels = w.source ? (w.labels ?? null) : { [ANONYMOUS_LABEL]: '' };
  if (!volumes.lookup(name)) {
    volumes.create(
      name,
      { labels, ...(w.driverOptions ? { options: w.driverOptions } : {}) },
      volumeTime(deps.now),
    );
    deps.events.emit('volume', 'create', name, { driver: 'local' }, deps.now);
    deps.made?.push(name);
  }
  const mode = [w.mode, w.noCopy && !w.mode.includes('nocopy') ? 'nocopy' : ''].filter(Boolean).join(',');
  return {
    Type: 'volume',
    Name: name,
    Source: mountpointOf(name),
    Destination: w.target,
    Driver: 'local',
    Mode: mode,
    RW: rw,
    Propagation: '',
  };
}
