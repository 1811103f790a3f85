import type { BuildStepFact, CacheReason, SourceChecksum } from '../../api/explain.js';
import type { CacheStep } from '../../builder/backend.js';
import { hexOf, sha256 } from '../../images/digest.js';
import type { StateStore } from '../../store/index.js';

/**
 * What COPY/ADD steps copied, by parent image and instruction (`builder/sources.json`), so a
 * later build can say which file made the cache miss, not only that it missed.
 */
const SOURCES = 'builder/sources.json';

type SourceIndex = Record<string, SourceChecksum[]>;

const slot = (parent: string | undefined, instruction: string) =>
  hexOf(sha256(`${parent ?? 'scratch'}\n${instruction}`));

function load(store: StateStore): SourceIndex {
  const text = store.readText(SOURCES);
  return text ? (JSON.parse(text) as SourceIndex) : {};
}

/** Files whose checksum differs, appeared or went, between two copies of the same instruction. */
export function changedFiles(before: SourceChecksum[], after: SourceChecksum[]): BuildStepFact['changed'] {
  const old = new Map(before.map((f) => [f.path, f.checksum]));
  const now = new Map(after.map((f) => [f.path, f.checksum]));
  const out: NonNullable<BuildStepFact['changed']> = [];
  for (const [path, checksum] of now) {
    const was = old.get(path);
    if (was !== checksum) out.push({ path, ...(was ? { before: was } : {}), after: checksum });
  }
  for (const [path, checksum] of old) if (!now.has(path)) out.push({ path, before: checksum });
  return out;
}

/**
 * The cache's decision for one step and its reason. A hit is the same instruction on the same
 * parent (for COPY/ADD also the same checksums); a miss is `--no-cache`, a rebuilt step before
 * it, a changed file, or an instruction never built on this parent.
 */
export function explainCacheStep(store: StateStore, step: CacheStep): BuildStepFact {
  const index = load(store);
  const key = slot(step.parent, step.instruction);
  const previous = index[key];
  let reason: CacheReason;
  let changed: BuildStepFact['changed'];
  if (step.cached) reason = step.sources ? 'same-files' : 'same-instruction';
  else if (step.noCache) reason = 'no-cache';
  else if (step.parentRebuilt) reason = 'parent-rebuilt';
  else if (previous && step.sources) {
    changed = changedFiles(previous, step.sources);
    reason = changed?.length ? 'files-changed' : 'new-step';
  } else reason = 'new-step';
  if (step.sources && !step.cached) {
    index[key] = step.sources;
    store.writeJson(SOURCES, index);
  }
  return {
    kind: 'build-step',
    step: step.step,
    parent: step.parent ?? '',
    result: step.result,
    cached: step.cached,
    reason,
    ...(step.sources ? { files: step.sources } : {}),
    ...(changed?.length ? { changed } : {}),
  };
}
