/**
 * Just enough of the shell's grammar to tell a plain `docker ...` line (run by the client at
 * once, with the terminal, so `docker run -it` and `docker logs -f` behave as on a real host)
 * from a line the host's shell must interpret (pipes, `$VAR`, `$(...)`, redirects, `&&`...).
 */

/** Characters that mean the host shell has work to do when they appear outside quotes. */
const SHELL_SYNTAX = new Set([
  '|',
  '&',
  ';',
  '<',
  '>',
  '(',
  ')',
  '$',
  '`',
  '*',
  '?',
  '[',
  '#',
  '~',
  '{',
  '}',
]);

/**
 * The words of a line made only of plain and quoted words; undefined when the line needs the
 * shell (an operator, an expansion, a glob, an unterminated quote).
 */
export function plainWords(line: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word += line.slice(i + 1, end);
      i = end;
      inWord = true;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        const d = line[j]!;
        if (d === '$' || d === '`') return undefined;
        if (d === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) {
          word += line[j + 1];
          j++;
        } else word += d;
      }
      if (j >= line.length) return undefined;
      i = j;
      inWord = true;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= line.length) return undefined;
      word += line[i + 1];
      i++;
      inWord = true;
      continue;
    }
    // `=`-words and globs mid-word (`--format={{.Names}}`) still need the shell for braces.
    if (SHELL_SYNTAX.has(c)) return undefined;
    word += c;
    inWord = true;
  }
  if (inWord) words.push(word);
  return words;
}

/** The client a plain line names: `docker` or `dockersim` (with or without a path). */
export function clientOf(words: string[]): 'docker' | 'dockersim' | undefined {
  const first = words[0] ?? '';
  const base = first.slice(first.lastIndexOf('/') + 1);
  return base === 'docker' || base === 'dockersim' ? base : undefined;
}
