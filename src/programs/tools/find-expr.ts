import { namesOf } from './access.js';
import type { Tool } from './common.js';
import { globToRegExp } from './glob.js';
import { applyMode } from './modes.js';
import { compile } from './regex.js';

/**
 * find's expression: tests, actions and operators parsed into a tree. Global options
 * (-maxdepth, -mindepth, -depth, -L) are collected beside it.
 */
export type Node =
  | { k: 'and' | 'or'; a: Node; b: Node }
  | { k: 'not'; a: Node }
  | { k: 'true' | 'false' | 'empty' | 'prune' | 'quit' | 'delete' }
  | { k: 'name' | 'path'; re: RegExp; base: boolean }
  | { k: 'regex'; re: RegExp }
  | { k: 'type'; types: string }
  | { k: 'size'; cmp: string; n: number; unit: number }
  | { k: 'time'; cmp: string; n: number; unit: number }
  | { k: 'newer'; mtime: number }
  | { k: 'perm'; kind: string; mode: number }
  | { k: 'owner'; field: 'uid' | 'gid'; id: number }
  | { k: 'print'; end: string }
  | { k: 'printf'; format: string }
  | { k: 'exec'; argv: string[]; plus: boolean; dir: boolean };

export interface FindExpr {
  root: Node;
  maxDepth: number;
  minDepth: number;
  depthFirst: boolean;
  follow: boolean;
  /** Whether some action was given (else `-print` is implied). */
  acted: boolean;
}

export class FindUsage extends Error {}

const SIZE_UNITS: Record<string, number> = { b: 512, c: 1, w: 2, k: 1024, M: 1048576, G: 1073741824 };
const GLOBAL = new Set([
  '-maxdepth',
  '-mindepth',
  '-depth',
  '-d',
  '-xdev',
  '-mount',
  '-follow',
  '-noleaf',
  '-ignore_readdir_race',
]);

function numeric(arg: string): { cmp: string; n: number; suffix: string } | undefined {
  const m = /^([-+]?)(\d+)([a-zA-Z]?)$/.exec(arg);
  return m ? { cmp: m[1]!, n: Number(m[2]), suffix: m[3]! } : undefined;
}

/** Parses the expression words (what follows the paths). */
export function parseFind(t: Tool, words: string[]): FindExpr {
  const x: FindExpr = {
    root: { k: 'true' },
    maxDepth: Number.POSITIVE_INFINITY,
    minDepth: 0,
    depthFirst: false,
    follow: false,
    acted: false,
  };
  let i = 0;
  let sawTest: string | undefined;
  const need = (w: string): string => {
    const v = words[++i];
    if (v === undefined)
      throw new FindUsage(t.gnu ? `missing argument to '${w}'` : `${w} requires an argument`);
    return v;
  };
  const primary = (): Node => {
    const w = words[i]!;
    if (w === '(') {
      i++;
      const e = or();
      if (words[i] !== ')')
        throw new FindUsage(
          t.gnu
            ? "invalid expression; I was expecting to find a ')' somewhere but did not see one."
            : "unpaired '('",
        );
      i++;
      return e;
    }
    const node = test(w);
    i++;
    return node;
  };
  const test = (w: string): Node => {
    if (GLOBAL.has(w)) {
      if (w === '-maxdepth' || w === '-mindepth') {
        const v = need(w);
        if (!/^\d+$/.test(v))
          throw new FindUsage(
            t.gnu
              ? `Expected a positive decimal integer argument to ${w}, but got '${v}'`
              : `invalid number '${v}'`,
          );
        if (sawTest && t.gnu) {
          t.err(
            `${t.name}: warning: you have specified the global option ${w} after the argument ${sawTest}, but global options are not positional, i.e., ${w} affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n`,
          );
        }
        if (w === '-maxdepth') x.maxDepth = Number(v);
        else x.minDepth = Number(v);
      } else if (w === '-depth' || w === '-d') x.depthFirst = true;
      else if (w === '-follow') x.follow = true;
      return { k: 'true' };
    }
    sawTest ??= w;
    switch (w) {
      case '-name':
      case '-iname':
        return { k: 'name', re: globToRegExp(need(w), w === '-iname'), base: true };
      case '-path':
      case '-wholename':
      case '-ipath':
        return { k: 'path', re: globToRegExp(need(w), w === '-ipath'), base: false };
      case '-regex':
      case '-iregex':
        return {
          k: 'regex',
          re: new RegExp(`^(?:${compile(need(w), { extended: true }).source})$`, w === '-iregex' ? 'i' : ''),
        };
      case '-type': {
        const v = need(w);
        const types = v.split(',');
        const bad = types.find((ty) => !/^[fdlbcps]$/.test(ty));
        if (bad !== undefined)
          throw new FindUsage(
            t.gnu ? `Unknown argument to -type: ${bad}` : `invalid argument '${v}' to '-type'`,
          );
        return { k: 'type', types: types.join('') };
      }
      case '-size': {
        const v = need(w);
        const m = numeric(v);
        if (!m || (m.suffix && !SIZE_UNITS[m.suffix]))
          throw new FindUsage(t.gnu ? `Invalid argument \`${v}' to -size` : `invalid number '${v}'`);
        return { k: 'size', cmp: m.cmp, n: m.n, unit: SIZE_UNITS[m.suffix || 'b']! };
      }
      case '-mtime':
      case '-mmin': {
        const v = need(w);
        const m = numeric(v);
        if (!m || m.suffix)
          throw new FindUsage(t.gnu ? `invalid argument \`${v}' to \`${w}'` : `invalid number '${v}'`);
        return { k: 'time', cmp: m.cmp, n: m.n, unit: w === '-mtime' ? 86400 : 60 };
      }
      case '-newer': {
        const v = need(w);
        const st = t.fs.stat(t.abs(v));
        if (!st)
          throw new FindUsage(
            t.gnu ? `'${v}': No such file or directory` : `${v}: No such file or directory`,
          );
        return { k: 'newer', mtime: st.mtime };
      }
      case '-perm': {
        const v = need(w);
        const kind = v[0] === '-' || v[0] === '/' ? v[0] : '=';
        const mode = applyMode(kind === '=' ? v : v.slice(1), 0, false, 0);
        if (mode === undefined) throw new FindUsage(t.gnu ? `invalid mode '${v}'` : `invalid mode '${v}'`);
        return { k: 'perm', kind, mode };
      }
      case '-user':
      case '-group': {
        const v = need(w);
        const names = namesOf(t.fs);
        const id = w === '-user' ? names.uids.get(v)?.uid : names.gids.get(v);
        const n = id ?? (/^\d+$/.test(v) ? Number(v) : undefined);
        if (n === undefined)
          throw new FindUsage(
            t.gnu ? `'${v}' is not the name of a known ${w.slice(1)}` : `unknown ${w.slice(1)} '${v}'`,
          );
        return { k: 'owner', field: w === '-user' ? 'uid' : 'gid', id: n };
      }
      case '-empty':
        return { k: 'empty' };
      case '-true':
        return { k: 'true' };
      case '-false':
        return { k: 'false' };
      case '-prune':
        return { k: 'prune' };
      case '-quit':
        return { k: 'quit' };
      case '-print':
      case '-print0':
        x.acted = true;
        return { k: 'print', end: w === '-print' ? '\n' : '\0' };
      case '-printf':
        x.acted = true;
        return { k: 'printf', format: need(w) };
      case '-delete':
        x.acted = true;
        x.depthFirst = true;
        return { k: 'delete' };
      case '-exec':
      case '-execdir':
      case '-ok': {
        x.acted = true;
        const start = i + 1;
        let end = start;
        while (end < words.length && words[end] !== ';' && !(words[end] === '+' && words[end - 1] === '{}'))
          end++;
        if (end >= words.length || end === start)
          throw new FindUsage(t.gnu ? `missing argument to '${w}'` : `${w} requires an argument`);
        const plus = words[end] === '+';
        i = end;
        return { k: 'exec', argv: words.slice(start, end), plus, dir: w === '-execdir' };
      }
      default:
        throw new FindUsage(
          w.startsWith('-')
            ? t.gnu
              ? `unknown predicate '${w}'`
              : `unrecognized: ${w}`
            : `paths must precede expression: '${w}'`,
        );
    }
  };
  const not = (): Node => {
    if (words[i] === '!' || words[i] === '-not') {
      i++;
      return { k: 'not', a: not() };
    }
    return primary();
  };
  const and = (): Node => {
    let e = not();
    while (
      i < words.length &&
      words[i] !== ')' &&
      words[i] !== '-o' &&
      words[i] !== '-or' &&
      words[i] !== ','
    ) {
      if (words[i] === '-a' || words[i] === '-and') i++;
      e = { k: 'and', a: e, b: not() };
    }
    return e;
  };
  const or = (): Node => {
    let e = and();
    while (words[i] === '-o' || words[i] === '-or' || words[i] === ',') {
      i++;
      e = { k: 'or', a: e, b: and() };
    }
    return e;
  };
  if (words.length) x.root = or();
  if (i < words.length)
    throw new FindUsage(t.gnu ? `paths must precede expression: '${words[i]}'` : `unrecognized: ${words[i]}`);
  if (!x.acted) x.root = { k: 'and', a: x.root, b: { k: 'print', end: '\n' } };
  return x;
}
