import { registerProgram } from '../registry.js';
import type { ProcessContext, Program, ProgramRun } from '../types.js';
import type { Flavour } from './common/fail.js';
import { exitWith, nproc, sleep } from './coreutils/basic.js';
import { date } from './coreutils/date.js';
import { env, printenv } from './coreutils/env.js';
import { gnuHostname } from './coreutils/hostname.js';
import { id, whoami } from './coreutils/id.js';
import { uname } from './coreutils/uname.js';
import { freeProgram } from './procps/free.js';
import { killProgram } from './procps/kill.js';
import { psProgram } from './procps/ps.js';
import { topProgram } from './procps/top.js';
import { uptimeProgram } from './procps/uptime.js';
import { pstreeProgram } from './psmisc/pstree.js';
import { lsnsProgram } from './utillinux/lsns.js';
import { nsenterProgram } from './utillinux/nsenter.js';

const gnu = (
  name: string,
  run: (ctx: ProcessContext, flavour: Flavour) => ProgramRun | Promise<ProgramRun>,
): Program => ({
  name,
  run: (ctx) => run(ctx, 'gnu'),
});

/**
 * The Debian/Ubuntu system tools: procps-ng (ps, top, free, uptime, kill), psmisc (pstree),
 * util-linux (lsns, nsenter), coreutils and Debian's hostname. Their BusyBox twins are the
 * applets of ./busybox.ts.
 */
export const SYSTEM_PROGRAMS: Program[] = [
  psProgram,
  topProgram,
  pstreeProgram,
  lsnsProgram,
  freeProgram,
  uptimeProgram,
  killProgram,
  nsenterProgram,
  gnu('uname', uname),
  { name: 'hostname', run: gnuHostname },
  gnu('nproc', nproc),
  gnu('id', id),
  gnu('whoami', whoami),
  gnu('env', env),
  gnu('printenv', printenv),
  gnu('sleep', sleep),
  gnu('date', date),
  { name: 'true', run: exitWith(0) },
  { name: 'false', run: exitWith(1) },
];

export function registerSystemPrograms(): void {
  for (const program of SYSTEM_PROGRAMS) registerProgram(program);
}
