import type { ContainerListOptions, ContainerSummary, Port } from '../../api/containers.js';
import { invalidParameter } from '../../api/errors.js';
import type { ImageServices } from '../images/services.js';
import type { ContainerRecord } from './record.js';
import { commandText, statusText } from './status.js';
import type { ContainerStore } from './store.js';

const FILTERS = [
  'ancestor',
  'before',
  'expose',
  'exited',
  'health',
  'id',
  'isolation',
  'is-task',
  'label',
  'name',
  'network',
  'publish',
  'since',
  'status',
  'volume',
];
const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

export function portsOf(rec: ContainerRecord): Port[] {
  if (!rec.State.Running) return [];
  const out: Port[] = [];
  const bound = rec.NetworkSettings.Ports ?? {};
  for (const key of Object.keys(rec.Config.ExposedPorts ?? {})) {
    if (!(key in bound)) {
      const [port, proto] = key.split('/');
      out.push({ PrivatePort: Number(port), Type: proto ?? 'tcp' });
    }
  }
  for (const [key, bindings] of Object.entries(bound)) {
    const [port, proto] = key.split('/');
    if (!bindings?.length) {
      out.push({ PrivatePort: Number(port), Type: proto ?? 'tcp' });
      continue;
    }
    for (const b of bindings)
      out.push({
        IP: b.HostIp,
        PrivatePort: Number(port),
        PublicPort: Number(b.HostPort),
        Type: proto ?? 'tcp',
      });
  }
  return out;
}

export function summarize(
  rec: ContainerRecord,
  now: number,
  sizeRw?: number,
  sizeRootFs?: number,
): ContainerSummary {
  return {
    Id: rec.ID,
    Names: [rec.Name],
    Image: rec.Config.Image,
    ImageID: rec.Image,
    Command: commandText(rec),
    Created: Math.floor(Date.parse(rec.Created) / 1000),
    Ports: portsOf(rec),
    ...(sizeRw !== undefined ? { SizeRw: sizeRw, SizeRootFs: sizeRootFs ?? 0 } : {}),
    Labels: rec.Config.Labels ?? {},
    State: rec.State.Status,
    Status: statusText(rec, now),
    HostConfig: { NetworkMode: rec.HostConfig.NetworkMode },
    NetworkSettings: { Networks: rec.NetworkSettings.Networks },
    Mounts: rec.MountPoints,
  };
}

function matchesAncestor(svc: ImageServices, rec: ContainerRecord, values: string[]): boolean {
  return values.some((v) => {
    const image = svc.lookup(v);
    if (!image) return false;
    // An image matches its own containers and those of images built on it.
    for (let at: string | undefined = rec.Image; at; at = svc.images.get(at as never)?.parent)
      if (at === image.id) return true;
    return false;
  });
}

/** `GET /containers/json`: newest first, running ones unless `all`, filtered as the daemon filters. */
export function listContainers(
  store: ContainerStore,
  svc: ImageServices,
  opts: ContainerListOptions,
  now: number,
  sizes?: (rec: ContainerRecord) => [number, number],
): ContainerSummary[] {
  const filters = opts.filters ?? {};
  for (const key of Object.keys(filters))
    if (!FILTERS.includes(key)) throw invalidParameter(`invalid filter '${key}'`);
  for (const s of filters.status ?? []) {
    if (!STATES.includes(s)) {
      throw invalidParameter(
        `invalid filter 'status=${s}': invalid value for state (${s}): must be one of ${STATES.join(', ')}`,
      );
    }
  }
  let recs = store
    .all()
    .sort((a, b) => Date.parse(b.Created) - Date.parse(a.Created) || (a.ID < b.ID ? 1 : -1));
  const pick = (name: 'before' | 'since') =>
    filters[name]?.[0] ? store.find(filters[name]![0]!) : undefined;
  const before = pick('before');
  const since = pick('since');
  const all = opts.all || (opts.limit ?? -1) > 0 || Object.keys(filters).length > 0;
  recs = recs.filter((r) => {
    if (!all && !r.State.Running) return false;
    if (filters.status && !filters.status.includes(r.State.Status)) return false;
    if (filters.name && !filters.name.some((n) => new RegExp(n).test(r.Name.slice(1)))) return false;
    if (filters.id && !filters.id.some((i) => r.ID.startsWith(i))) return false;
    if (filters.label && !filters.label.every((l) => labelMatch(r.Config.Labels ?? {}, l))) return false;
    if (filters.exited && (r.State.Status !== 'exited' || !filters.exited.includes(String(r.State.ExitCode))))
      return false;
    if (filters.ancestor && !matchesAncestor(svc, r, filters.ancestor)) return false;
    if (
      filters.network &&
      !filters.network.some((n) => n in r.NetworkSettings.Networks || r.HostConfig.NetworkMode === n)
    )
      return false;
    if (
      filters.publish &&
      !filters.publish.some((p) =>
        portsOf(r).some((x) => x.PublicPort !== undefined && portMatch(x.PublicPort, x.Type, p)),
      )
    )
      return false;
    if (
      filters.expose &&
      !filters.expose.some((p) =>
        Object.keys(r.Config.ExposedPorts ?? {}).some((k) =>
          portMatch(Number(k.split('/')[0]), k.split('/')[1] ?? 'tcp', p),
        ),
      )
    )
      return false;
    if (before && Date.parse(r.Created) >= Date.parse(before.Created)) return false;
    if (since && Date.parse(r.Created) <= Date.parse(since.Created)) return false;
    return true;
  });
  if (opts.limit && opts.limit > 0) recs = recs.slice(0, opts.limit);
  return recs.map((r) => {
    const [rw, root] = opts.size && sizes ? sizes(r) : [undefined, undefined];
    return summarize(r, now, rw, root);
  });
}

function labelMatch(labels: Record<string, string>, filter: string): boolean {
  const eq = filter.indexOf('=');
  if (eq < 0) return filter in labels;
  return labels[filter.slice(0, eq)] === filter.slice(eq + 1);
}

function portMatch(port: number, proto: string, filter: string): boolean {
  const [range, wantProto] = filter.split('/');
  if (wantProto && wantProto !== proto) return false;
  const [lo, hi] = (range ?? '').split('-').map(Number);
  return hi === undefined ? port === lo : port >= lo! && port <= hi;
}
