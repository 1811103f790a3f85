import type { StateStore } from '../../store/index.js';
import { ContainerStore } from '../containers/store.js';
import type { EventLog } from '../events.js';
import type { Runtime } from '../runtime.js';
import { VolumeStore } from './store.js';
import type { VolumeContext } from './verbs.js';

/** What the volume verbs work on in one engine call. */
export function volumeContext(store: StateStore, rt: Runtime, events: EventLog): VolumeContext {
  return {
    volumes: new VolumeStore(store),
    containers: new ContainerStore(store),
    events,
    random: rt.random,
    now: rt.clock.now(),
  };
}

export * from './verbs.js';
