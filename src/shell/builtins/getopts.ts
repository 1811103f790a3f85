import type { Call } from './call.js';

/** `getopts OPTSTRING NAME [ARG...]`, keeping its place in OPTIND (and within `-abc`). */
export function getopts(c: Call): number {
  const [spec = '', name = '', ...rest] = c.args;
  const args = rest.length ? rest : c.state.positional;
  const silent = spec.startsWith(':');
  let index = Number(c.state.get('OPTIND') ?? '1') - 1;
  if (index < 0) index = 0;
  const word = args[index];
  if (c.state.optPos < 1) c.state.optPos = 1;
  if (word === undefined || word === '-' || !word.startsWith('-') || word === '--') {
    if (word === '--') c.state.set('OPTIND', String(index + 2));
    c.state.set(name, '?');
    c.state.optPos = 1;
    return 1;
  }
  const letter = word[c.state.optPos]!;
  const at = spec.indexOf(letter);
  const advance = (): void => {
    if (c.state.optPos + 1 < word.length) c.state.optPos++;
    else {
      c.state.optPos = 1;
      index++;
    }
  };
  c.state.vars.delete('OPTARG');
  if (letter === ':' || at < 0) {
    advance();
    c.state.set('OPTIND', String(index + 1));
    c.state.set(name, '?');
    if (silent) c.state.set('OPTARG', letter);
    else
      c.ip.error(
        c.io,
        c.dialect === 'bash' ? `${c.ip.argv0}: illegal option -- ${letter}` : `Illegal option -${letter}`,
      );
    return 0;
  }
  if (spec[at + 1] === ':') {
    const inline = word.slice(c.state.optPos + 1);
    let value: string | undefined = inline;
    if (!inline) value = args[++index];
    c.state.optPos = 1;
    index++;
    c.state.set('OPTIND', String(index + 1));
    if (value === undefined) {
      if (silent) {
        c.state.set(name, ':');
        c.state.set('OPTARG', letter);
      } else {
        c.state.set(name, '?');
        c.ip.error(
          c.io,
          c.dialect === 'bash'
            ? `${c.ip.argv0}: option requires an argument -- ${letter}`
            : `No arg for -${letter} option`,
        );
      }
      return 0;
    }
    c.state.set('OPTARG', value);
    c.state.set(name, letter);
    return 0;
  }
  advance();
  c.state.set('OPTIND', String(index + 1));
  c.state.set(name, letter);
  return 0;
}
