import { fromTarget } from './dispatchers/copy-from.js';
import { StepError } from './errors.js';
import { processWord } from './lex.js';
import { withSuggestion } from './parser/suggest.js';
import { baseKey, globalLookup, PLATFORM_ARGS, type Session } from './session.js';
import { StageState } from './state.js';

/**
 * Which stages a build runs and what they start from, decided before any step runs: global
 * ARGs, each stage's base, the target, the stages it needs, and the images to look up.
 */

/** An error tied to Dockerfile lines (for the excerpt under BuildKit's error). */
export class LocatedError extends Error {
  override readonly name = 'LocatedError';
  constructor(
    readonly inner: Error,
    readonly line: number,
    readonly endLine = line,
  ) {
    super(inner.message);
  }
}

export function located<T>(line: number, endLine: number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw e instanceof LocatedError
      ? e
      : new LocatedError(e instanceof Error ? e : new Error(String(e)), line, endLine);
  }
}

/** The platform ARGs, then each ARG before the first FROM: a build-arg wins over the default. */
export function resolveGlobalArgs(s: Session): void {
  for (const [k, v] of Object.entries(PLATFORM_ARGS)) s.globalArgs.set(k, v);
  for (const meta of s.dockerfile.metaArgs) {
    for (const arg of meta.args) {
      s.consumed.add(arg.key);
      if (Object.hasOwn(s.opts.buildArgs, arg.key)) s.globalArgs.set(arg.key, s.opts.buildArgs[arg.key]!);
      else if (arg.value !== undefined) {
        const value = located(meta.line, meta.endLine, () =>
          processWord(arg.value!, globalLookup(s), { escape: s.dockerfile.escape }),
        );
        s.globalArgs.set(arg.key, value);
      }
    }
  }
}

/** One state per stage, labelled as BuildKit labels them, with FROM's image name expanded. */
export function createStages(s: Session): StageState[] {
  const many = s.dockerfile.stages.length > 1;
  return s.dockerfile.stages.map((stage, i) => {
    const label = many ? (stage.from.stage ?? `stage-${i}`) : '';
    const st = new StageState(i, stage, label);
    const { image, line, endLine } = stage.from;
    st.baseName = located(line, endLine, () => {
      const name = processWord(image, globalLookup(s), { escape: s.dockerfile.escape });
      if (name === '') throw new StepError(`base name (${image}) should not be blank`);
      return name;
    });
    return st;
  });
}

/** The stage `--target` names (or the last one). */
export function findTarget(s: Session): StageState {
  const wanted = s.opts.target;
  if (!wanted) return s.stages[s.stages.length - 1]!;
  const found = s.stages.find((st) => st.name === wanted.toLowerCase());
  if (found) return found;
  const names = s.stages.flatMap((st) => (st.name ? [st.name] : []));
  throw new StepError(
    withSuggestion(`target stage ${JSON.stringify(wanted)} could not be found`, wanted, names, true),
  );
}

function baseStage(s: Session, st: StageState): StageState | undefined {
  return s.stages.find((x) => x.index < st.index && x.name !== undefined && x.name === st.baseName);
}

/**
 * The stages to build, in Dockerfile order. BuildKit builds only what the target needs (its
 * base stages and the stages it copies from); the classic builder builds every stage up to it.
 */
export function neededStages(s: Session, target: StageState): StageState[] {
  if (s.legacy) return s.stages.filter((st) => st.index <= target.index);
  const need = new Set<StageState>();
  const visit = (st: StageState) => {
    if (need.has(st)) return;
    need.add(st);
    const base = baseStage(s, st);
    if (base) visit(base);
    for (const ins of st.stage.commands) {
      if (ins.kind !== 'COPY' || ins.from === undefined) continue;
      const from = located(ins.line, ins.endLine, () => fromTarget(s.stages, ins.from!));
      if (from.kind === 'stage') visit(from.stage);
    }
  };
  visit(target);
  return s.stages.filter((st) => need.has(st));
}

/** Images to look up first (BuildKit's `load metadata` steps): bases, then `COPY --from` images. */
export function imagesToResolve(
  s: Session,
  stages: readonly StageState[],
): { ref: string; line: number; endLine: number }[] {
  const out = new Map<string, { ref: string; line: number; endLine: number }>();
  const add = (ref: string, line: number, endLine: number) => {
    const key = located(line, endLine, () => {
      try {
        return baseKey(ref);
      } catch (e) {
        throw new StepError(`failed to parse stage name ${JSON.stringify(ref)}: ${(e as Error).message}`);
      }
    });
    if (!out.has(key)) out.set(key, { ref, line, endLine });
  };
  for (const st of stages) {
    const { line, endLine } = st.stage.from;
    if (st.baseName !== 'scratch' && !baseStage(s, st)) add(st.baseName, line, endLine);
    for (const ins of st.stage.commands) {
      if (ins.kind !== 'COPY' || ins.from === undefined) continue;
      const from = fromTarget(s.stages, ins.from);
      if (from.kind === 'image') add(from.ref, ins.line, ins.endLine);
    }
  }
  return [...out.values()];
}
