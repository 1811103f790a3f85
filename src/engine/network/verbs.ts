import type { NetworkContainer, NetworkResource } from '../../api/containers.js';
import { conflict, EngineError, invalidParameter } from '../../api/errors.js';
import type { Filters } from '../../api/images.js';
import type { ContainerStore } from '../containers/store.js';
import { isPredefined, type NetworkDoc, type NetworkStore } from './store.js';

/** The API object of a network; `Containers` lists its active endpoints (inspect only). */
export function networkResource(doc: NetworkDoc, containers: ContainerStore | undefined): NetworkResource {
  const listed: Record<string, NetworkContainer> = {};
  if (containers) {
    for (const id of Object.keys(doc.Endpoints).sort()) {
      const ep = doc.Endpoints[id]!;
      listed[id] = {
        Name: containers.get(id)?.Name.slice(1) ?? '',
        EndpointID: ep.EndpointID,
        MacAddress: ep.MacAddress,
        IPv4Address: ep.IPv4Address,
        IPv6Address: '',
      };
    }
  }
  const { Endpoints: _e, BridgeIndex: _b, UserSubnet: _u, ...api } = doc;
  return {
    Name: api.Name,
    Id: api.Id,
    Created: api.Created,
    Scope: api.Scope,
    Driver: api.Driver,
    EnableIPv4: api.EnableIPv4,
    EnableIPv6: api.EnableIPv6,
    IPAM: api.IPAM,
    Internal: api.Internal,
    Attachable: api.Attachable,
    Ingress: api.Ingress,
    ConfigFrom: api.ConfigFrom,
    ConfigOnly: api.ConfigOnly,
    Containers: listed,
    Options: api.Options,
    Labels: api.Labels,
  };
}

function labelMatches(labels: Record<string, string>, want: string): boolean {
  const eq = want.indexOf('=');
  if (eq < 0) return want in labels;
  return labels[want.slice(0, eq)] === want.slice(eq + 1);
}

const NETWORK_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

/** `GET /networks?filters=…`: every network the filters keep (an unknown key is an error). */
export function filterNetworks(docs: NetworkDoc[], filters: Filters = {}): NetworkDoc[] {
  for (const key of Object.keys(filters))
    if (!NETWORK_FILTERS.includes(key)) throw invalidParameter(`invalid filter '${key}'`);
  for (const t of filters.type ?? [])
    if (t !== 'custom' && t !== 'builtin') throw invalidParameter(`invalid filter: 'type'='${t}'`);
  const any = (key: string, test: (v: string) => boolean) =>
    !filters[key]?.length || filters[key]!.some(test);
  return docs.filter(
    (d) =>
      any('driver', (v) => d.Driver === v) &&
      any('id', (v) => d.Id.startsWith(v)) &&
      any('name', (v) => d.Name.includes(v)) &&
      any('scope', (v) => v === 'local') &&
      any('label', (v) => labelMatches(d.Labels, v)) &&
      any('type', (v) => (v === 'builtin') === isPredefined(d.Name)) &&
      any('dangling', (v) => (v === 'true' || v === '1') === (!isPredefined(d.Name) && !hasEndpoints(d))),
  );
}

function hasEndpoints(doc: NetworkDoc): boolean {
  return Object.keys(doc.Endpoints).length > 0;
}

/** `DELETE /networks/{id}`: not a predefined network, and no container attached to it. */
export function removeNetwork(networks: NetworkStore, containers: ContainerStore, ref: string): NetworkDoc {
  const doc = networks.find(ref);
  if (isPredefined(doc.Name))
    throw new EngineError('forbidden', `${doc.Name} is a pre-defined network and cannot be removed`);
  if (hasEndpoints(doc)) {
    const list = Object.entries(doc.Endpoints)
      .map(([id, ep]) => ({ name: containers.get(id)?.Name.slice(1) ?? id.slice(0, 12), id: ep.EndpointID }))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((e) => `name:"${e.name}" id:"${e.id.slice(0, 12)}"`)
      .join(', ');
    throw conflict(`error while removing network: network ${doc.Name} has active endpoints (${list})`);
  }
  networks.delete(doc);
  return doc;
}

/** `POST /networks/prune`: user-defined networks without endpoints go. */
export function pruneNetworks(networks: NetworkStore, filters: Filters = {}): NetworkDoc[] {
  for (const key of Object.keys(filters))
    if (key !== 'label' && key !== 'until') throw invalidParameter(`invalid filter '${key}'`);
  const gone = networks
    .all()
    .filter((d) => !isPredefined(d.Name) && !hasEndpoints(d))
    .filter((d) => !filters.label?.length || filters.label.every((l) => labelMatches(d.Labels, l)));
  for (const d of gone) networks.delete(d);
  return gone.sort((a, b) => (a.Name < b.Name ? -1 : 1));
}
