import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN } from './cli.js';

/** One command of a transcript and what its output must (not) contain and its exit status. */
export interface Step {
  cmd: string;
  checks: { kind: '~' | '!' | '?'; arg: string }[];
}

export interface Transcript {
  files: { name: string; body: string }[];
  steps: Step[];
}

/** The transcript format of learner sessions: `@file`/`@end`, `$ cmd`, `~ text`, `! text`, `? code`. */
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
      steps.push({ cmd: line.slice(2), checks: [] });
    } else if (/^[~!?] /.test(line) && steps.length) {
      steps.at(-1)!.checks.push({ kind: line[0] as '~' | '!' | '?', arg: line.slice(2) });
    }
  }
  return { files, steps };
}

/** Runs a transcript in a fresh folder and state; returns the failures (empty when it passes). */
export function runTranscript(t: Transcript, extraEnv: NodeJS.ProcessEnv = {}): string[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-scn-'));
  const shim = path.join(work, '.bin');
  fs.mkdirSync(shim);
  for (const name of ['docker', 'dockersim']) {
    fs.writeFileSync(path.join(shim, name), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, {
      mode: 0o755,
    });
  }
  for (const f of t.files) {
    fs.mkdirSync(path.dirname(path.join(work, f.name)), { recursive: true });
    fs.writeFileSync(path.join(work, f.name), f.body);
  }
  const env = {
    PATH: `${shim}:${process.env.PATH}`,
    HOME: work,
    DOCKERSIM_HOME: path.join(work, '.state'),
    NO_COLOR: '1',
    TERM: 'dumb',
    ...extraEnv,
  };
  const failures: string[] = [];
  t.steps.forEach((step, n) => {
    const r = spawnSync('bash', ['-c', step.cmd], {
      cwd: work,
      env,
      input: '',
      encoding: 'utf8',
      timeout: 60_000,
    });
    const out = `${r.stdout}${r.stderr}`;
    for (const c of step.checks) {
      const ok =
        c.kind === '~'
          ? out.includes(c.arg)
          : c.kind === '!'
            ? !out.includes(c.arg)
            : String(r.status) === c.arg.trim();
      if (!ok)
        failures.push(
          `step ${n + 1} \`${step.cmd}\`: expected ${c.kind} ${c.arg}; got exit ${r.status}, output ${JSON.stringify(out.slice(0, 400))}`,
        );
    }
  });
  fs.rmSync(work, { recursive: true, force: true });
  return failures;
}
