import { busyboxProgram } from './busybox.js';
import { registerNetPrograms } from './net/index.js';
import { registerPackagePrograms } from './pkg/index.js';
import { registerProgram } from './registry.js';
import { registerServicePrograms } from './services/index.js';
import { shellProgram } from './shells.js';
import { busyboxApplets } from './system/busybox.js';
import { registerSystemPrograms } from './system/index.js';
import { busyboxTools } from './tools/busybox.js';
import { registerToolPrograms } from './tools/index.js';

let registered = false;

/** Registers every simulated program once per process. */
export function registerAllPrograms(): void {
  if (registered) return;
  registered = true;
  registerToolPrograms();
  registerSystemPrograms();
  registerServicePrograms();
  registerPackagePrograms();
  const net = registerNetPrograms();
  const ash = shellProgram('sh', 'ash');
  registerProgram(shellProgram('bash', 'bash'), 'bash');
  registerProgram(shellProgram('dash', 'dash'), 'dash', 'sh');
  registerProgram(
    busyboxProgram('1.36.1', () => ({
      ...busyboxTools,
      ...busyboxApplets,
      ...net,
      sh: ash.run,
      ash: ash.run,
    })),
    'busybox',
  );
}
