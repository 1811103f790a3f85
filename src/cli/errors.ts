import { EngineError } from '../api/errors.js';

/**
 * A failure the CLI reports itself: text for stderr and an exit code. Everything a command
 * can fail with ends up here, so the message and the exit code are decided in one place.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A failure that was already printed (e.g. several per-object errors); only the exit code is left. */
export class SilentExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'SilentExit';
  }
}

/** The text docker prints for an engine error. */
export function daemonMessage(e: EngineError): string {
  return `Error response from daemon: ${e.message}`;
}

/**
 * `docker run` / `docker create` wrap errors before the process starts in their own frame:
 * `docker: <msg>`, a blank line and the help hint, exit 125 (126/127 for start failures).
 */
export function runWrapped(command: 'run' | 'create', message: string, exitCode = 125): CliError {
  return new CliError(`docker: ${message}\n\nRun 'docker ${command} --help' for more information`, exitCode);
}

export interface Reported {
  text: string;
  exitCode: number;
}

/** Maps anything thrown by a command to docker's text and exit code. */
export function describeError(e: unknown, debug: boolean): Reported {
  if (e instanceof SilentExit) return { text: '', exitCode: e.exitCode };
  const trace = (err: Error, text: string) => (debug && err.stack ? `${text}\n${err.stack}` : text);
  if (e instanceof CliError) return { text: trace(e, e.message), exitCode: e.exitCode };
  if (e instanceof EngineError) return { text: trace(e, daemonMessage(e)), exitCode: 1 };
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name === 'CorruptStateError') return { text: trace(err, err.message), exitCode: 1 };
  return { text: trace(err, `Error: ${err.message}`), exitCode: 1 };
}
