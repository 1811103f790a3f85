import type { ContainerCreateRequest } from '../../api/containers.js';
import { invalidParameter } from '../../api/errors.js';
import type { ChainId } from '../../images/digest.js';
import { hexOf, sha256 } from '../../images/digest.js';
import { generateId } from '../../util/ids.js';
import { reserveGeneratedName } from '../../util/names.js';
import { rfc3339Nano } from '../../util/text.js';
import type { EventLog } from '../events.js';
import type { ImageServices } from '../images/services.js';
import { planNetworks } from '../network/plan.js';
import type { Runtime } from '../runtime.js';
import { createMountPoints, planMounts } from '../volumes/mountpoints.js';
import { layersFact, mountFacts } from './narrate.js';
import { type ContainerRecord, freshState, normalizeHostConfig } from './record.js';
import type { ContainerStore } from './store.js';

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const MIN_MEMORY = 6 * 1024 * 1024;

function validateHostConfig(req: ContainerCreateRequest, cpus: number): string[] {
  const h = req.hostConfig;
  const warnings: string[] = [];
  if (h.Memory && h.Memory < MIN_MEMORY) throw invalidParameter('Minimum memory limit allowed is 6MB');
  if (h.MemorySwap && h.MemorySwap > 0 && !h.Memory) {
    throw invalidParameter('You should always set the Memory limit when using Memoryswap limit, see usage');
  }
  if (h.MemorySwap && h.MemorySwap > 0 && h.Memory && h.MemorySwap < h.Memory) {
    throw invalidParameter('Minimum memoryswap limit should be larger than memory limit, see usage');
  }
  if (h.NanoCpus && (h.NanoCpus < 0.01e9 || h.NanoCpus > cpus * 1e9)) {
    throw invalidParameter(
      `range of CPUs is from 0.01 to ${cpus.toFixed(2)}, as there are only ${cpus} CPUs available`,
    );
  }
  const policy = h.RestartPolicy;
  if (policy?.Name && !['no', 'always', 'unless-stopped', 'on-failure'].includes(policy.Name)) {
    throw invalidParameter(
      `invalid restart policy: unknown policy '${policy.Name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
    );
  }
  if (policy?.MaximumRetryCount && policy.Name !== 'on-failure') {
    throw invalidParameter("invalid restart policy: maximum retry count can only be used with 'on-failure'");
  }
  if (h.AutoRemove && policy?.Name && policy.Name !== 'no') {
    throw invalidParameter('conflicting options: cannot specify both --restart and --rm');
  }
  return warnings;
}

function mergeEnv(image: string[] | undefined | null, user: string[] | null | undefined): string[] {
  const out = new Map<string, string>();
  for (const kv of [...(image ?? []), ...(user ?? [])]) {
    const eq = kv.indexOf('=');
    out.set(eq < 0 ? kv : kv.slice(0, eq), kv);
  }
  return [...out.values()];
}

/**
 * `POST /containers/create`: the image's defaults merged under the request, a name reserved,
 * an ID made and an empty writable layer laid on the image's top layer.
 */
export function createContainer(
  svc: ImageServices,
  containers: ContainerStore,
  rt: Runtime,
  events: EventLog,
  req: ContainerCreateRequest,
  hostCpus: number,
  knownNetworks: string[],
): { Id: string; Warnings: string[] } {
  if (req.name !== undefined && !NAME_RE.test(req.name.replace(/^\//, ''))) {
    throw invalidParameter(
      `Invalid container name (${req.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
    );
  }
  const image = svc.find(req.config.Image);
  const warnings = validateHostConfig(req, hostCpus);
  const ic = image.config.config ?? {};
  // network + volumes: checked before the container exists, made once it has an ID.
  const networks = planNetworks(svc.store, containers, req, knownNetworks);
  warnings.push(...networks.warnings);
  const mounts = planMounts(req, ic.Volumes, containers);
  const c = req.config;
  const entrypoint =
    c.Entrypoint !== undefined && c.Entrypoint !== null ? c.Entrypoint : (ic.Entrypoint ?? null);
  // A new entrypoint drops the image's CMD unless the request gives one.
  const cmd = c.Cmd?.length ? c.Cmd : c.Entrypoint ? [] : (ic.Cmd ?? []);
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  if (argv.length === 0) throw invalidParameter('no command specified');
  const id = generateId(rt.random);
  const name = req.name
    ? req.name.replace(/^\//, '')
    : reserveGeneratedName(rt.random, (n) => containers.nameTaken(n) !== undefined, id.slice(0, 12));
  containers.reserveName(name, id);
  const rwLayer = hexOf(sha256(`rw ${id}`));
  const made: string[] = [];
  const exposed = { ...(ic.ExposedPorts ?? {}), ...(c.ExposedPorts ?? {}) };
  const rec: ContainerRecord = {
    ID: id,
    Created: rfc3339Nano(rt.clock.now()),
    Path: argv[0]!,
    Args: argv.slice(1),
    Config: {
      Hostname: c.Hostname || id.slice(0, 12),
      Domainname: c.Domainname ?? '',
      User: c.User || ic.User || '',
      AttachStdin: c.AttachStdin ?? false,
      AttachStdout: c.AttachStdout ?? true,
      AttachStderr: c.AttachStderr ?? true,
      ...(Object.keys(exposed).length ? { ExposedPorts: exposed } : {}),
      Tty: c.Tty ?? false,
      OpenStdin: c.OpenStdin ?? false,
      StdinOnce: c.StdinOnce ?? false,
      Env: mergeEnv(ic.Env, c.Env),
      Cmd: cmd.length ? cmd : null,
      ...(ic.Healthcheck ? { Healthcheck: ic.Healthcheck } : {}),
      Image: c.Image,
      Volumes: c.Volumes || ic.Volumes ? { ...(ic.Volumes ?? {}), ...(c.Volumes ?? {}) } : null,
      WorkingDir: c.WorkingDir || ic.WorkingDir || '',
      Entrypoint: entrypoint,
      OnBuild: ic.OnBuild ?? null,
      Labels: { ...(ic.Labels ?? {}), ...(c.Labels ?? {}) },
      ...(c.StopSignal || ic.StopSignal ? { StopSignal: c.StopSignal || ic.StopSignal } : {}),
      ...(c.StopTimeout !== undefined ? { StopTimeout: c.StopTimeout } : {}),
    },
    Image: image.id,
    Name: `/${name}`,
    RestartCount: 0,
    Driver: 'overlay2',
    State: freshState(),
    HostConfig: normalizeHostConfig(req.hostConfig),
    NetworkSettings: { Networks: networks.settings, SandboxID: '', Ports: {} },
    MountPoints: createMountPoints(mounts, {
      store: svc.store,
      containers,
      random: rt.random,
      events,
      now: rt.clock.now(),
      made,
    }),
    RWLayer: rwLayer,
    ParentLayer: (image.topLayer ?? '') as ChainId,
    HasBeenStartedBefore: false,
    HasBeenManuallyStopped: false,
  };
  svc.store.writeText(`overlay2/${rwLayer}/files.json`, '[]');
  svc.store.writeText(`containers/${id}/${id}-json.log`, '');
  if (image.topLayer) svc.layers.retain(image.topLayer);
  containers.save(rec);
  events.explain(layersFact(rec, svc));
  for (const f of mountFacts(rec, made)) events.explain(f);
  events.emit('container', 'create', id, { image: c.Image, name }, rt.clock.now());
  return { Id: id, Warnings: warnings };
}
