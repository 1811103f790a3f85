import type { NetworkCreateRequest, NetworkResource } from '../../api/containers.js';
import type { Filters } from '../../api/images.js';
import type { StateStore } from '../../store/index.js';
import { ContainerStore } from '../containers/store.js';
import type { EventLog } from '../events.js';
import type { Runtime } from '../runtime.js';
import { createNetwork } from './create.js';
import { NetworkStore } from './store.js';
import { filterNetworks, networkResource, pruneNetworks, removeNetwork } from './verbs.js';

/** The network endpoints of the Engine API that need no container session. */
export function networkVerbs(store: StateStore, rt: Runtime, events: EventLog) {
  const now = () => rt.clock.now();
  const networks = new NetworkStore(store, rt.random, now);
  const containers = new ContainerStore(store);
  return {
    create(req: NetworkCreateRequest): { Id: string; Warning: string } {
      const doc = createNetwork(networks, rt.random, now(), req);
      events.emit('network', 'create', doc.Id, { name: doc.Name, type: doc.Driver }, now());
      return { Id: doc.Id, Warning: '' };
    },
    list(filters?: Filters): NetworkResource[] {
      return filterNetworks(networks.list(), filters).map((d) => networkResource(d, undefined));
    },
    inspect(ref: string): NetworkResource {
      return networkResource(networks.find(ref), containers);
    },
    remove(ref: string): void {
      const doc = removeNetwork(networks, containers, ref);
      events.emit('network', 'destroy', doc.Id, { name: doc.Name, type: doc.Driver }, now());
    },
    prune(filters?: Filters): { NetworksDeleted: string[] | null } {
      const gone = pruneNetworks(networks, filters);
      for (const d of gone) events.emit('network', 'destroy', d.Id, { name: d.Name, type: d.Driver }, now());
      return { NetworksDeleted: gone.length ? gone.map((d) => d.Name) : null };
    },
  };
}
