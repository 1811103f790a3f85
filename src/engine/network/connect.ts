import type { EndpointConfig } from '../../api/containers.js';
import { EngineError, invalidParameter } from '../../api/errors.js';
import type { ContainerService } from '../containers/service.js';
import { NetworkAllocator } from './allocator.js';
import { endpointSettings, isUserBridge, sortNetworks } from './endpoints.js';
import { type NetworkDoc, NetworkStore } from './store.js';

const forbidden = (message: string) => new EngineError('forbidden', message);

/** The checks docker makes on an endpoint's settings for a network (also used by create). */
export function checkEndpointConfig(doc: NetworkDoc, config: EndpointConfig | undefined): void {
  if (config?.Aliases?.length && !isUserBridge(doc))
    throw invalidParameter('network-scoped alias is supported only for containers in user defined networks');
  if (config?.IPAMConfig?.IPv4Address) {
    if (!isUserBridge(doc))
      throw invalidParameter('user specified IP address is supported on user defined networks only');
    if (!doc.UserSubnet)
      throw invalidParameter(
        'user specified IP address is supported only when connecting to networks with user configured subnets',
      );
  }
}

function stores(svc: ContainerService) {
  const now = () => svc.now();
  return {
    networks: new NetworkStore(svc.store, svc.rt.random, now),
    allocator: new NetworkAllocator(svc.store, svc.rt.random, now),
  };
}

/** `docker network connect`: a stopped container is attached at its next start, a running one now. */
export function connectNetwork(
  svc: ContainerService,
  netRef: string,
  containerRef: string,
  config: EndpointConfig = {},
): void {
  const { networks, allocator } = stores(svc);
  const doc = networks.find(netRef);
  const rec = svc.find(containerRef);
  const mode = rec.HostConfig.NetworkMode;
  if (doc.Driver === 'host' || mode === 'host')
    throw forbidden('container cannot be disconnected from host network or connected to host network');
  if (doc.Driver === 'null' || mode === 'none')
    throw forbidden(
      'container cannot be connected to multiple networks with one of the networks in private (none) mode',
    );
  if (rec.NetworkSettings.Networks[doc.Name])
    throw forbidden(`endpoint with name ${rec.Name.slice(1)} already exists in network ${doc.Name}`);
  checkEndpointConfig(doc, config);
  rec.NetworkSettings.Networks[doc.Name] = endpointSettings(doc, undefined, {
    IPAMConfig: config.IPAMConfig?.IPv4Address ? { IPv4Address: config.IPAMConfig.IPv4Address } : null,
    Aliases: config.Aliases?.length ? config.Aliases : null,
    Links: config.Links?.length ? config.Links : null,
  });
  rec.NetworkSettings.Networks = sortNetworks(rec.NetworkSettings.Networks);
  if (rec.State.Running) allocator.connectRunning(rec, doc.Name);
  svc.containers.save(rec);
  svc.events.emit(
    'network',
    'connect',
    doc.Id,
    { container: rec.ID, name: doc.Name, type: doc.Driver },
    svc.now(),
  );
}

/** `docker network disconnect`: the endpoint (if any) goes, and the network leaves the container. */
export function disconnectNetwork(
  svc: ContainerService,
  netRef: string,
  containerRef: string,
  force = false,
): void {
  const { networks, allocator } = stores(svc);
  const doc = networks.find(netRef);
  const rec = svc.containers.lookup(containerRef);
  if (!rec) {
    if (force && doc.Endpoints[containerRef]) {
      delete doc.Endpoints[containerRef];
      networks.save(doc);
      return;
    }
    svc.notFound(containerRef);
  }
  if (doc.Driver === 'host')
    throw forbidden('container cannot be disconnected from host network or connected to host network');
  if (!rec.NetworkSettings.Networks[doc.Name] && !doc.Endpoints[rec.ID])
    throw forbidden(`container ${rec.ID} is not connected to network ${doc.Name}`);
  allocator.disconnect(rec, doc);
  svc.containers.save(rec);
  svc.events.emit(
    'network',
    'disconnect',
    doc.Id,
    { container: rec.ID, name: doc.Name, type: doc.Driver },
    svc.now(),
  );
}
