import { pinned } from '../messages.js';
import { parseTrigger } from '../parser/index.js';
import { resolveBase } from '../resolve.js';
import type { Session } from '../session.js';
import { countSteps, type StageState } from '../state.js';

/**
 * FROM [--platform=…] image[:tag|@digest] [AS name] — starts a stage: from an image (pulled when
 * missing), from an earlier stage by its name, or from nothing (`scratch`). The image's ONBUILD
 * triggers become the stage's first instructions. Global ARGs (before the first FROM) may be
 * used in the image name.
 */
export async function dispatchFrom(s: Session, st: StageState): Promise<void> {
  const base = s.stages.find((x) => x.index < st.index && x.name !== undefined && x.name === st.baseName);
  const own = st.stage.commands.map((instruction) => ({ instruction, onbuild: false }));
  if (base) {
    st.startFrom(base.imageId, base.config, base);
    st.commands = own;
    st.cmdTotal = countSteps(own, false);
    return;
  }
  if (st.baseName === 'scratch') {
    st.startFrom(undefined, {});
    st.commands = own;
    st.cmdTotal = countSteps(own, false);
    return;
  }
  const resolved = await resolveBase(s, st.baseName, (line) => s.progress.line(line));
  const config = structuredClone(resolved.image.config);
  const triggers = (config.OnBuild ?? []).map((t) => ({
    instruction: parseTrigger(t, st.stage.from.line),
    onbuild: true,
  }));
  config.OnBuild = null;
  st.startFrom(resolved.image.id, config);
  st.commands = [...triggers, ...own];
  st.cmdTotal = countSteps(own, true) + triggers.length;
  const vertex = s.progress.vertex(`${st.nextPrefix()}FROM ${pinned(resolved.ref, resolved.image.digest)}`);
  if (resolved.pullLines.length === 0) {
    vertex.cached();
    return;
  }
  // The pull happened while the metadata was resolved; its time is shown here, as BuildKit does.
  vertex.status(`resolve ${pinned(resolved.ref, resolved.image.digest)}`, { done: true });
  for (const line of resolved.pullLines) {
    const layer = /^([0-9a-f]{12}): Pull complete$/.exec(line)?.[1];
    if (layer) vertex.status(`extracting sha256:${layer}`, { done: true });
  }
  vertex.done(resolved.ms / 1000);
}
