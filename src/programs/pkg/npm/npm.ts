import { Output } from '../../run.js';
import { versionOf } from '../../services/common.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import { exists, has, splitArgs, writeText } from '../common.js';
import { pick, splitSpec } from './data.js';
import {
  enoent,
  installTree,
  lockRoots,
  missingError,
  notifier,
  npmError,
  type Project,
  readProject,
  summary,
  writeLock,
} from './install.js';
import { runScript } from './scripts.js';

const VALUE_FLAGS = ['--prefix', '--omit', '--registry', '-w', '--workspace'];

export function depsOf(json: Record<string, unknown> | undefined, dev: boolean): [string, string, boolean][] {
  const list = (k: string, isDev: boolean) =>
    Object.entries((json?.[k] as Record<string, string> | undefined) ?? {}).map(
      ([n, r]) => [n, r, isDev] as [string, string, boolean],
    );
  return [...list('dependencies', false), ...(dev ? list('devDependencies', true) : [])];
}

/** npm install / i / add / ci, locally or with -g. */
function install(
  ctx: ProcessContext,
  out: Output,
  flags: Map<string, string>,
  specs: string[],
  ci: boolean,
  version: string,
): number {
  const global = has(flags, '-g', '--global');
  const dir = global
    ? exists(ctx, '/usr/local/lib/node_modules')
      ? '/usr/local'
      : '/usr'
    : ctx.cwd.replace(/\/$/, '') || '/';
  const base = global ? `${dir}/lib` : dir;
  const binDir = global ? `${dir}/bin` : `${dir}/node_modules/.bin`;
  const project: Project = global ? { dir, json: {} } : readProject(ctx, dir);
  const dev =
    !has(flags, '--production') && flags.get('--omit') !== 'dev' && ctx.env.NODE_ENV !== 'production';
  let roots: [string, string, boolean][];
  if (ci) {
    const locked = lockRoots(ctx, dir);
    if (!locked || !project.json) {
      npmError(ctx, out, [
        'code EUSAGE',
        '',
        'The `npm ci` command can only install with an existing package-lock.json or',
        'npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or',
        'later to generate a package-lock.json file, then try again.',
        '',
        'Clean install a project',
        '',
        'Usage:',
        'npm ci',
        '',
        'Run "npm help ci" for more info',
      ]);
      return 1;
    }
    roots = locked.filter(([, , isDev]) => dev || !isDev);
  } else if (specs.length > 0) {
    const saveDev = has(flags, '-D', '--save-dev');
    const added: [string, string][] = [];
    for (const spec of specs) {
      const [name, range] = splitSpec(spec);
      const v = pick(name, range);
      if (!v)
        return missingError(ctx, out, {
          kind: pick(name, '*') || pick(name, '>=0.0.0-0') ? 'ETARGET' : 'E404',
          spec: `${name}@${range || '*'}`,
        });
      added.push([
        name,
        range && /^\d/.test(range) && !range.includes(' ') && range.split('.').length === 3 ? range : `^${v}`,
      ]);
    }
    if (!global) {
      const json = project.json ?? {};
      const key = saveDev ? 'devDependencies' : 'dependencies';
      const deps = { ...((json[key] as Record<string, string> | undefined) ?? {}) };
      for (const [n, r] of added) deps[n] = r;
      json[key] = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : 1)));
      project.json = json;
      writeText(ctx, `${dir}/package.json`, `${JSON.stringify(json, null, 2)}\n`);
    }
    roots = global ? added.map(([n, r]) => [n, r, false]) : depsOf(project.json, dev);
  } else {
    roots = depsOf(project.json, dev);
  }
  const r = installTree(ctx, base, binDir, roots, ci);
  if (!Array.isArray((r as { tree?: unknown }).tree))
    return missingError(ctx, out, r as Parameters<typeof missingError>[2]);
  const done = r as Exclude<typeof r, { kind: string }>;
  const ms = 300 + done.added * 35 + done.tree.length * 4;
  out.wait(ms);
  if (!global) writeLock(ctx, project, done.tree);
  summary(out, done, ms, global);
  notifier(ctx, out, version);
  return 0;
}

async function run(ctx: ProcessContext): Promise<ProgramRun> {
  const out = new Output();
  const version = versionOf(ctx, '10.7.0');
  const { flags, words } = splitArgs(ctx.argv.slice(1), VALUE_FLAGS);
  const [cmd, ...rest] = words;
  if (!cmd && has(flags, '-v', '--version')) return out.out(`${version}\n`).exit(0);
  switch (cmd) {
    case 'install':
    case 'i':
    case 'add':
    case 'ci':
    case 'clean-install':
      return out.exit(install(ctx, out, flags, rest, cmd === 'ci' || cmd === 'clean-install', version));
    case 'start':
    case 'test':
    case 't':
    case 'stop':
    case 'restart':
      return runScript(ctx, out, cmd === 't' ? 'test' : cmd, rest);
    case 'run':
    case 'run-script':
      return runScript(ctx, out, rest[0], rest.slice(1));
    case undefined:
      out.out(
        'npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm run <foo>      run the script named <foo>\n',
      );
      return out.exit(1);
    default:
      if (!readProject(ctx, ctx.cwd).json && cmd !== 'init')
        return out.exit(enoent(ctx, out, ctx.cwd.replace(/\/$/, '')));
      out.err(`npm: the command '${cmd}' is not simulated by dockersim\n`);
      return out.exit(1);
  }
}

/** npm 10: install (ci, -g, <pkg>...), run/start/test with their `> pkg@1.0.0 script` headers, --version. */
export const npmProgram: Program = { name: 'npm', run };
