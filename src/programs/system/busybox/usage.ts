import { BUSYBOX_BANNER } from '../../tools/usage.js';

/**
 * BusyBox's answer to a usage mistake: its banner, `Usage: APPLET ...` and the applet's help
 * (the defconfig build shows the full text), on stderr.
 */
const USAGES: Record<string, [trivial: string, full: string]> = {
  ps: [
    '[-o COL1,COL2=HEADER] [-T]',
    'Show list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads',
  ],
  top: [
    '[-bmH] [-n COUNT] [-d SECONDS]',
    "Show a view of process activity in real time.\nRead the status of all processes from /proc each SECONDS\nand show a screenful of them.\nKeys:\n\tN/M/P/T: show CPU usage, sort by pid/mem/cpu/time\n\tS: show memory\n\tR: reverse sort\n\tH: toggle threads, 1: toggle SMP\n\tQ,^C: exit\nOptions:\n\t-b\tBatch mode\n\t-n N\tExit after N iterations\n\t-d SEC\tDelay between updates\n\t-m\tSame as 's' key\n\t-H\tShow threads",
  ],
  free: ['[-bkmgh]', 'Display free and used memory'],
  uname: [
    '[-amnrspvio]',
    'Print system information\n\n\t-a\tPrint all\n\t-m\tMachine (hardware) type\n\t-n\tHostname\n\t-r\tKernel release\n\t-s\tKernel name (default)\n\t-p\tProcessor type\n\t-v\tKernel version\n\t-i\tHardware platform\n\t-o\tOS name',
  ],
  hostname: [
    '[-sidf] [HOSTNAME | -F FILE]',
    "Show or set hostname or DNS domain name\n\n\t-s\tShort\n\t-i\tAddresses for the hostname\n\t-d\tDNS domain name\n\t-f\tFully qualified domain name\n\t-F FILE\tUse FILE's content as hostname",
  ],
  nproc: [
    '[--all] [--ignore=N]',
    'Print number of available CPUs\n\n\t--all\t\tNumber of installed CPUs\n\t--ignore=N\tExclude N CPUs',
  ],
  uptime: ['', 'Display the time since the last boot'],
  id: [
    '[-ugGnr] [USER]',
    'Print information about USER or the current user\n\n\t-u\tUser ID\n\t-g\tGroup ID\n\t-G\tSupplementary group IDs\n\t-n\tPrint names instead of numbers\n\t-r\tPrint real ID instead of effective ID',
  ],
  whoami: ['', 'Print the user name associated with the current effective user id'],
  env: [
    '[-i0] [-u NAME]... [-] [NAME=VALUE]... [PROG ARGS]',
    'Print current environment or run PROG after setting up environment\n\n\t-, -i\tStart with empty environment\n\t-0\tNUL terminated output\n\t-u NAME\tRemove variable from environment',
  ],
  printenv: ['[VARIABLE]...', 'Print environment VARIABLEs.\nIf no VARIABLE specified, print all.'],
  sleep: [
    '[N]...',
    'Pause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays',
  ],
  date: [
    '[OPTIONS] [+FMT] [[-s] TIME]',
    "Display time (using +FMT), or set time\n\n\t-u\t\tWork in UTC (don't convert to local time)\n\t[-s] TIME\tSet time to TIME\n\t-d TIME\t\tDisplay TIME, not 'now'\n\t-D FMT\t\tFMT (strptime format) for -s/-d TIME conversion\n\t-r FILE\t\tDisplay last modification time of FILE\n\t-R\t\tOutput RFC-2822 date\n\t-I[SPEC]\tOutput ISO-8601 date\n\t\t\tSPEC=date (default), hours, minutes, seconds or ns\n\nRecognized TIME formats:\n\t@seconds_since_1970\n\thh:mm[:ss]\n\t[YYYY.]MM.DD-hh:mm[:ss]\n\tYYYY-MM-DD hh:mm[:ss]\n\t[[[[[YY]YY]MM]DD]hh]mm[.ss]\n\t'date TIME' form accepts MMDDhhmm[[YY]YY][.ss] instead",
  ],
  kill: [
    '[-l] [-SIG] PID...',
    'Send a signal (default: TERM) to given PIDs\n\n\t-l\tList all signal names and numbers',
  ],
  pstree: ['[-p] [PID|USER]', 'Display process tree, optionally start from USER or PID\n\n\t-p\tShow pids'],
  nsenter: [
    '[OPTIONS] [PROG ARGS]',
    "\n\t-t PID\t\tTarget process to get namespaces from\n\t-m[FILE]\tEnter mount namespace\n\t-u[FILE]\tEnter UTS namespace (hostname etc)\n\t-i[FILE]\tEnter System V IPC namespace\n\t-n[FILE]\tEnter network namespace\n\t-p[FILE]\tEnter pid namespace\n\t-U[FILE]\tEnter user namespace\n\t-S UID\t\tSet uid in entered namespace\n\t-G GID\t\tSet gid in entered namespace\n\t--preserve-credentials\tDon't touch uids or gids\n\t-r[DIR]\t\tSet root directory\n\t-w[DIR]\t\tSet working directory\n\t-F\t\tDon't fork before exec'ing PROG",
  ],
};

export function busyboxUsage(applet: string): string {
  const [trivial, full] = USAGES[applet] ?? ['', ''];
  const usage = trivial ? `Usage: ${applet} ${trivial}` : `Usage: ${applet}`;
  const body = full.startsWith('\n') ? `\n${full}` : `\n\n${full}`;
  return `${BUSYBOX_BANNER}\n\n${usage}${full ? body : ''}\n`;
}
