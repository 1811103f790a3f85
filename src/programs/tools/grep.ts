import type { ProgramRun } from '../types.js';
import { readChecked } from './access.js';
import { gnuInfo, isArgError, type Parsed, parseArgs, showUsage, usageError } from './args.js';
import { joinPath, splitLines, strerror, type Tool } from './common.js';
import { fnmatch } from './glob.js';
import { type GrepOptions, grepText } from './grep-match.js';
import { compile, literal, RegexSyntaxError, translate } from './regex.js';

const SPEC = {
  flags: 'ivnclLrREFGPoqswxhHyaIUZz',
  values: 'efmABC',
  long: {
    'ignore-case': 'i',
    'invert-match': 'v',
    'line-number': 'n',
    count: 'c',
    'files-with-matches': 'l',
    'files-without-match': 'L',
    recursive: 'r',
    'dereference-recursive': 'R',
    'extended-regexp': 'E',
    'fixed-strings': 'F',
    'basic-regexp': 'G',
    'perl-regexp': 'P',
    'only-matching': 'o',
    quiet: 'q',
    silent: 'q',
    'no-messages': 's',
    'word-regexp': 'w',
    'line-regexp': 'x',
    'no-filename': 'h',
    'with-filename': 'H',
    regexp: 'e=',
    file: 'f=',
    'max-count': 'm=',
    'after-context': 'A=',
    'before-context': 'B=',
    context: 'C=',
    include: 'include=',
    exclude: 'exclude=',
    'exclude-dir': 'exclude-dir=',
    color: 'color?',
    colour: 'color?',
    text: 'a',
    'line-buffered': 'line-buffered',
  },
};

/** Builds one RegExp for all patterns (each a line of -e/-f text, or the first operand). */
function buildRegex(t: Tool, p: Parsed, patterns: string[]): RegExp | ProgramRun {
  const sources = patterns.map((pat) => {
    if (p.has('F')) return literal(pat);
    if (p.has('P')) return pat;
    return translate(pat, p.has('E') || t.applet === 'egrep');
  });
  let source = sources.length === 1 ? sources[0]! : sources.map((s) => `(?:${s})`).join('|');
  if (p.has('x')) source = `^(?:${source})$`;
  else if (p.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  try {
    return new RegExp(source, p.has('i') || p.has('y') ? 'gi' : 'g');
  } catch {
    return regexFailure(t, patterns[0] ?? '', new RegexSyntaxError('Invalid regular expression'));
  }
}

function regexFailure(t: Tool, pattern: string, e: RegexSyntaxError): ProgramRun {
  return t.fail(t.gnu ? e.message : `bad regex '${pattern}': ${e.message}`, 2).done(2);
}

function gnuUsage(t: Tool): ProgramRun {
  t.err(`Usage: ${t.name} [OPTION]... PATTERNS [FILE]...\nTry '${t.name} --help' for more information.\n`);
  return t.done(2);
}

/** `grep [OPTION]... PATTERNS [FILE]...`: 0 when a line was selected, 1 when none, 2 on trouble. */
export function grep(t: Tool): ProgramRun {
  const info = gnuInfo(t);
  if (info) return info;
  const p = parseArgs(t.args, SPEC);
  if (isArgError(p)) {
    if (!t.gnu) return usageError(t, p, 2);
    const message =
      p.kind === 'invalid' ? `invalid option -- '${p.option}'` : `unrecognized option '${p.option}'`;
    return gnuUsage(t.fail(message, 2));
  }
  const operands = [...p.operands];
  let patterns = p.all('e').flatMap((e) => e.split('\n'));
  for (const f of p.all('f')) {
    const data = readChecked(t, t.abs(f));
    if (typeof data === 'string') return t.fail(`${f}: ${strerror(data)}`, 2).done(2);
    patterns.push(...splitLines(data.toString('utf8')));
  }
  if (!p.has('e') && !p.has('f')) {
    if (operands.length === 0) {
      return t.gnu ? gnuUsage(t) : showUsage(t, 2);
    }
    patterns = operands.shift()!.split('\n');
  }
  for (const pat of patterns) {
    if (p.has('F') || p.has('P')) continue;
    try {
      compile(pat, { extended: p.has('E') });
    } catch (e) {
      if (e instanceof RegexSyntaxError) return regexFailure(t, pat, e);
      throw e;
    }
  }
  const re = buildRegex(t, p, patterns);
  if (!(re instanceof RegExp)) return re;
  const recursive = p.has('r') || p.has('R');
  const implicitDot = recursive && operands.length === 0;
  const files = operands.length ? operands : [recursive ? '.' : '-'];
  const o: GrepOptions = {
    re,
    invert: p.has('v'),
    lineNumbers: p.has('n'),
    count: p.has('c'),
    listMatching: p.has('l'),
    listMissing: p.has('L'),
    only: p.has('o'),
    quiet: p.has('q'),
    max: p.has('m') ? Number(p.value('m')) : Number.POSITIVE_INFINITY,
    after: Number(p.value('A') ?? p.value('C') ?? 0),
    before: Number(p.value('B') ?? p.value('C') ?? 0),
    withName: p.has('H') || (!p.has('h') && (files.length > 1 || recursive)),
    binaryNotice: t.gnu && !p.has('a'),
  };
  let selected = false;
  let trouble = false;
  const complain = (name: string, message: string): void => {
    trouble = true;
    if (!p.has('s')) t.fail(`${name}: ${message}`, 2);
  };
  const search = (name: string, shown: string, top: boolean): void => {
    if (selected && o.quiet) return;
    if (name === '-') {
      selected = grepText(t, t.ctx.stdin ?? '', '(standard input)', o) || selected;
      return;
    }
    const abs = t.abs(name);
    const st = top || p.has('R') ? t.fs.stat(abs) : t.fs.lstat(abs);
    if (st?.type === 'symlink') return;
    if (st?.type === 'dir') {
      if (!recursive) {
        complain(shown, strerror('EISDIR'));
        return;
      }
      const base = name.slice(name.lastIndexOf('/') + 1);
      if (!top && p.all('exclude-dir').some((g) => fnmatch(g, base))) return;
      for (const child of t.fs.readdir(abs)) {
        const childShown = implicitDot && shown === '.' ? child : joinPath(shown, child);
        search(joinPath(name, child), childShown, false);
      }
      return;
    }
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (p.has('include') && !p.all('include').some((g) => fnmatch(g, base))) return;
    if (p.all('exclude').some((g) => fnmatch(g, base))) return;
    const data = readChecked(t, abs);
    if (typeof data === 'string') {
      complain(shown, strerror(data));
      return;
    }
    selected = grepText(t, data.toString('utf8'), shown, o) || selected;
  };
  for (const name of files) search(name, name, true);
  if (o.quiet && selected) return t.done(0);
  if (trouble) return t.done(2);
  return t.done(selected ? 0 : 1);
}
