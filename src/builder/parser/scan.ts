import { DockerfileParseError } from '../errors.js';
import { ARG_PARSERS } from './args.js';
import { Directives } from './directives.js';
import { type Heredoc, heredocsInLine } from './heredoc.js';
import { extractFlags, splitCommand } from './words.js';

/**
 * The first pass over a Dockerfile, as BuildKit's parser makes it: parser directives, comments,
 * line continuations, heredoc bodies; each instruction becomes a node with its flags and its
 * arguments cut up, but not yet understood (an unknown instruction is still a node here).
 */
export interface RawNode {
  /** The instruction word as written (`run`, `RUN`). */
  cmd: string;
  flags: string[];
  args: string[];
  /** The exec (JSON array) form was used. */
  json: boolean;
  /** The instruction's text once continuation lines are joined (docker's `Original`). */
  original: string;
  line: number;
  endLine: number;
  heredocs: Heredoc[];
  /** ONBUILD's trigger instruction. */
  child?: RawNode;
}

export interface ScanResult {
  nodes: RawNode[];
  escape: string;
  directives: Map<string, string>;
  /** `Empty continuation line found in: …` (BuildKit warns; a future release will refuse them). */
  warnings: { text: string; line: number }[];
}

const HEREDOC_COMMANDS = new Set(['add', 'copy', 'run']);

/** The position and text every typed instruction keeps from its node. */
export function base(node: RawNode) {
  return { line: node.line, endLine: node.endLine, code: node.original.trim() };
}

/** Lines with their line endings, like Go's bufio scanner with BuildKit's split function. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const trimNewline = (s: string) => s.replace(/[\r\n]+$/, '');
const isComment = (s: string) => s.trimStart().startsWith('#');

/** Builds a node from an instruction line: word, flags, arguments (recursing for ONBUILD). */
export function nodeFromLine(line: string, esc: string): RawNode {
  const [cmd, afterCmd] = splitCommand(line);
  const { rest: argText, flags } = extractFlags(afterCmd, esc);
  const rest = argText.trim();
  const node: RawNode = {
    cmd,
    flags,
    args: [],
    json: false,
    original: line,
    line: 0,
    endLine: 0,
    heredocs: [],
  };
  const lower = cmd.toLowerCase();
  if (lower === 'onbuild') {
    if (rest !== '') {
      node.child = nodeFromLine(rest, esc);
      node.args = [node.child.cmd, ...node.child.args];
      node.json = node.child.json;
    }
    return node;
  }
  const parse = ARG_PARSERS[lower];
  if (parse) Object.assign(node, parse(rest, esc));
  return node;
}

function canContainHeredoc(node: RawNode): boolean {
  const target = node.cmd.toLowerCase() === 'onbuild' && node.child ? node.child : node;
  return HEREDOC_COMMANDS.has(target.cmd.toLowerCase()) && !target.json;
}

function fail(e: unknown, start: number, end = start): never {
  if (e instanceof DockerfileParseError) throw e;
  throw new DockerfileParseError(e instanceof Error ? e.message : String(e), Math.max(start, 1), end);
}

export function scan(text: string): ScanResult {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const d = new Directives();
  const nodes: RawNode[] = [];
  const warnings: ScanResult['warnings'] = [];
  let i = 0;
  let current = 0;
  const processLine = (raw: string, stripLeft: boolean): string => {
    let token = trimNewline(raw);
    if (stripLeft) token = token.trimStart();
    try {
      d.parseLine(token);
    } catch (e) {
      fail(e, current + 1);
    }
    return isComment(token) ? '' : token;
  };
  while (i < lines.length) {
    const first = processLine(lines[i++]!, true);
    current++;
    const start = current;
    let [part, ended] = d.trimContinuation(first);
    if (ended && part === '') continue;
    let buf = part;
    let emptyContinuation = false;
    while (!ended && i < lines.length) {
      const raw = lines[i++]!;
      const next = processLine(raw, false);
      current++;
      if (isComment(raw)) continue;
      if (next.trim() === '') {
        emptyContinuation = true;
        continue;
      }
      [part, ended] = d.trimContinuation(next);
      buf += part;
    }
    if (emptyContinuation) warnings.push({ text: `Empty continuation line found in: ${buf}`, line: current });
    let node: RawNode;
    try {
      node = nodeFromLine(buf, d.escape);
    } catch (e) {
      fail(e, start, current);
    }
    if (canContainHeredoc(node) && buf.includes('<<')) {
      let docs: Omit<Heredoc, 'content'>[];
      try {
        docs = heredocsInLine(buf);
      } catch (e) {
        fail(e, start, current);
      }
      for (const doc of docs) {
        let content = '';
        let terminated = false;
        while (i < lines.length) {
          const raw = lines[i++]!;
          current++;
          let candidate = trimNewline(raw);
          if (doc.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === doc.name) {
            terminated = true;
            break;
          }
          content += raw;
        }
        if (!terminated) fail(new Error('unterminated heredoc'), start, current);
        node.heredocs.push({ ...doc, content });
      }
    }
    node.line = start;
    node.endLine = current;
    nodes.push(node);
  }
  if (nodes.length === 0) fail(new Error('file with no instructions'), current);
  return { nodes, escape: d.escape, directives: d.values, warnings };
}
