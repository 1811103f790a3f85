import * as fs from 'node:fs';
import * as path from 'node:path';
import { EngineError } from '../../../api/errors.js';
import type { BuildEvent, ContextFile } from '../../../api/images.js';
import { humanSize } from '../../../format/size.js';
import { parse, parseNormalized } from '../../../images/reference.js';
import { type ParsedCommand, usageError } from '../../argv.js';
import { type BuildRenderer, LegacyRenderer, PlainRenderer, TtyRenderer } from '../../build-progress.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { bool, type CommandSpec, int, list, str } from '../../spec.js';
import { readInput } from './build-context.js';

/**
 * `docker build`. The flags are those of the docker 28 client's own `build` (the classic
 * builder's, which is what `docker build --help` shows without buildx), plus `--progress`,
 * `--load` and `--push`, because the Engine dockersim simulates has buildx: `docker build` is
 * BuildKit unless DOCKER_BUILDKIT=0, which brings back the classic builder and its lines.
 * Resource and security flags are accepted and have no effect.
 */
export const spec: CommandSpec = {
  path: 'image build',
  usage: '[OPTIONS] PATH | URL | -',
  description: 'Build an image from a Dockerfile',
  aliases: ['docker image build', 'docker build', 'docker builder build'],
  // Checked in run(): buildx and the classic builder word a missing PATH differently.
  args: { min: 0, max: Number.POSITIVE_INFINITY },
  flags: [
    list('add-host', undefined, 'Add a custom host-to-IP mapping ("host:ip")'),
    list('build-arg', undefined, 'Set build-time variables'),
    list('cache-from', undefined, 'Images to consider as cache sources', { typeName: 'strings' }),
    str('cgroup-parent', undefined, 'Set the parent cgroup for the "RUN" instructions during build'),
    bool('compress', undefined, 'Compress the build context using gzip'),
    int('cpu-period', undefined, 'Limit the CPU CFS (Completely Fair Scheduler) period'),
    int('cpu-quota', undefined, 'Limit the CPU CFS (Completely Fair Scheduler) quota'),
    int('cpu-shares', 'c', 'CPU shares (relative weight)'),
    str('cpuset-cpus', undefined, 'CPUs in which to allow execution (0-3, 0,1)'),
    str('cpuset-mems', undefined, 'MEMs in which to allow execution (0-3, 0,1)'),
    bool('disable-content-trust', undefined, 'Skip image verification', { defaultText: 'true' }),
    str('file', 'f', 'Name of the Dockerfile (Default is "PATH/Dockerfile")'),
    bool('force-rm', undefined, 'Always remove intermediate containers'),
    str('iidfile', undefined, 'Write the image ID to the file'),
    str('isolation', undefined, 'Container isolation technology'),
    list('label', undefined, 'Set metadata for an image'),
    bool('load', undefined, 'Shorthand for "--output=type=docker"'),
    str('memory', 'm', 'Memory limit', { typeName: 'bytes' }),
    str('memory-swap', undefined, 'Swap limit equal to memory plus swap: -1 to enable unlimited swap', {
      typeName: 'bytes',
    }),
    str('network', undefined, 'Set the networking mode for the RUN instructions during build', {
      defaultText: '"default"',
    }),
    bool('no-cache', undefined, 'Do not use cache when building the image'),
    str('platform', undefined, 'Set platform if server is multi-platform capable'),
    str(
      'progress',
      undefined,
      'Set type of progress output ("auto", "quiet", "plain", "tty", "rawjson"). Use plain to show container output',
      {
        defaultText: '"auto"',
      },
    ),
    bool('pull', undefined, 'Always attempt to pull a newer version of the image'),
    bool('push', undefined, 'Shorthand for "--output=type=registry"'),
    bool('quiet', 'q', 'Suppress the build output and print image ID on success'),
    bool('rm', undefined, 'Remove intermediate containers after a successful build', { defaultText: 'true' }),
    list('security-opt', undefined, 'Security options', { typeName: 'strings' }),
    str('shm-size', undefined, 'Size of "/dev/shm"', { typeName: 'bytes' }),
    bool('squash', undefined, 'Squash newly built layers into a single new layer'),
    list('tag', 't', 'Name and optionally a tag in the "name:tag" format'),
    str('target', undefined, 'Set the target build stage to build.'),
    list('ulimit', undefined, 'Ulimit options', { typeName: 'ulimit', defaultText: '[]' }),
  ],
};

const BUILDX_USAGE = 'docker buildx build [OPTIONS] PATH | URL | -';
const LEGACY_BANNER =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n' +
  '            environment-variable.\n\n';

type Mode = 'plain' | 'tty' | 'quiet' | 'rawjson' | 'legacy';

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const o = parsed.opts as Record<string, unknown>;
  const legacy = classicBuilder(ctx.env);
  if (legacy) ctx.stderr.write(LEGACY_BANNER);
  const bk = (message: string) => new CliError(legacy ? message : `ERROR: ${message}`);
  const invoked = { ...spec, path: parsed.path };
  for (const flag of ['progress', 'load', 'push']) {
    if (legacy && parsed.given.has(flag)) throw usageError(invoked, `unknown flag: --${flag}`, 125);
  }
  if (parsed.args.length !== 1) {
    const n = 'requires 1 argument';
    if (legacy) throw usageError(invoked, `docker: 'docker ${parsed.path}' ${n}`, 1);
    throw new CliError(
      `ERROR: docker: 'docker buildx build' ${n}\n\nUsage:  ${BUILDX_USAGE}\n\nRun 'docker buildx build --help' for more information`,
    );
  }
  const tags = o.tag as string[];
  for (const tag of tags) checkTag(invoked, tag, legacy);
  const mode = legacy ? 'legacy' : progressMode(ctx, o);
  const quiet = o.quiet === true;
  const input = await readInput(ctx, parsed.args[0]!, o.file as string | undefined, legacy, bk);
  if (legacy && !quiet) {
    ctx.stdout.write(
      `Sending build context to Docker daemon ${humanSize(tarSize(input.files)).padStart(8)}\n`,
    );
  }
  const events: BuildEvent[] = [];
  const renderer = quiet ? undefined : makeRenderer(ctx, mode);
  const engine = await ctx.engine();
  let imageId: string;
  try {
    const result = await engine.imageBuild(
      input.files,
      {
        dockerfile: input.dockerfile,
        dockerfileName: input.dockerfileName,
        tags,
        buildArgs: pairs(o['build-arg'] as string[], ctx.env, true),
        labels: pairs(o.label as string[], ctx.env, false),
        ...(o.target ? { target: o.target as string } : {}),
        noCache: o['no-cache'] === true,
        pull: o.pull === true,
        builder: legacy ? 'legacy' : 'buildkit',
      },
      (e) => {
        events.push(e);
        if (renderer && !(renderer instanceof TtyRenderer)) renderer.event(e);
      },
    );
    imageId = result.imageId;
  } catch (e) {
    await replay(ctx, renderer, events);
    throw buildFailure(e, legacy, events);
  }
  await replay(ctx, renderer, events);
  if (quiet) ctx.stdout.write(`${imageId}\n`);
  if (o.iidfile) fs.writeFileSync(path.resolve(ctx.cwd, o.iidfile as string), imageId);
  if (o.push === true)
    throw bk(
      `failed to push: dockersim works offline and has no registry to push ${tags[0] ?? 'the image'} to`,
    );
  return 0;
}

function classicBuilder(env: NodeJS.ProcessEnv): boolean {
  const raw = env.DOCKER_BUILDKIT;
  if (raw === undefined || raw === '') return false;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return false;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return true;
  throw new CliError(
    `DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing "${raw}": invalid syntax`,
  );
}

/** buildx checks tags with the plain reference parser; the classic client as a flag value. */
function checkTag(cmd: CommandSpec, tag: string, legacy: boolean): void {
  try {
    if (legacy) parseNormalized(tag);
    else parse(tag);
  } catch (e) {
    const reason = (e as Error).message;
    if (legacy) throw usageError(cmd, `invalid argument "${tag}" for "-t, --tag" flag: ${reason}`, 125);
    throw new CliError(`ERROR: invalid tag "${tag}": ${reason}`);
  }
}

function progressMode(ctx: CommandContext, o: Record<string, unknown>): Mode {
  let mode = (o.progress as string | undefined) ?? 'auto';
  if (o.quiet === true) {
    if (mode !== 'auto' && mode !== 'quiet')
      throw new CliError(`ERROR: progress=${mode} and quiet cannot be used together`);
    return 'quiet';
  }
  if (mode === 'auto' && ctx.env.BUILDKIT_PROGRESS) mode = ctx.env.BUILDKIT_PROGRESS;
  if (mode === 'auto') return ctx.stderr.isTTY ? 'tty' : 'plain';
  if (mode === 'tty' && !ctx.stderr.isTTY)
    throw new CliError('ERROR: failed to get console: provided file is not a console');
  if (mode === 'plain' || mode === 'tty' || mode === 'quiet' || mode === 'rawjson') return mode;
  throw new CliError(`ERROR: invalid progress mode ${mode}`);
}

function makeRenderer(ctx: CommandContext, mode: Mode): BuildRenderer | undefined {
  const err = (t: string) => ctx.stderr.write(t);
  if (mode === 'legacy') return new LegacyRenderer((t) => ctx.stdout.write(t));
  if (mode === 'plain') return new PlainRenderer(err);
  if (mode === 'tty') return new TtyRenderer(err, ctx.stderr.columns ?? 80);
  if (mode === 'rawjson') return { event: (e) => err(`${JSON.stringify(e)}\n`), finish: () => {} };
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Plain output was written as it came; the terminal view is replayed, paced, then finished. */
async function replay(
  ctx: CommandContext,
  renderer: BuildRenderer | undefined,
  events: BuildEvent[],
): Promise<void> {
  if (!(renderer instanceof TtyRenderer)) {
    renderer?.finish();
    return;
  }
  const live = ctx.stderr.isTTY === true && !ctx.env.DOCKERSIM_CLOCK;
  const times = events.flatMap((e) => (e.kind === 'legacy' ? [] : [e.at]));
  const span = Math.max(1, (times[times.length - 1] ?? 0) - (times[0] ?? 0));
  let last = times[0] ?? 0;
  for (const e of events) {
    renderer.event(e);
    if (!live || e.kind === 'legacy' || e.at - last < 50) continue;
    renderer.draw();
    await sleep(Math.min(400, ((e.at - last) / span) * 2500));
    last = e.at;
  }
  renderer.finish();
}

/** A failed build as docker prints it: BuildKit's `ERROR: …` last line, or the daemon's words. */
function buildFailure(e: unknown, legacy: boolean, events: BuildEvent[]): unknown {
  if (!(e instanceof EngineError)) return e;
  if (legacy) {
    const streamed = events.some((x) => x.kind === 'legacy');
    if (!streamed) return new CliError(`Error response from daemon: ${e.message}`);
    return new CliError(e.message, e.detail.exitCode || 1);
  }
  const lines = e.message.split('\n');
  lines[lines.length - 1] = `ERROR: ${lines[lines.length - 1]}`;
  return new CliError(lines.join('\n'));
}

/** `--build-arg KEY=value`; a bare KEY takes the value from the environment (skipped if unset). */
function pairs(values: string[], env: NodeJS.ProcessEnv, fromEnv: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq >= 0) out[v.slice(0, eq)] = v.slice(eq + 1);
    else if (!fromEnv) out[v] = '';
    else if (env[v] !== undefined) out[v] = env[v]!;
  }
  return out;
}

/** The size of the tar the classic client sends: 512-byte headers and blocks, two end blocks. */
function tarSize(files: ContextFile[]): number {
  let n = 1024;
  for (const f of files) n += 512 + Math.ceil((f.content?.length ?? 0) / 512) * 512;
  return n;
}
