import { hostFor } from '../kernel/host.js';
import { defaultHome, StateStore } from '../store/index.js';
import { LocalEngine } from './local.js';

/** The marker that tells `dockersim reset` a folder is a dockersim state folder. */
export const HOME_MARKER = 'dockersim/home.json';

export interface OpenOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Opens (and on first use lays out) the state folder named by DOCKERSIM_HOME. */
export async function openLocalEngine(opts: OpenOptions): Promise<LocalEngine> {
  const store = new StateStore(defaultHome(opts.env));
  // With `--desktop` the engine's Linux machine is Docker Desktop's VM, not a Linux computer.
  const engine = new LocalEngine({ store, env: opts.env, host: hostFor(opts.env) });
  if (!store.exists(HOME_MARKER)) {
    await engine.mutate((rt) => {
      if (store.exists(HOME_MARKER)) return;
      const bytes = rt.random.bytes(16).toString('hex');
      const uuid = `${bytes.slice(0, 8)}-${bytes.slice(8, 12)}-${bytes.slice(12, 16)}-${bytes.slice(16, 20)}-${bytes.slice(20)}`;
      store.writeText('engine-id', `${uuid}\n`);
      for (const dir of [
        'containers',
        'image/overlay2/imagedb/content/sha256',
        'image/overlay2/layerdb/sha256',
        'overlay2',
        'volumes',
        'network',
      ]) {
        store.mkdir(dir);
      }
      store.writeJson(HOME_MARKER, { format: 1, created: new Date(rt.clock.now()).toISOString() });
    });
  }
  return engine;
}
