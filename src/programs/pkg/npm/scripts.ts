import { Output } from '../../run.js';
import type { ProcessContext, ProgramRun, TimelineEvent } from '../../types.js';
import { exists } from '../common.js';
import { enoent, npmError, readProject } from './install.js';

/**
 * `npm run <name>` (and start/test): prints npm's header, runs pre<name>, <name> and post<name>
 * through `sh -c` with node_modules/.bin on PATH, and reports a failing script as npm does.
 */
export async function runScript(
  ctx: ProcessContext,
  out: Output,
  name: string | undefined,
  args: string[],
): Promise<ProgramRun> {
  const dir = ctx.cwd.replace(/\/$/, '') || '/';
  const project = readProject(ctx, dir);
  if (!project.json) {
    return out.exit(enoent(ctx, out, dir));
  }
  const scripts = (project.json.scripts as Record<string, string> | undefined) ?? {};
  if (!name) {
    const list = Object.entries(scripts);
    if (list.length > 0)
      out.out(
        `Scripts available in ${project.json.name ?? dir} via \`npm run-script\`:\n${list.map(([k, v]) => `  ${k}\n    ${v}\n`).join('')}`,
      );
    return out.exit(0);
  }
  let script = scripts[name];
  if (script === undefined && name === 'start' && exists(ctx, `${dir}/server.js`)) script = 'node server.js';
  if (script === undefined) {
    npmError(ctx, out, [`Missing script: "${name}"`, '', 'To see a list of scripts, run:', '  npm run']);
    return out.exit(1);
  }
  const id = project.json.name ? `${project.json.name}@${project.json.version ?? ''}`.replace(/@$/, '') : dir;
  const steps: [string, string][] = [];
  if (scripts[`pre${name}`]) steps.push([`pre${name}`, scripts[`pre${name}`]!]);
  steps.push([name, args.length ? `${script} ${args.join(' ')}` : script]);
  if (scripts[`post${name}`]) steps.push([`post${name}`, scripts[`post${name}`]!]);
  const events: TimelineEvent[] = [];
  let at = 1;
  const env = {
    ...ctx.env,
    PATH: `${dir}/node_modules/.bin:${ctx.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`,
    npm_lifecycle_event: name,
    npm_package_name: String(project.json.name ?? ''),
  };
  for (const [event, command] of steps) {
    events.push({ at, kind: 'stdout', text: `\n> ${id} ${event}\n> ${command}\n\n` });
    const child = await ctx.exec(['sh', '-c', command], { env, cwd: dir });
    const sorted = [...child.events].sort((a, b) => a.at - b.at);
    const exit = sorted.find((e) => e.kind === 'exit');
    for (const e of sorted) if (e.kind !== 'exit') events.push({ ...e, at: at + e.at });
    if (exit?.kind !== 'exit') return { events };
    at += exit.at;
    if (exit.code !== 0) {
      const tail = new Output();
      npmError(ctx, tail, ['code 1', `path ${dir}`, 'command failed', `command sh -c ${command}`]);
      for (const e of tail.exit(exit.code).events) events.push({ ...e, at: at + e.at });
      return { events };
    }
  }
  events.push({ at: at + 1, kind: 'exit', code: 0 });
  return { events };
}
