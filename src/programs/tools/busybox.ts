import type { ProcessContext, ProgramRun } from '../types.js';
import { runTool, TOOLS } from './table.js';

/**
 * The same tools as BusyBox applets (alpine and busybox images), by applet name. The module
 * that runs /bin/busybox picks one by argv[0]; messages and formats are BusyBox's.
 */
export const busyboxTools: Record<string, (ctx: ProcessContext) => ProgramRun | Promise<ProgramRun>> =
  Object.fromEntries(
    Object.keys(TOOLS).map((name) => [name, (ctx: ProcessContext) => runTool(name, ctx, 'busybox')]),
  );
