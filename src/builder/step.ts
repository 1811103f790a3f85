import type { ContainerConfigSpec } from '../images/config.js';
import { hexOf, sha256 } from '../images/digest.js';
import { rfc3339Nano } from '../util/text.js';
import type { FileEntry, SourceChecksum } from './backend.js';
import { StepError } from './errors.js';
import type { Vertex } from './progress.js';
import type { Session } from './session.js';
import type { StageState } from './state.js';

export const BUILDKIT_COMMENT = 'buildkit.dockerfile.v0';

/** What a dispatcher has worked out for its step, before the cache is asked. */
export interface StepPlan {
  /** `created_by` in the form of the builder that runs (BuildKit or classic). */
  createdBy: string;
  /** The cache identity: the instruction as recorded, plus a digest of copied content. */
  key: string;
  /** The image config after the step. */
  config: ContainerConfigSpec;
  /** Produces the step's layer (RUN, COPY, WORKDIR); undefined or empty for metadata. */
  execute?: (
    log: (stream: 'stdout' | 'stderr', text: string, at: number) => void,
  ) => Promise<FileEntry[] | undefined>;
  /** A step that may keep an empty layer (RUN always records one, as docker does). */
  keepEmptyLayer?: boolean;
  /** COPY/ADD: the copied files and their checksums (the content part of the cache key). */
  sources?: SourceChecksum[];
}

export interface StepOptions {
  /** BuildKit's vertex name without the `[2/5]` prefix; none for metadata instructions. */
  vertex?: string;
  /** The classic builder runs a throw-away container for everything but COPY/ADD. */
  container?: boolean;
}

/**
 * Runs one instruction as a build step: a vertex (BuildKit) or `---> Running in` lines
 * (classic), the cache lookup, the work, the commit of the resulting image and the cache entry.
 * `plan` may throw a StepError: the vertex then shows it, and the build fails with it.
 */
export async function runStep(
  s: Session,
  st: StageState,
  options: StepOptions,
  plan: (vertex: Vertex | undefined) => Promise<StepPlan> | StepPlan,
): Promise<void> {
  const name = options.vertex !== undefined ? st.nextPrefix() + options.vertex : undefined;
  const vertex = name !== undefined ? s.progress.vertex(name) : undefined;
  const live = s.legacy ? undefined : vertex;
  try {
    const p = await plan(live);
    const config = st.withExtraLabels(p.config);
    const key = st.extraLabels ? `${p.key}\nlabels=${JSON.stringify(st.extraLabels)}` : p.key;
    const parent = st.imageId;
    const hit = s.opts.noCache ? undefined : await s.backend.findCached(parent, key);
    const explain = (result: string) =>
      s.backend.explainStep?.({
        step: name ?? instructionText(p.createdBy),
        instruction: p.createdBy,
        parent,
        result,
        cached: hit !== undefined,
        noCache: s.opts.noCache === true,
        parentRebuilt: st.rebuilt,
        ...(p.sources ? { sources: p.sources } : {}),
      });
    if (hit) {
      explain(hit);
      live?.cached();
      s.progress.line(' ---> Using cache');
      if (!st.runningTrigger) s.progress.line(` ---> ${hexOf(hit).slice(0, 12)}`);
      adopt(st, hit, config);
      return;
    }
    const container =
      s.legacy && options.container !== false ? containerId(parent, key, s.backend.now()) : '';
    if (container) s.progress.line(` ---> Running in ${container}`);
    const layer = p.execute
      ? await p.execute((stream, text, at) => {
          if (s.legacy) s.progress.line(text);
          else live?.log(stream, text, at);
        })
      : undefined;
    const keep = layer !== undefined && (layer.length > 0 || p.keepEmptyLayer === true);
    const history = {
      created: rfc3339Nano(s.backend.now()),
      created_by: p.createdBy,
      ...(s.legacy ? {} : { comment: BUILDKIT_COMMENT }),
      ...(keep ? {} : { empty_layer: true }),
    };
    const id = await s.backend.commit(parent, keep ? layer : undefined, config, history);
    s.executed++;
    await s.backend.remember(parent, key, id);
    explain(id);
    st.rebuilt = true;
    if (container) s.progress.line(` ---> Removed intermediate container ${container}`);
    if (!st.runningTrigger) s.progress.line(` ---> ${hexOf(id).slice(0, 12)}`);
    live?.done();
    adopt(st, id, config);
  } catch (e) {
    if (e instanceof StepError && live) live.error(e.message);
    throw e;
  }
}

/** A metadata step as a learner wrote it: `ENV A=1`, not `/bin/sh -c #(nop)  ENV A=1`. */
function instructionText(createdBy: string): string {
  return createdBy
    .replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
    .replace(/ # buildkit$/, '')
    .trim();
}

function adopt(st: StageState, imageId: string, config: ContainerConfigSpec): void {
  st.imageId = imageId;
  st.config = config;
  st.committed = true;
}

/** The classic builder's throw-away container: a 12-hex ID that never looks like a number. */
function containerId(parent: string | undefined, key: string, now: number): string {
  for (let n = 0; ; n++) {
    const id = hexOf(sha256(`${parent ?? 'scratch'}\n${key}\n${now}\n${n}`)).slice(0, 12);
    if (!/^\d+$/.test(id)) return id;
  }
}
