/**
 * What the engine did underneath a command, as facts for `--explain` to narrate: which layers
 * were stacked, which namespaces and cgroups were made, which processes started, which ports
 * were published, what the build cache decided. Facts are data; the narration's words live in
 * the client (learn/explain), in each language.
 */
export interface ExplainFact {
  kind: string;
  [key: string]: unknown;
}

/** One step of the last `docker build`, as the cache decided it. */
export interface BuildStepRecord {
  /** The vertex name BuildKit prints (`[2/4] RUN apk add curl`). */
  name: string;
  cached: boolean;
}

/** The last build this engine ran (for lessons that check the build cache). */
export interface BuildRecord {
  time: number;
  tags: string[];
  imageId: string;
  steps: BuildStepRecord[];
}
