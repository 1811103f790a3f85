import { ExpansionError, NO_ENV, processWords } from '../lex.js';

/** `RUN <<EOF`, `COPY <<-"EOT" /file`: an inline document following the instruction. */
export interface Heredoc {
  /** The terminator word (`EOF`). */
  name: string;
  /** `3<<EOF` feeds file descriptor 3; 0 means standard input. */
  fd: number;
  /** False when the terminator was quoted: the body is then taken literally. */
  expand: boolean;
  /** `<<-`: leading tabs are stripped from the body and the terminator. */
  chomp: boolean;
  /** The body, every line with its newline. */
  content: string;
}

const HEREDOC_RE = /^(\d*)<<(-?)\s*([^<]*)$/;

const quoteCount = (s: string) => (s.match(/['"]/g) ?? []).length;

/** The heredoc a word starts, if it is one (`<<EOF`, `<<-'END'`). */
export function parseHeredoc(word: string): Omit<Heredoc, 'content'> | undefined {
  const m = HEREDOC_RE.exec(word);
  const rest = m?.[3] ?? '';
  if (!m || rest === '') return undefined;
  const words = processWords(rest, NO_ENV, { skipUnsetEnv: true });
  if (words.length !== 1) return undefined;
  const raw = processWords(rest, NO_ENV, { skipUnsetEnv: true, rawQuotes: true });
  if (raw.length !== words.length) {
    throw new Error(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  return {
    name: words[0]!,
    fd: m[1] ? Number.parseInt(m[1], 10) : 0,
    chomp: m[2] === '-',
    expand: quoteCount(words[0]!) === quoteCount(raw[0]!),
  };
}

/** Every heredoc an instruction line opens, in order. */
export function heredocsInLine(line: string): Omit<Heredoc, 'content'>[] {
  let words: string[];
  try {
    words = processWords(line, NO_ENV, { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true });
  } catch (e) {
    if (e instanceof ExpansionError) return [];
    throw e;
  }
  return words.flatMap((w) => parseHeredoc(w) ?? []);
}

/** `<<-`: leading tabs go from every line. */
export function chompHeredoc(content: string): string {
  return content.replace(/^\t+/gm, '');
}
