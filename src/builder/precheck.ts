import { cleanRelative } from './context.js';
import { SourceNotFound } from './copy-sources.js';
import { notFound } from './dispatchers/copy.js';
import { vertexName } from './messages.js';
import { LocatedError } from './plan.js';
import type { Session } from './session.js';
import { isCounted, type StageState } from './state.js';

/**
 * BuildKit works out COPY's cache key (a checksum of the copied files) while the steps before
 * it still run, so a source missing from the context fails the build before those steps are
 * done: `[4/4] COPY hello.py /` errors even when an earlier RUN would take minutes. Sources with
 * variables or wildcards are left to the step itself.
 */
export function precheckSources(s: Session, st: StageState): void {
  if (s.legacy) return;
  let index = st.cmdIndex;
  for (const { instruction: ins, onbuild } of st.commands) {
    if (isCounted(ins)) index++;
    if ((ins.kind !== 'COPY' && ins.kind !== 'ADD') || ins.from !== undefined) continue;
    for (const src of ins.sources) {
      if (/[$*?[]/.test(src) || /^https?:\/\//i.test(src)) continue;
      const clean = cleanRelative(src);
      if (s.context.resolve(clean)) continue;
      const name = `${st.prefixAt(index)}${onbuild ? 'ONBUILD ' : ''}${vertexName(ins.code, st.lookup(), s.dockerfile.escape)}`;
      const error = notFound(s, ins, src, new SourceNotFound(`/${clean}`), false);
      s.progress.vertex(name).error(error.message);
      throw new LocatedError(error, ins.line, ins.endLine);
    }
  }
}
