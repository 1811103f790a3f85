import type { Engine } from '../api/engine.js';

/** A stream the CLI writes to; tests capture it, the real CLI passes process streams. */
export interface Sink {
  write(text: string | Uint8Array): void;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** What a command needs from the outside world. */
export interface Io {
  stdout: Sink;
  stderr: Sink;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * An engine already open (the playground keeps one for its whole session, and a `docker`
   * typed inside a host shell line must reach the engine that runs that line). Not closed here.
   */
  openEngine?: Engine;
}

export interface CommandContext extends Io {
  /** The engine, constructed on first use so that `--help` and flag errors never touch state. */
  engine(): Promise<Engine>;
  debug: boolean;
  /** `--explain` or DOCKERSIM_EXPLAIN: narration is wanted after the command. */
  explain?: boolean;
  /** Reads one line from stdin (for `[y/N]` prompts); undefined at end of input. */
  readLine(): Promise<string | undefined>;
}
