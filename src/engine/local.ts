import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../api/engine.js';
import { systemError } from '../api/errors.js';
import type { SystemInfo, SystemVersion } from '../api/system.js';
import { DEFAULT_HOST, type HostSpec } from '../kernel/host.js';
import { type StateStore, withStateLock } from '../store/index.js';
import { rfc3339Nano } from '../util/text.js';
import { Runtime } from './runtime.js';
import { buildInfo, buildVersion } from './system.js';

export interface EngineOptions {
  store: StateStore;
  env: NodeJS.ProcessEnv;
  host?: HostSpec;
}

/**
 * The simulated daemon, in the CLI's own process. Each API call reads the state folder,
 * and each mutating call holds the state lock from its first read to its last write.
 */
export class LocalEngine implements Engine {
  readonly store: StateStore;
  readonly host: HostSpec;
  private readonly env: NodeJS.ProcessEnv;

  constructor(opts: EngineOptions) {
    this.store = opts.store;
    this.env = opts.env;
    this.host = opts.host ?? DEFAULT_HOST;
  }

  /** Clock and randomness for a read-only call. */
  runtime(): Runtime {
    return Runtime.load(this.store, this.env);
  }

  /** Runs `fn` under the state lock with a freshly loaded runtime, then saves the runtime. */
  async mutate<T>(fn: (rt: Runtime) => Promise<T> | T): Promise<T> {
    return withStateLock(this.store.root, async () => {
      const rt = Runtime.load(this.store, this.env);
      try {
        return await fn(rt);
      } finally {
        rt.save();
      }
    });
  }

  async version(): Promise<SystemVersion> {
    return buildVersion(this.host);
  }

  async info(): Promise<SystemInfo> {
    const rt = this.runtime();
    return buildInfo(this.host, {
      containers: { running: 0, paused: 0, stopped: 0 },
      images: 0,
      systemTime: rfc3339Nano(rt.clock.now()),
      id: this.engineId(),
    });
  }

  stateLocation(): string {
    return this.store.root;
  }

  async resetState(): Promise<void> {
    const root = this.store.root;
    // Only a folder dockersim laid out is ever wiped; the marker says so.
    if (!fs.existsSync(path.join(root, 'dockersim', 'home.json'))) {
      throw systemError(`refusing to reset ${root}: it is not a dockersim state folder`);
    }
    await withStateLock(root, async () => {
      for (const entry of fs.readdirSync(root)) {
        if (entry !== 'engine.lock') fs.rmSync(path.join(root, entry), { recursive: true, force: true });
      }
    });
  }

  /** The daemon's ID, made once per state folder. */
  private engineId(): string {
    return this.store.readText('engine-id')?.trim() ?? '';
  }
}
