import type { FsView } from '../backend.js';
import { StepError } from '../errors.js';
import { resolveBase } from '../resolve.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';

/**
 * What `COPY --from=X` reads: a stage, by name or by number, or else an image. A stage must
 * come before the one copying from it.
 */
export type FromTarget = { kind: 'stage'; stage: StageState } | { kind: 'image'; ref: string };

export function fromTarget(stages: readonly StageState[], from: string): FromTarget {
  if (/^\d+$/.test(from)) {
    const stage = stages[Number(from)];
    if (!stage) throw new StepError(`invalid stage index ${from}`);
    return { kind: 'stage', stage };
  }
  const stage = stages.find((x) => x.name === from.toLowerCase());
  return stage ? { kind: 'stage', stage } : { kind: 'image', ref: from };
}

/** The files `--from` names, as a read-only view. */
export async function sourceFs(s: Session, st: StageState, from: string): Promise<FsView> {
  const target = fromTarget(s.stages, from);
  if (target.kind === 'stage') {
    if (!target.stage.dispatched) {
      throw new StepError(
        `cannot copy from stage ${JSON.stringify(from)}, it needs to be defined before current stage ${JSON.stringify(st.label || st.name || '')}`,
      );
    }
    return s.backend.imageFs(target.stage.imageId);
  }
  const base = await resolveBase(s, target.ref, (line) => s.progress.line(line));
  return s.backend.imageFs(base.image.id);
}
