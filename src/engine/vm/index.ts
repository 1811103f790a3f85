import type { VmApi } from '../../api/vm.js';
import type { LocalEngine } from '../local.js';

/** The simulated hypervisor's VMs, kept in the engine's state folder. */
export function openVms(_engine: LocalEngine): VmApi {
  return {};
}
