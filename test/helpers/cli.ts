import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import type { Io, Sink } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'dockersim');

export interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

/** A fresh, empty state folder for one test. */
export function tempHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-test-'));
}

/** Environment of deterministic mode: fixed clock and seed. */
export function deterministicEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    DOCKERSIM_HOME: home,
    DOCKERSIM_CLOCK: '2026-01-01T00:00:00Z',
    DOCKERSIM_SEED: '42',
    NO_COLOR: '1',
    ...extra,
  };
}

class Capture implements Sink {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string | Uint8Array): void {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
  }
}

/** Runs the CLI in this process (fast; for golden tests of many commands). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<Result> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: Io = {
    stdout,
    stderr,
    stdin: Readable.from([stdin]),
    env,
    cwd: (env.DOCKERSIM_CWD as string) ?? ROOT,
  };
  const code = await main(argv, io);
  return { stdout: stdout.text, stderr: stderr.text, code };
}

/** Runs bin/dockersim as a separate process, as a learner's terminal would. */
export function runBin(
  argv: string[],
  env: NodeJS.ProcessEnv,
  opts: { input?: string; cwd?: string } = {},
): Result {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    env,
    input: opts.input ?? '',
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}
