import type { SystemInfo, SystemVersion } from './system.js';

/**
 * The contract between the docker-like CLI and the simulated daemon. It mirrors the Engine
 * API: each method is one endpoint, taking and returning objects of the API's shape.
 */
export interface Engine {
  /** `GET /version` */
  version(): Promise<SystemVersion>;
  /** `GET /info` */
  info(): Promise<SystemInfo>;
  /** dockersim: the state folder this engine keeps its objects in. */
  stateLocation(): string;
  /** dockersim: removes every object and all simulated state (`dockersim reset`). */
  resetState(): Promise<void>;
  /** Releases what the engine holds (nothing for the in-process engine, a socket for a remote one). */
  close?(): Promise<void>;
}
