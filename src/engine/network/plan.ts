import type { ContainerCreateRequest, EndpointSettings } from '../../api/containers.js';
import { invalidParameter, notFound } from '../../api/errors.js';
import type { StateStore } from '../../store/index.js';
import type { ContainerStore } from '../containers/store.js';
import { checkEndpointConfig } from './connect.js';
import { endpointSettings } from './endpoints.js';
import { isPredefined, type NetworkDoc, NetworkStore } from './store.js';

/** What a predefined network is before anything has used it (it has no ID yet). */
function stub(name: string): NetworkDoc {
  return { Name: name, Driver: name === 'none' ? 'null' : name } as NetworkDoc;
}

/**
 * The network a new container asks for (`--network`, `--network-alias`, `--ip`, `--link`),
 * checked as the daemon checks it at create, and the entry inspect shows for it until the
 * container starts. A predefined network that was never used has no ID yet: it gets one at
 * the first start (so IDs come in the order the daemon makes them).
 */
export function planNetworks(
  store: StateStore,
  containers: ContainerStore,
  req: ContainerCreateRequest,
  _known: string[],
): { settings: Record<string, EndpointSettings>; warnings: string[] } {
  const mode = req.hostConfig.NetworkMode;
  const name = !mode || mode === 'default' ? 'bridge' : mode;
  if (name.startsWith('container:')) {
    throw invalidParameter(
      `--network ${name} (sharing another container's network namespace) is not simulated by dockersim; put both containers on a user-defined network instead`,
    );
  }
  const doc = new NetworkStore(store).lookup(name, false);
  if (!doc && !isPredefined(name)) throw notFound(`network ${name} not found`);
  const config =
    req.networking?.EndpointsConfig?.[mode ?? ''] ?? req.networking?.EndpointsConfig?.[name] ?? {};
  const wanted = {
    ...(config.Aliases?.length ? { Aliases: config.Aliases } : {}),
    ...(config.IPAMConfig?.IPv4Address ? { IPAMConfig: { IPv4Address: config.IPAMConfig.IPv4Address } } : {}),
  };
  checkEndpointConfig(doc ?? stub(name), wanted);
  for (const link of req.hostConfig.Links ?? []) {
    const target = link.replace(/^\//, '').split(':')[0]!;
    if (!containers.lookup(target)) throw invalidParameter(`could not get container for ${target}`);
  }
  const warnings: string[] = [];
  if (name === 'host' && Object.keys(req.hostConfig.PortBindings ?? {}).length)
    warnings.push('Published ports are discarded when using host network mode');
  const settings = endpointSettings(doc, undefined, {
    NetworkID: doc?.Id ?? '',
    ...wanted,
  });
  return { settings: { [doc?.Name ?? name]: settings }, warnings };
}
