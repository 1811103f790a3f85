/**
 * Linux signals on x86_64: one table for every part that names or numbers them (`docker kill -s`,
 * `kill -l`, a shell's `trap`, a program's signal handling). Index + 1 is the signal number.
 */
export const SIGNAL_NAMES: readonly string[] = [
  'HUP',
  'INT',
  'QUIT',
  'ILL',
  'TRAP',
  'ABRT',
  'BUS',
  'FPE',
  'KILL',
  'USR1',
  'SEGV',
  'USR2',
  'PIPE',
  'ALRM',
  'TERM',
  'STKFLT',
  'CHLD',
  'CONT',
  'STOP',
  'TSTP',
  'TTIN',
  'TTOU',
  'URG',
  'XCPU',
  'XFSZ',
  'VTALRM',
  'PROF',
  'WINCH',
  'POLL',
  'PWR',
  'SYS',
];

/** Other names Linux accepts for the same signals. */
export const SIGNAL_ALIASES: Readonly<Record<string, string>> = { CLD: 'CHLD', IO: 'POLL', IOT: 'ABRT' };

/** `TERM`, `sigterm`, `SIGIO` → the signal number; undefined when Linux has no such signal. */
export function signalNumber(name: string): number | undefined {
  const bare = name.toUpperCase().replace(/^SIG/, '');
  const i = SIGNAL_NAMES.indexOf(SIGNAL_ALIASES[bare] ?? bare);
  return i < 0 ? undefined : i + 1;
}

/** 15 → `TERM`. */
export function signalNameOf(num: number): string | undefined {
  return SIGNAL_NAMES[num - 1];
}
