import { resolveExecutable } from '../../registry.js';
import { Output } from '../../run.js';
import type { ProcessContext, ProgramRun } from '../../types.js';
import { type Flavour, failure, usageFailure } from '../common/fail.js';
import { type GetoptSpec, getopt, isGetoptError } from '../common/getopt.js';
import { quote } from '../common/text.js';

/**
 * `env` prints the environment, or runs a command with a changed one; the command's timeline
 * is env's own (env execs it, so the process simply becomes the command). coreutils env exits
 * 125 for its own errors, 126/127 when the command cannot run.
 */
const LONG: GetoptSpec['long'] = {
  'ignore-environment': ['i', 'none'],
  null: ['0', 'none'],
  unset: ['u', 'required'],
  chdir: ['C', 'required'],
  'split-string': ['S', 'required'],
  debug: ['v', 'none'],
  help: ['h', 'none'],
  version: ['V', 'none'],
};

function listing(env: Record<string, string>, nul: boolean): string {
  return Object.entries(env)
    .map(([k, v]) => `${k}=${v}${nul ? '\0' : '\n'}`)
    .join('');
}

export async function env(ctx: ProcessContext, flavour: Flavour): Promise<ProgramRun> {
  const gnu = flavour === 'gnu';
  const p = getopt(ctx.argv.slice(1), {
    short: gnu ? '+C:iS:u:v0' : '+i0u:',
    long: gnu ? LONG : undefined,
    posix: true,
  });
  if (isGetoptError(p)) return usageFailure(ctx, 'env', flavour, p, gnu ? 125 : 1);
  let vars: Record<string, string> = { ...ctx.env };
  let cwd: string | undefined;
  let operands = p.operands;
  if (operands[0] === '-') {
    vars = {};
    operands = operands.slice(1);
  }
  for (const o of p.opts) {
    if (o.key === 'h')
      return new Output().out('Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n').exit(0);
    if (o.key === 'V') return new Output().out('env (GNU coreutils) 9.4\n').exit(0);
    if (o.key === 'i') vars = {};
    if (o.key === 'u') delete vars[o.value!];
    if (o.key === 'C') cwd = o.value;
    if (o.key === 'S') operands = [...o.value!.split(/\s+/).filter(Boolean), ...operands];
  }
  while (operands[0]?.includes('=')) {
    const assignment = operands.shift()!;
    const eq = assignment.indexOf('=');
    vars[assignment.slice(0, eq)] = assignment.slice(eq + 1);
  }
  const nul = p.opts.some((o) => o.key === '0');
  if (operands.length === 0) {
    if (cwd !== undefined)
      return usageFailure(ctx, 'env', flavour, 'must specify command with --chdir (-C)', 125);
    return new Output().out(listing(vars, nul)).exit(0);
  }
  if (nul && gnu) return usageFailure(ctx, 'env', flavour, 'cannot specify --null (-0) with command', 125);
  const command = operands[0]!;
  const found = resolveExecutable(ctx.fs, command, vars.PATH, cwd ?? ctx.cwd);
  if ('kind' in found) {
    const missing = found.kind === 'not-found';
    if (!gnu)
      return failure(
        'env',
        `can't execute '${command}': ${missing ? 'No such file or directory' : 'Permission denied'}`,
        missing ? 127 : 126,
      );
    return failure(
      'env',
      `${quote(ctx.env, command)}: ${missing ? 'No such file or directory' : 'Permission denied'}`,
      missing ? 127 : 126,
    );
  }
  return ctx.exec(operands, { env: vars, ...(cwd !== undefined ? { cwd } : {}) });
}

export function printenv(ctx: ProcessContext, flavour: Flavour): ProgramRun {
  const gnu = flavour === 'gnu';
  const p = getopt(ctx.argv.slice(1), {
    short: gnu ? '0' : '',
    long: gnu ? { null: ['0', 'none'], help: ['h', 'none'], version: ['V', 'none'] } : undefined,
  });
  if (isGetoptError(p)) return usageFailure(ctx, 'printenv', flavour, p, gnu ? 2 : 1);
  const end = p.opts.some((o) => o.key === '0') ? '\0' : '\n';
  if (p.operands.length === 0) return new Output().out(listing(ctx.env, end === '\0')).exit(0);
  const out = new Output();
  let missing = false;
  for (const name of p.operands) {
    const value = name.includes('=') ? undefined : ctx.env[name];
    if (value === undefined) missing = true;
    else out.out(`${value}${end}`);
  }
  return out.exit(missing ? 1 : 0);
}
