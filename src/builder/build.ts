import type { BuildEvent, BuildOptions, BuildResult, ContextFile } from '../api/images.js';
import { hexOf, sha256 } from '../images/digest.js';
import type { BuilderBackend } from './backend.js';
import { toBuildError } from './build-errors.js';
import { BuildContext, cleanRelative } from './context.js';
import { exportImage } from './export.js';
import { units } from './messages.js';
import { parseDockerfile } from './parser/index.js';
import {
  createStages,
  findTarget,
  imagesToResolve,
  located,
  neededStages,
  resolveGlobalArgs,
} from './plan.js';
import { Progress } from './progress.js';
import { BaseImageError, resolveBase } from './resolve.js';
import { baseKey, type Session } from './session.js';
import { buildStage, stepLine } from './stage.js';
import type { StageState } from './state.js';

export { BuildError } from './errors.js';

/**
 * `docker build`: parses the Dockerfile, runs the stages the target needs, one dispatcher per
 * instruction, and tags the result. Progress goes to `onEvent` as BuildKit vertices or as the
 * classic builder's lines (`opts.builder`). Every failure is a BuildError worded as docker's.
 */
export async function build(
  backend: BuilderBackend,
  context: ContextFile[],
  opts: BuildOptions,
  onEvent: (e: BuildEvent) => void,
): Promise<BuildResult> {
  const legacy = opts.builder === 'legacy';
  const s: Session = {
    backend,
    opts,
    progress: new Progress(onEvent, () => backend.now(), legacy),
    context: new BuildContext(context),
    dockerfile: { metaArgs: [], stages: [], escape: '\\', warnings: [] },
    source: opts.dockerfile,
    legacy,
    globalArgs: new Map(),
    consumed: new Set(),
    stages: [],
    bases: new Map(),
    step: { n: 0, total: 0 },
    executed: 0,
  };
  try {
    return { imageId: await run(s) };
  } catch (e) {
    throw toBuildError(s, e);
  }
}

async function run(s: Session): Promise<string> {
  loadDefinition(s);
  s.dockerfile = parseDockerfile(s.opts.dockerfile);
  frontend(s);
  resolveGlobalArgs(s);
  s.stages = createStages(s);
  const target = located(0, 0, () => findTarget(s));
  const stages = neededStages(s, target);
  target.extraLabels = s.legacy || Object.keys(s.opts.labels).length === 0 ? undefined : { ...s.opts.labels };
  if (s.legacy) addLabelInstructions(s, target);
  s.step.total = s.dockerfile.metaArgs.length + stages.reduce((n, st) => n + 1 + st.stage.commands.length, 0);
  for (const meta of s.dockerfile.metaArgs) stepLine(s, meta.code);
  await loadMetadata(s, stages);
  ignoreFile(s);
  let contextShown = false;
  for (const st of stages) {
    await buildStage(s, st, () => {
      if (contextShown || s.legacy || !usesContext(stages)) return;
      contextShown = true;
      const v = s.progress.vertex('[internal] load build context');
      s.backend.elapse(10);
      v.status(`transferring context: ${units(Math.max(2, contextBytes(s, stages)))}`, { done: true });
      v.done();
    });
  }
  return exportImage(s, target);
}

/** `[internal] load build definition from Dockerfile`: the Dockerfile reaches the builder. */
function loadDefinition(s: Session): void {
  const name = s.opts.dockerfileName.replace(/^.*\//, '') || 'Dockerfile';
  const v = s.progress.vertex(`[internal] load build definition from ${name}`);
  s.backend.elapse(10);
  v.status(`transferring dockerfile: ${units(Buffer.byteLength(s.opts.dockerfile))}`, { done: true });
  v.done();
}

/** `# syntax=docker/dockerfile:1`: BuildKit fetches that frontend first (simulated as cached). */
function frontend(s: Session): void {
  const syntax = s.dockerfile.syntax;
  if (!syntax || s.legacy) return;
  const ref = syntax.includes('/') ? `docker.io/${syntax.replace(/^docker\.io\//, '')}` : syntax;
  const v = s.progress.vertex(`resolve image config for docker-image://${ref}`);
  s.backend.elapse(300);
  v.done();
  s.progress.vertex(`docker-image://${ref}@sha256:${hexOf(sha256(`frontend ${ref}`))}`).cached();
}

/** BuildKit resolves every base image up front (`[internal] load metadata for …`). */
async function loadMetadata(s: Session, stages: StageState[]): Promise<void> {
  if (s.legacy) return;
  for (const { ref, line, endLine } of imagesToResolve(s, stages)) {
    const v = s.progress.vertex(`[internal] load metadata for ${located(line, endLine, () => baseKey(ref))}`);
    const start = s.backend.now();
    try {
      const resolved = await resolveBase(s, ref);
      s.backend.elapse(resolved.pullLines.length ? 0 : 50);
      v.done(resolved.pullLines.length ? 0.5 : (s.backend.now() - start) / 1000);
    } catch (e) {
      if (e instanceof BaseImageError) v.error(e.reason);
      located(line, endLine, () => {
        throw e;
      });
    }
  }
}

/** `[internal] load .dockerignore`: what the client sent of it (2 bytes when there is none). */
function ignoreFile(s: Session): void {
  if (s.legacy) return;
  const v = s.progress.vertex('[internal] load .dockerignore');
  const file = s.context.get('.dockerignore');
  v.status(`transferring context: ${units(file?.content?.length ?? 2)}`, { done: true });
  v.done();
}

function usesContext(stages: StageState[]): boolean {
  return stages.some((st) =>
    st.stage.commands.some((c) => (c.kind === 'COPY' || c.kind === 'ADD') && !c.from),
  );
}

/** BuildKit sends only the paths COPY and ADD name; a wildcard or `.` means everything. */
function contextBytes(s: Session, stages: StageState[]): number {
  const paths = new Set<string>();
  for (const st of stages) {
    for (const c of st.stage.commands) {
      if ((c.kind === 'COPY' || c.kind === 'ADD') && !c.from)
        for (const src of c.sources) paths.add(cleanRelative(src));
    }
  }
  if ([...paths].some((p) => p === '' || /[*?[$]/.test(p))) return s.context.size();
  return new BuildContext(
    [...paths].flatMap((p) => {
      const f = s.context.get(p);
      if (!f) return [];
      return f.type === 'dir' ? [f, ...s.context.descendants(p)] : [f];
    }),
  ).size();
}

/** A double-quoted word that expands to exactly `text` (`--label` values are not expanded). */
function literal(s: Session, text: string): string {
  const esc = s.dockerfile.escape;
  return `"${[...text].map((ch) => (ch === '"' || ch === '$' || ch === esc ? esc + ch : ch)).join('')}"`;
}

/** The classic builder turns `--label k=v` into LABEL instructions at the end of the target. */
function addLabelInstructions(s: Session, target: StageState): void {
  const keys = Object.keys(s.opts.labels).sort();
  for (const key of keys) {
    const code = `LABEL ${key}=${s.opts.labels[key]}`;
    target.stage.commands.push({
      kind: 'LABEL',
      line: 0,
      endLine: 0,
      code,
      pairs: [{ key: literal(s, key), value: literal(s, s.opts.labels[key]!), noDelim: false }],
    });
  }
}
