/**
 * dockersim's virtual machines: a simulated type-2 hypervisor on the same simulated host, so a
 * learner can compare a VM (its own guest kernel, a disk image, reserved memory) with a container.
 * The shapes are filled in by the VM engine; see engine/vm/.
 */
// biome-ignore lint/suspicious/noEmptyInterface: placeholder until the VM engine lands
export interface VmApi {}
