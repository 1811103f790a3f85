/**
 * What the shell needs from whoever runs it (a container's process, the Dockerfile builder, the
 * simulated host) and what it hands back. The shell imports nothing above `util/`, so these small
 * interfaces are the whole contract.
 */
export type Dialect = 'ash' | 'bash' | 'dash';

/**
 * One thing that happened, `at` ms after the start of the run (or of the command, inside a
 * CommandResult). `stdout` and `stderr` carry `text`; any other kind a command reports (`spawn`,
 * `memory`, `listen`...) is passed through with its time shifted.
 */
export interface ShellEvent {
  at: number;
  kind: string;
  text?: string;
  [k: string]: unknown;
}

/** What an external command did: events relative to its start, its status and how long it took. */
export interface CommandResult {
  events: ShellEvent[];
  code: number;
  /** Virtual milliseconds the command took (`sleep 2` → 2000); `Infinity` for one that never ends. */
  duration: number;
  /** The command's PID when the host knows it (used for `$!`). */
  pid?: number;
  /**
   * How many characters of its stdin the command read. Absent means none, so that
   * `while read l; do sleep 1; done < file` keeps its input; `cat` should say it took it all.
   */
  stdinRead?: number;
}

export interface FileStat {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  size: number;
}

/** The filesystem as the shell sees it. Failures throw an Error with a `code` (ENOENT, EISDIR, EACCES, ENOTDIR). */
export interface ShellFs {
  stat(path: string): FileStat | undefined;
  readFile(path: string): string;
  writeFile(path: string, data: string, append: boolean): void;
  readdir(path: string): string[];
}

export interface ExecIO {
  /** What the command may read: the rest of the shell's stdin, a pipe's text, a file; null when closed. */
  stdin: string | null;
  env: Record<string, string>;
  cwd: string;
  /** When the command starts: ms since the start of the current `run()`. */
  at: number;
  /** Started with `&`. */
  background: boolean;
}

export type ExecOutcome = CommandResult | { notFound: true } | { notExecutable: true };

export interface ShellHost {
  fs: ShellFs;
  /** Runs an external command (the host looks it up in PATH). */
  exec(argv: string[], io: ExecIO): Promise<ExecOutcome>;
  /** The shell's own PID, for `$$`. */
  pid(): number;
  hostname?(): string;
  /** The user's numeric ID (0 when absent), for the prompt's `#` or `$`. */
  uid?(): number;
  /**
   * kill(2) for the `kill` builtin: the events that ask for delivery (`signal`), or why not.
   * Absent: nothing can be signalled (ESRCH).
   */
  kill?(pid: number, signal: number): ShellEvent[] | 'ESRCH' | 'EPERM';
}

export interface ShellOptions {
  dialect: Dialect;
  /** `$0` and the prefix of the shell's own messages: `sh`, `/bin/sh`, `bash`. */
  argv0: string;
  env: Record<string, string>;
  cwd: string;
  /** Positional parameters `$1`... */
  args?: string[];
  stdin: string | null;
  interactive?: boolean;
  errexit?: boolean;
  /**
   * When a script counts as never ending (a busy loop, `while :; do sleep 1; done`): after this
   * many commands (default 100 000) or this much virtual time (default one hour). Its run then
   * reports the output so far and `duration: Infinity`.
   */
  limits?: { steps?: number; time?: number };
}

export interface ShellRunResult {
  /** Sorted by `at`, ms after the start of this run. */
  events: ShellEvent[];
  code: number;
  duration: number;
  /** The shell ended itself: `exit`, `exec`, `set -e`, or a fatal error. */
  exited: boolean;
}
