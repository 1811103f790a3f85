import type { Interp } from '../interp.js';
import type { IO } from '../io.js';
import { prefix } from '../messages.js';
import type { ShellState } from '../state.js';
import type { Dialect } from '../types.js';

/** One invocation of a builtin: its words, its descriptors and the shell it runs in. */
export class Call {
  constructor(
    readonly ip: Interp,
    readonly io: IO,
    readonly argv: string[],
  ) {}

  get name(): string {
    return this.argv[0]!;
  }
  get args(): string[] {
    return this.argv.slice(1);
  }
  get state(): ShellState {
    return this.ip.state;
  }
  get dialect(): Dialect {
    return this.ip.dialect;
  }

  /** Set when output went to a closed descriptor (`echo hi >&-`). */
  writeFailed = false;

  out(text: string): void {
    if (!this.io.fds.has(1)) this.writeFailed = true;
    else this.ip.write(this.io, 1, text);
  }

  /** An error in the builtin's name: `bash: line 1: cd: …`, `sh: 1: cd: …`. */
  error(text: string, builtin: string = this.name): void {
    this.ip.error(this.io, `${prefix(this.ip.speaker(), builtin)}${text}`);
  }

  /** An error worded without the builtin's name. */
  plainError(text: string): void {
    this.ip.error(this.io, `${prefix(this.ip.speaker())}${text}`);
  }

  /**
   * A POSIX special builtin's error: ash and dash print it and leave a non-interactive shell
   * (status 2); bash prints it and the command fails with `code`.
   */
  special(text: string, code = 1): number {
    if (this.dialect === 'bash' || this.ip.interactive) {
      this.error(text);
      return this.dialect === 'bash' ? code : 2;
    }
    return this.ip.fatal(`${prefix(this.ip.speaker(), this.name)}${text}`, 2);
  }

  /** The message for a name that cannot be a variable. */
  badName(name: string, withValue = name): number {
    return this.special(
      this.dialect === 'bash' ? `\`${withValue}': not a valid identifier` : `${name}: bad variable name`,
    );
  }
}

export type Builtin = (c: Call) => number | Promise<number>;

export const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
