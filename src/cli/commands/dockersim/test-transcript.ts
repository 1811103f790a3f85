import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTranscript, runTranscript } from '../../../learn/transcript.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { atLeast, bool, type CommandSpec } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'test-transcript',
  usage: '[OPTIONS] FILE|DIR [FILE|DIR...]',
  description: 'Replay transcripts of docker sessions and check their output (for lesson authors)',
  args: atLeast(1),
  flags: [bool('verbose', 'v', 'Print each command and its output')],
  extraHelp:
    'A transcript is a shell session written down:\n\n' +
    '  @file NAME ... @end   a file put into the working folder first\n' +
    '  $ COMMAND             a command line\n' +
    '  ~ TEXT                its output (stdout and stderr) contains TEXT\n' +
    '  ! TEXT                its output does not contain TEXT\n' +
    '  ? CODE                its exit status is CODE\n\n' +
    'Each transcript gets a fresh temporary working folder and a fresh DOCKERSIM_HOME. Its command\n' +
    'lines are run by bash, as typed in a terminal, with `docker` and `dockersim` meaning this\n' +
    'dockersim, NO_COLOR=1, TERM=dumb and no terminal; DOCKERSIM_CLOCK and DOCKERSIM_SEED are kept.\n' +
    'Only replay transcripts you would run in your own shell. A directory stands for its *.txt files.\n' +
    'Prints PASS or FAIL per transcript (with the failing steps), then "N passed, N failed"; exits 1\n' +
    'when any failed.\n',
};

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const files = parsed.args.flatMap((arg) => expand(ctx.cwd, arg));
  let passed = 0;
  let failed = 0;
  for (const { shown, full } of files) {
    let failures: string[];
    try {
      const transcript = parseTranscript(fs.readFileSync(full, 'utf8'));
      failures = runTranscript(
        transcript,
        {},
        {
          onCommand: parsed.opts.verbose
            ? (step, result) =>
                ctx.stdout.write(
                  result ? indent(`${result.output}[exit ${result.status}]\n`) : `  $ ${step.cmd}\n`,
                )
            : undefined,
        },
      );
    } catch (err) {
      failures = [(err as Error).message];
    }
    if (failures.length === 0) {
      passed++;
      ctx.stdout.write(`PASS ${shown}\n`);
    } else {
      failed++;
      ctx.stdout.write(`FAIL ${shown}\n${failures.map((f) => `    ${f}\n`).join('')}`);
    }
  }
  ctx.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

/** A file as named, or a directory's *.txt files in name order. */
function expand(cwd: string, arg: string): { shown: string; full: string }[] {
  const full = path.resolve(cwd, arg);
  if (fs.existsSync(full) && fs.statSync(full).isDirectory()) {
    return fs
      .readdirSync(full)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ shown: path.join(arg, f), full: path.join(full, f) }));
  }
  return [{ shown: arg, full }];
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '    ');
}
