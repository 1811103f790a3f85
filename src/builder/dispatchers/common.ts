import type { ContainerConfigSpec } from '../../images/config.js';
import { goQuote } from '../../images/reference-grammar.js';
import { processWord, processWords } from '../lex.js';
import type { Session } from '../session.js';
import { DEFAULT_SHELL, type StageState } from '../state.js';
import { runStep } from '../step.js';

/**
 * Helpers the dispatchers share: variable expansion with the stage's environment, the texts
 * docker records in an image's history, and the step for instructions that only change the
 * image's config.
 */

/** Expands `$VAR`s and removes quotes, with the variables the stage has so far. */
export function expand(s: Session, st: StageState, word: string): string {
  return processWord(word, st.lookup(), { escape: s.dockerfile.escape });
}

/** Expands and splits into words (EXPOSE `$PORTS`). */
export function expandWords(s: Session, st: StageState, word: string): string[] {
  return processWords(word, st.lookup(), { escape: s.dockerfile.escape });
}

/** Go's `%v` of a string slice: `[a b]`. */
export function goList(values: readonly string[]): string {
  return `[${values.join(' ')}]`;
}

/** Go's `%q` of a string slice: `["a" "b"]`. */
export function goQuotedList(values: readonly string[] | null | undefined): string {
  return `[${(values ?? []).map(goQuote).join(' ')}]`;
}

/**
 * The classic builder's history entry for a step that ran no command: the shell with a no-op
 * comment. Most instructions get two spaces after `#(nop)`; WORKDIR, COPY and ADD one.
 */
export function legacyNop(config: ContainerConfigSpec, text: string, single = false): string {
  const shell = config.Shell?.length ? config.Shell : DEFAULT_SHELL;
  return `${shell.join(' ')} #(nop) ${single ? '' : ' '}${text}`;
}

/**
 * A step that only changes the image config (ENV, CMD, EXPOSE …): no BuildKit vertex, an
 * `empty_layer` history entry. `text` is the instruction as BuildKit records it.
 */
export async function metadataStep(
  s: Session,
  st: StageState,
  text: string,
  config: ContainerConfigSpec,
  legacyText = text,
): Promise<void> {
  const createdBy = s.legacy ? legacyNop(config, legacyText) : text;
  await runStep(s, st, {}, () => ({ createdBy, key: createdBy, config }));
}

/** A copy of the stage's config to change. */
export function nextConfig(st: StageState): ContainerConfigSpec {
  return structuredClone(st.config);
}

/** A map as Go's JSON encoder writes it: keys in byte order (what `docker inspect` shows). */
export function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
