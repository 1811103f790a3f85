import { registerProgram } from '../registry.js';
import { runTool, TOOLS } from './table.js';

/**
 * Registers the GNU flavour of every tool under its own name (`ls`, `grep`, `awk`...), as
 * Debian and Ubuntu images install them (coreutils, findutils, grep, sed, mawk, tar).
 * BusyBox's applets are in busybox.ts.
 */
export function registerToolPrograms(): void {
  for (const name of Object.keys(TOOLS)) {
    registerProgram({ name, run: (ctx) => runTool(name, ctx, 'gnu') });
  }
  registerProgram({ name: 'mawk', run: (ctx) => runTool('awk', ctx, 'gnu') });
}

export { busyboxTools } from './busybox.js';
