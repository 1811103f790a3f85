import type { ProcessContext, ProgramRun } from '../types.js';
import { busyboxFree } from './busybox/free.js';
import { busyboxPs } from './busybox/ps.js';
import { busyboxTop } from './busybox/top.js';
import { exitWith, nproc, sleep } from './coreutils/basic.js';
import { date } from './coreutils/date.js';
import { env, printenv } from './coreutils/env.js';
import { busyboxHostname } from './coreutils/hostname.js';
import { id, whoami } from './coreutils/id.js';
import { uname } from './coreutils/uname.js';
import { busyboxKill } from './procps/kill.js';
import { busyboxUptime } from './procps/uptime.js';
import { busyboxPstree } from './psmisc/pstree.js';
import { busyboxNsenter } from './utillinux/nsenter.js';

export type Applet = (ctx: ProcessContext) => ProgramRun | Promise<ProgramRun>;

/**
 * The system tools as BusyBox applets (alpine, busybox): BusyBox's own layouts and messages.
 * The BusyBox program picks one by the name it was called by.
 */
export const busyboxApplets: Record<string, Applet> = {
  ps: busyboxPs,
  top: busyboxTop,
  pstree: busyboxPstree,
  free: busyboxFree,
  uname: (ctx) => uname(ctx, 'busybox'),
  hostname: busyboxHostname,
  nproc: (ctx) => nproc(ctx, 'busybox'),
  uptime: busyboxUptime,
  id: (ctx) => id(ctx, 'busybox'),
  whoami: (ctx) => whoami(ctx, 'busybox'),
  env: (ctx) => env(ctx, 'busybox'),
  printenv: (ctx) => printenv(ctx, 'busybox'),
  sleep: (ctx) => sleep(ctx, 'busybox'),
  true: exitWith(0),
  false: exitWith(1),
  date: (ctx) => date(ctx, 'busybox'),
  kill: busyboxKill,
  nsenter: busyboxNsenter,
};
