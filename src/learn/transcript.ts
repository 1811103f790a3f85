import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageRoot } from './lessons/load.js';

/**
 * Transcripts: shell sessions written down with what their output must show.
 *
 *   @file NAME … @end   a file written into the session's working folder before it starts
 *   $ COMMAND           a command line, run by bash
 *   ~ TEXT              its output (stdout and stderr together) contains TEXT
 *   ! TEXT              … does not contain TEXT
 *   ? CODE              its exit status is CODE
 *
 * Any other line (`# comments`, blank lines) is ignored.
 */

export type CheckKind = '~' | '!' | '?';

/** One command of a transcript and what its output must (not) contain and its exit status. */
export interface Step {
  cmd: string;
  /** 1-based line of the `$` in the transcript. */
  line: number;
  checks: { kind: CheckKind; arg: string }[];
}

export interface Transcript {
  files: { name: string; body: string }[];
  steps: Step[];
}

export function parseTranscript(text: string): Transcript {
  const lines = text.split('\n');
  const files: Transcript['files'] = [];
  const steps: Step[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('@file ')) {
      const name = line.slice(6).trim();
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== '@end'; i++) body.push(lines[i]!);
      files.push({ name, body: `${body.join('\n')}\n` });
    } else if (line.startsWith('$ ')) {
      steps.push({ cmd: line.slice(2), line: i + 1, checks: [] });
    } else if (/^[~!?] /.test(line) && steps.length) {
      steps.at(-1)!.checks.push({ kind: line[0] as CheckKind, arg: line.slice(2) });
    }
  }
  return { files, steps };
}

export interface RunOptions {
  /** The dockersim launcher `docker` and `dockersim` run (default: this package's bin/dockersim). */
  bin?: string;
  /** Called with each command before it runs and with its output after (`-v`). */
  onCommand?: (step: Step, result?: { output: string; status: number | null }) => void;
}

/** Variables of the caller a replay keeps: the search path and deterministic mode's clock and seed. */
const KEPT = ['DOCKERSIM_CLOCK', 'DOCKERSIM_SEED', 'DOCKERSIM_LANG'];

/**
 * Runs a transcript in a fresh temporary folder with a fresh DOCKERSIM_HOME, `docker` and
 * `dockersim` on PATH meaning this dockersim, NO_COLOR=1, TERM=dumb and no terminal. Returns the
 * failures, one line each (empty when it passes).
 */
export function runTranscript(
  t: Transcript,
  extraEnv: NodeJS.ProcessEnv = {},
  opts: RunOptions = {},
): string[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-transcript-'));
  try {
    const bin = opts.bin ?? path.join(packageRoot(), 'bin', 'dockersim');
    const shims = path.join(work, '.bin');
    fs.mkdirSync(shims);
    for (const name of ['docker', 'dockersim']) {
      const script = `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(bin)} "$@"\n`;
      fs.writeFileSync(path.join(shims, name), script, { mode: 0o755 });
    }
    for (const f of t.files) writeInside(work, f.name, f.body);
    fs.mkdirSync(path.join(work, '.state'));
    const env: NodeJS.ProcessEnv = {
      PATH: `${shims}${path.delimiter}${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: work,
      DOCKERSIM_HOME: path.join(work, '.state'),
      NO_COLOR: '1',
      TERM: 'dumb',
      LANG: 'C.UTF-8',
      ...Object.fromEntries(KEPT.filter((k) => process.env[k]).map((k) => [k, process.env[k]])),
      ...extraEnv,
    };
    const failures: string[] = [];
    t.steps.forEach((step, n) => {
      opts.onCommand?.(step);
      const r = spawnSync('bash', ['-c', step.cmd], {
        cwd: work,
        env,
        input: '',
        encoding: 'utf8',
        timeout: 120_000,
      });
      const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
      opts.onCommand?.(step, { output: out, status: r.status });
      for (const c of step.checks) {
        if (holds(c, out, r.status)) continue;
        const got = `got exit ${r.status}, output ${JSON.stringify(out.slice(0, 400))}`;
        failures.push(
          `step ${n + 1} (line ${step.line}) \`${step.cmd}\`: expected ${c.kind} ${c.arg}; ${got}`,
        );
      }
    });
    return failures;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function holds(c: Step['checks'][number], out: string, status: number | null): boolean {
  if (c.kind === '~') return out.includes(c.arg);
  if (c.kind === '!') return !out.includes(c.arg);
  return String(status) === c.arg.trim();
}

/** An `@file` lands inside the working folder, never above it. */
function writeInside(work: string, name: string, body: string): void {
  const target = path.resolve(work, name);
  if (path.isAbsolute(name) || !target.startsWith(work + path.sep)) {
    throw new Error(`@file ${name}: a transcript's files stay inside its working folder`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, body);
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
