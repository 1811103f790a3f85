import type { FileStat } from '../../fs/view.js';
import type { ProgramRun } from '../types.js';
import { checkParents, namesOf, permits } from './access.js';
import { gnuInfo, showUsage } from './args.js';
import { runChild } from './child.js';
import { attempt, baseName, dirName, joinPath, strerror, type Tool } from './common.js';
import { type FindExpr, FindUsage, type Node, parseFind } from './find-expr.js';
import { apparentSize, modeString } from './format.js';

interface Entry {
  root: string;
  path: string;
  abs: string;
  st: FileStat;
  depth: number;
}

class Quit {}

/** `find [-H] [-L] [PATH]... [EXPRESSION]` */
export async function find(t: Tool): Promise<ProgramRun> {
  const info = gnuInfo(t);
  if (info) return info;
  const args = [...t.args];
  let follow = false;
  while (args[0] === '-L' || args[0] === '-H' || args[0] === '-P') follow = args.shift() === '-L';
  const split = args.findIndex((a) => a.startsWith('-') || a === '(' || a === '!');
  const paths = split < 0 ? args : args.slice(0, split);
  let x: FindExpr;
  try {
    x = parseFind(t, split < 0 ? [] : args.slice(split));
  } catch (e) {
    if (!(e instanceof FindUsage)) throw e;
    if (!t.gnu && e.message.startsWith('unrecognized')) return showUsage(t.fail(e.message));
    t.fail(e.message);
    const word = args[args.findIndex((a) => e.message.endsWith(`'${a}'`)) - 2];
    if (t.gnu && e.message.startsWith('paths must') && word && /^-i?(name|path)$/.test(word)) {
      t.fail(`possible unquoted pattern after predicate '${word}'?`);
    }
    return t.done(1);
  }
  x.follow ||= follow;
  const batches = new Map<Node, string[]>();
  try {
    for (const path of paths.length ? paths : ['.']) await walkRoot(t, x, path, batches);
  } catch (e) {
    if (!(e instanceof Quit)) throw e;
  }
  for (const [node, found] of batches) {
    if (node.k !== 'exec' || found.length === 0) continue;
    const argv = node.argv.slice(0, -1).concat(found);
    const code = await runChild(t, argv);
    if (code === null) return t.running();
    if (code !== 0) t.status = 1;
  }
  return t.done();
}

async function walkRoot(t: Tool, x: FindExpr, path: string, batches: Map<Node, string[]>): Promise<void> {
  const abs = t.abs(path);
  const denied = checkParents(t.fs, abs, t.ctx.uid, t.ctx.gid);
  const st = denied ? undefined : ((x.follow ? t.fs.stat(abs) : undefined) ?? t.fs.lstat(abs));
  if (!st) {
    t.fail(t.gnu ? `'${path}': ${strerror(denied ?? 'ENOENT')}` : `${path}: ${strerror(denied ?? 'ENOENT')}`);
    return;
  }
  await walk(t, x, { root: path, path, abs, st, depth: 0 }, batches);
}

async function walk(t: Tool, x: FindExpr, e: Entry, batches: Map<Node, string[]>): Promise<void> {
  const visit = e.depth >= x.minDepth;
  let pruned = false;
  if (visit && !x.depthFirst) pruned = (await evaluate(t, x, x.root, e, batches)).pruned;
  if (e.st.type === 'dir' && e.depth < x.maxDepth && !pruned) {
    if (!permits(e.st, t.ctx.uid, t.ctx.gid, 'r') || !permits(e.st, t.ctx.uid, t.ctx.gid, 'x')) {
      t.fail(t.gnu ? `'${e.path}': ${strerror('EACCES')}` : `${e.path}: ${strerror('EACCES')}`);
    } else {
      for (const name of t.fs.readdir(e.abs)) {
        const abs = joinPath(e.abs, name);
        const st = (x.follow ? t.fs.stat(abs) : undefined) ?? t.fs.lstat(abs);
        if (st)
          await walk(
            t,
            x,
            { root: e.root, path: joinPath(e.path, name), abs, st, depth: e.depth + 1 },
            batches,
          );
      }
    }
  }
  if (visit && x.depthFirst) await evaluate(t, x, x.root, e, batches);
}

interface Outcome {
  ok: boolean;
  pruned: boolean;
}

async function evaluate(
  t: Tool,
  x: FindExpr,
  n: Node,
  e: Entry,
  batches: Map<Node, string[]>,
): Promise<Outcome> {
  const yes = (ok: boolean): Outcome => ({ ok, pruned: false });
  switch (n.k) {
    case 'and': {
      const a = await evaluate(t, x, n.a, e, batches);
      if (!a.ok) return a;
      const b = await evaluate(t, x, n.b, e, batches);
      return { ok: b.ok, pruned: a.pruned || b.pruned };
    }
    case 'or': {
      const a = await evaluate(t, x, n.a, e, batches);
      if (a.ok) return a;
      const b = await evaluate(t, x, n.b, e, batches);
      return { ok: b.ok, pruned: a.pruned || b.pruned };
    }
    case 'not': {
      const a = await evaluate(t, x, n.a, e, batches);
      return { ok: !a.ok, pruned: a.pruned };
    }
    case 'exec':
      return yes(await exec(t, n, e, batches));
    default:
      return { ok: test(t, n, e), pruned: n.k === 'prune' };
  }
}

function test(t: Tool, n: Node, e: Entry): boolean {
  const now = Math.floor(t.ctx.sys.now() / 1000);
  const compare = (cmp: string, value: number, want: number): boolean =>
    cmp === '+' ? value > want : cmp === '-' ? value < want : value === want;
  switch (n.k) {
    case 'true':
    case 'prune':
      return true;
    case 'false':
      return false;
    case 'name':
      return n.re.test(e.path === '/' ? '/' : baseName(e.path));
    case 'path':
    case 'regex':
      return n.re.test(e.path);
    case 'type':
      return n.types.includes(e.st.type === 'dir' ? 'd' : e.st.type === 'symlink' ? 'l' : 'f');
    case 'size':
      return compare(n.cmp, Math.ceil(apparentSize(e.st) / n.unit), n.n);
    case 'time':
      return compare(n.cmp, Math.floor((now - e.st.mtime) / n.unit), n.n);
    case 'newer':
      return e.st.mtime > n.mtime;
    case 'perm': {
      const mode = e.st.mode & 0o7777;
      return n.kind === '-'
        ? (mode & n.mode) === n.mode
        : n.kind === '/'
          ? n.mode === 0 || (mode & n.mode) !== 0
          : mode === n.mode;
    }
    case 'owner':
      return e.st[n.field] === n.id;
    case 'empty':
      return e.st.type === 'dir' ? t.fs.readdir(e.abs).length === 0 : e.st.type === 'file' && e.st.size === 0;
    case 'print':
      t.out(e.path + n.end);
      return true;
    case 'printf':
      t.out(printfEntry(t, n.format, e));
      return true;
    case 'delete': {
      if (e.path === '.') return true;
      const errno = attempt(() => t.fs.remove(e.abs));
      if (errno) t.fail(`cannot delete '${e.path}': ${strerror(errno)}`);
      return !errno;
    }
    case 'quit':
      throw new Quit();
    default:
      return false;
  }
}

async function exec(
  t: Tool,
  n: Extract<Node, { k: 'exec' }>,
  e: Entry,
  batches: Map<Node, string[]>,
): Promise<boolean> {
  const shown = n.dir ? `./${baseName(e.path)}` : e.path;
  if (n.plus) {
    const list = batches.get(n) ?? [];
    list.push(shown);
    batches.set(n, list);
    return true;
  }
  const argv = n.argv.map((a) => a.replaceAll('{}', shown));
  const code = await runChild(t, argv, n.dir ? { cwd: dirName(e.abs) } : undefined);
  return code === 0;
}

/** GNU -printf: %p %P %f %h %s %m %M %u %g %U %G %y %d %%, with \n and \t. */
function printfEntry(t: Tool, format: string, e: Entry): string {
  const names = namesOf(t.fs);
  const fields: Record<string, () => string> = {
    p: () => e.path,
    f: () => baseName(e.path),
    h: () => dirName(e.path),
    P: () => e.path.slice(e.root.length).replace(/^\//, ''),
    s: () => String(apparentSize(e.st)),
    m: () => (e.st.mode & 0o7777).toString(8),
    M: () => modeString(e.st),
    u: () => names.users.get(e.st.uid) ?? String(e.st.uid),
    g: () => names.groups.get(e.st.gid) ?? String(e.st.gid),
    U: () => String(e.st.uid),
    G: () => String(e.st.gid),
    y: () => (e.st.type === 'dir' ? 'd' : e.st.type === 'symlink' ? 'l' : 'f'),
    d: () => String(e.depth),
    '%': () => '%',
  };
  return format
    .replace(/%(-?\d*)([a-zA-Z%])/g, (m, width: string, c: string) => {
      const v = fields[c]?.() ?? m;
      if (!width) return v;
      return width.startsWith('-') ? v.padEnd(Number(width.slice(1))) : v.padStart(Number(width));
    })
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\0/g, '\0');
}
