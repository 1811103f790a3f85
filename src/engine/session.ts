import type { HostSpec } from '../kernel/host.js';
import { Kernel } from '../kernel/kernel.js';
import { registerAllPrograms } from '../programs/index.js';
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
): Promise<T> {
  registerAllPrograms();
  const kernel = Kernel.load(store, host, () => rt.clock.now());
  const events = new EventLog(store);
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lets time pass: the simulated clock jumps; the wall clock is waited for. */
export async function passTime(rt: Runtime, ms: number): Promise<void> {
  if (ms <= 0) return;
  if (rt.clock.deterministic) rt.clock.advance(ms);
  else await sleep(ms);
}
