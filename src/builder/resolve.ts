import { baseKey, type ResolvedBase, type Session } from './session.js';

/** A base image the backend could not give (unknown repository, bad reference …). */
export class BaseImageError extends Error {
  override readonly name = 'BaseImageError';
  constructor(
    readonly ref: string,
    readonly reason: string,
  ) {
    super(`${ref}: failed to resolve source metadata for ${safeKey(ref)}: ${reason}`);
  }
}

function safeKey(ref: string): string {
  try {
    return baseKey(ref);
  } catch {
    return ref;
  }
}

/**
 * Looks a base image up once per build, pulling it when it is missing (or always, with
 * `--pull`). What the pull printed is kept for the FROM step's progress; `onLine` sees it live.
 */
export async function resolveBase(
  s: Session,
  ref: string,
  onLine?: (line: string) => void,
): Promise<ResolvedBase> {
  const key = baseKey(ref);
  const known = s.bases.get(key);
  if (known) return known;
  const start = s.backend.now();
  const pullLines: string[] = [];
  try {
    const image = await s.backend.resolveImage(ref, { pull: s.opts.pull }, (line) => {
      pullLines.push(line);
      onLine?.(line);
    });
    const resolved: ResolvedBase = { ref: key, image, pullLines, ms: s.backend.now() - start };
    s.bases.set(key, resolved);
    return resolved;
  } catch (e) {
    throw new BaseImageError(ref, e instanceof Error ? e.message : String(e));
  }
}
