import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { busyboxApplets } from '../../../src/programs/system/busybox.js';
import { SYSTEM_PROGRAMS } from '../../../src/programs/system/index.js';
import type { ProcessContext, ProgramRun } from '../../../src/programs/types.js';

/**
 * Expected outputs. Files copied from shared/reference/host-kernel.md keep the document's
 * bytes; the others were produced by the programs and checked against the document's rules.
 */
export function golden(name: string): string {
  return readFileSync(join(import.meta.dirname, 'golden', name), 'utf8');
}

/** The Debian/Ubuntu program registered under `name`. */
export function gnu(name: string): (ctx: ProcessContext) => ProgramRun | Promise<ProgramRun> {
  const program = SYSTEM_PROGRAMS.find((p) => p.name === name);
  if (!program) throw new Error(`no system program ${name}`);
  return (ctx) => program.run(ctx);
}

export function busybox(name: string): (ctx: ProcessContext) => ProgramRun | Promise<ProgramRun> {
  const applet = busyboxApplets[name];
  if (!applet) throw new Error(`no busybox applet ${name}`);
  return applet;
}
