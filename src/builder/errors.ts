/**
 * The two ways a build fails. Both carry docker's own words: the CLI prints them as they are
 * (BuildKit adds `ERROR: `, the classic builder nothing), so nothing here is reworded later.
 */

/**
 * A Dockerfile that cannot be read. `message` is BuildKit's text, e.g.
 * `dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?)`; the lines
 * locate the excerpt docker shows above the error.
 */
export class DockerfileParseError extends Error {
  override readonly name = 'DockerfileParseError';
  constructor(
    message: string,
    readonly startLine: number,
    readonly endLine = startLine,
  ) {
    super(message);
  }
}

/**
 * A failed build, as the daemon answers it. `message` is what docker prints last:
 * `failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3`
 * (BuildKit; the CLI prefixes `ERROR: `) or `The command '/bin/sh -c exit 3' returned a non-zero
 * code: 3` (classic builder). BuildKit failures tied to a Dockerfile line put docker's source
 * excerpt (`Dockerfile:2`, a rule, numbered lines, a rule) on the lines before that last one.
 * `exitCode` is what `docker build` exits with: 1, or a failed RUN's code with the classic builder.
 * `streamed` tells whether the classic builder had already started its output (its errors are
 * then printed bare instead of as `Error response from daemon: …`).
 */
export class BuildError extends Error {
  override readonly name = 'BuildError';
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly streamed = true,
  ) {
    super(message);
  }
}

/**
 * A problem found while running one step. `message` is what BuildKit shows on the step's vertex
 * (`#7 ERROR: …`); `phase` goes before it in the final line (`failed to compute cache key: `).
 * `legacy` is the classic builder's wording and `exitCode` what `docker build` exits with.
 */
export class StepError extends Error {
  override readonly name = 'StepError';
  constructor(
    message: string,
    readonly opts: { exitCode?: number; legacy?: string; phase?: string } = {},
  ) {
    super(message);
  }
}
