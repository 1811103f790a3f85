import type { ExplainFact } from '../api/explain.js';
import type { HostSpec } from '../kernel/host.js';
import { Kernel } from '../kernel/kernel.js';
import type { StateStore } from '../store/index.js';
import { ContainerService } from './containers/service.js';
import { EventLog } from './events.js';
import { ImageServices } from './images/services.js';
import type { Runtime } from './runtime.js';

/**
 * One engine call that touches containers: the kernel loaded, every running container brought
 * up to now, the work done, and everything saved. Callers hold the state lock.
 */
export async function inSession<T>(
  store: StateStore,
  host: HostSpec,
  rt: Runtime,
  fn: (svc: ContainerService) => Promise<T> | T,
  narration?: ExplainFact[],
): Promise<T> {
  const kernel = Kernel.load(store, host, () => rt.clock.now());
  const events = new EventLog(store, narration);
  const svc = new ContainerService(
    store,
    new ImageServices(store),
    kernel,
    rt,
    events,
    () => ['bridge', 'host', 'none'],
    host,
  );
  try {
    await svc.runtime.catchUp();
    return await fn(svc);
  } finally {
    kernel.save();
    events.flush();
  }
}

export { passTime } from './time.js';
