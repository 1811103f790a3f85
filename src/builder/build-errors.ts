import { BuildError, DockerfileParseError, StepError } from './errors.js';
import { sourceExcerpt } from './messages.js';
import { LocatedError } from './plan.js';
import { BaseImageError } from './resolve.js';
import type { Session } from './session.js';

/**
 * Any failure of a build as docker reports it. BuildKit: the Dockerfile excerpt around the
 * failing instruction, then `failed to solve: …` (the CLI adds `ERROR: `), exit 1. The classic
 * builder: its own wording; a failed RUN exits with the command's code; errors before its first
 * output line come back as `Error response from daemon: …`.
 */
export function toBuildError(s: Session, e: unknown): BuildError {
  if (e instanceof BuildError) return e;
  if (e instanceof DockerfileParseError) {
    if (s.legacy) return new BuildError(e.message, 1, false);
    return new BuildError(withExcerpt(s, e.startLine, e.endLine, `failed to solve: ${e.message}`));
  }
  const where = e instanceof LocatedError ? e : undefined;
  const inner = where ? where.inner : e instanceof Error ? e : new Error(String(e));
  if (inner instanceof BuildError) return inner;
  if (s.legacy) {
    const step = inner instanceof StepError ? inner.opts : {};
    const text = inner instanceof BaseImageError ? inner.reason : (step.legacy ?? inner.message);
    return new BuildError(text, step.exitCode ?? 1, s.step.n > 0);
  }
  const phase = inner instanceof StepError ? (inner.opts.phase ?? '') : '';
  const last = `failed to solve: ${phase}${inner.message}`;
  return new BuildError(where && where.line > 0 ? withExcerpt(s, where.line, where.endLine, last) : last);
}

function withExcerpt(s: Session, start: number, end: number, last: string): string {
  const name = s.opts.dockerfileName.replace(/^.*\//, '') || 'Dockerfile';
  const excerpt = sourceExcerpt(name, s.source, start, end);
  return excerpt ? `${excerpt}\n${last}` : last;
}
