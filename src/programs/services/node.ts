import { resolveExecutable } from '../registry.js';
import { finished } from '../run.js';
import type { ProcessContext, Program, ProgramRun } from '../types.js';
import { notSimulated, readText, startOf, versionOf } from './common.js';
import { execInto } from './exec.js';
import { MiB, Timeline } from './timeline.js';
import { evaluate, repr, runTiny } from './tiny-eval.js';

/**
 * The node image's docker-entrypoint.sh: `node` goes in front of an option, of a name that
 * is no command (`app.js`), or of a file that is not executable; then the command is exec'd.
 */
export const nodeEntrypoint: Program = {
  name: 'docker-entrypoint:node',
  run(ctx) {
    const t = new Timeline(startOf(ctx));
    const args = ctx.argv.slice(1);
    const first = args[0] ?? '';
    const found = first ? resolveExecutable(ctx.fs, first, ctx.env.PATH, ctx.cwd) : undefined;
    const stat = first
      ? ctx.fs.stat(first.startsWith('/') ? first : `${ctx.cwd.replace(/\/$/, '')}/${first}`)
      : undefined;
    const plainFile = stat?.type === 'file' && (stat.mode & 0o111) === 0;
    const node = first.startsWith('-') || !found || 'kind' in found || plainFile;
    return execInto(ctx, t, node ? ['node', ...args] : args);
  },
};

export function nodeProgram(name: string, fixed?: string): Program {
  return { name, run: (ctx) => runNode(ctx, versionOf(ctx, '20.15.1', fixed)) };
}

function runNode(ctx: ProcessContext, version: string): ProgramRun {
  const args = ctx.argv.slice(1);
  const footer = `\nNode.js v${version}\n`;
  if (args[0] === '-v' || args[0] === '--version') return finished(`v${version}\n`);
  if (args[0] === '-e' || args[0] === '--eval' || args[0] === '-p' || args[0] === '--print') {
    const out = runTiny(args[1] ?? '', 'js', args[0] === '-p' || args[0] === '--print');
    return out ? finished(out.map((l) => `${l}\n`).join('')) : notSimulated(ctx, 'running this code');
  }
  const script = args.find((a) => !a.startsWith('-'));
  if (script) {
    const path = script.startsWith('/') ? script : `${ctx.cwd.replace(/\/$/, '')}/${script}`;
    const source = readText(ctx, path) ?? readText(ctx, `${path}.js`);
    if (source === undefined) {
      return finished(
        '',
        `Error: Cannot find module '${path}'\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n${footer}`,
        1,
      );
    }
    return runSource(ctx, source);
  }
  if (ctx.tty) return repl(ctx, version);
  if (!ctx.stdin) return finished(''); // no terminal, nothing to read: the REPL ends at once
  return runSource(ctx, ctx.stdin);
}

/** A script: the evaluator's subset, or a server that listens (`app.listen(3000)`) and runs on. */
function runSource(ctx: ProcessContext, source: string): ProgramRun {
  const out = runTiny(source, 'js');
  if (out) return finished(out.map((l) => `${l}\n`).join(''));
  const port = /\.listen\(\s*(\d+)/.exec(source)?.[1];
  if (!port) return notSimulated(ctx, 'running this script');
  const t = new Timeline(startOf(ctx));
  t.memory(30 * MiB).cpu(0.2);
  t.wait(60)
    .listen(Number(port))
    .memory(45 * MiB)
    .cpu(0.001);
  return t.running();
}

/** With a terminal: the banner, then each line of input evaluated; it waits for more. */
function repl(ctx: ProcessContext, version: string): ProgramRun {
  const t = new Timeline(startOf(ctx));
  t.memory(38 * MiB).cpu(0.05);
  t.out(`Welcome to Node.js v${version}.\nType ".help" for more information.\n> `);
  for (const line of (ctx.stdin ?? '').split('\n').filter((l) => l.trim())) {
    t.wait(10).out(`${line}\n`);
    const r = evaluate(line, 'js');
    if (!r) t.out('Uncaught: this input is not simulated by dockersim\n');
    else t.out([...r.printed, repr(r.last, 'js')].map((l) => `${l}\n`).join(''));
    t.out('> ');
  }
  t.wait(20).cpu(0);
  return t.running();
}
