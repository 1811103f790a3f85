import { Chalk } from 'chalk';

/** How the narration marks its parts; plain text when colour is off. */
export interface Style {
  title(s: string): string;
  label(s: string): string;
  /** PIDs, inode numbers, limits, ports, exit codes. */
  num(s: string | number): string;
  /** Paths and IDs. */
  path(s: string): string;
  /** A cache hit, a created object. */
  good(s: string): string;
  /** A cache miss, a kill. */
  bad(s: string): string;
  dim(s: string): string;
}

export function makeStyle(color: boolean): Style {
  const c = new Chalk({ level: color ? 1 : 0 });
  return {
    title: (s) => c.bold.magenta(s),
    label: (s) => c.bold.cyan(s),
    num: (s) => c.yellow(String(s)),
    path: (s) => c.green(s),
    good: (s) => c.green.bold(s),
    bad: (s) => c.red.bold(s),
    dim: (s) => c.dim(s),
  };
}
