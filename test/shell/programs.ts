import type { MemFs } from './memfs.js';

export interface ProgramIO {
  args: string[];
  stdin: string | null;
  env: Record<string, string>;
  cwd: string;
  fs: MemFs;
}

export interface ProgramOut {
  stdout?: string;
  stderr?: string;
  code?: number;
  duration?: number;
}

const abs = (cwd: string, p: string): string => (p.startsWith('/') ? p : `${cwd === '/' ? '' : cwd}/${p}`);
const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
const unlines = (ls: string[]): string => ls.map((l) => `${l}\n`).join('');

/** Reads the named files (or stdin): the text plus any error lines. */
function inputs(
  io: ProgramIO,
  files: string[],
  name: string,
): { text: string; errors: string; code: number } {
  if (files.length === 0) return { text: io.stdin ?? '', errors: '', code: 0 };
  let text = '';
  let errors = '';
  for (const f of files) {
    if (f === '-') text += io.stdin ?? '';
    else {
      try {
        text += io.fs.readFile(abs(io.cwd, f));
      } catch (e) {
        const why =
          (e as { code?: string }).code === 'EISDIR' ? 'Is a directory' : 'No such file or directory';
        errors += `${name}: ${f}: ${why}\n`;
      }
    }
  }
  return { text, errors, code: errors ? 1 : 0 };
}

function expandSet(set: string): string {
  return set
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/(.)-(.)/g, (_, a: string, b: string) => {
      let out = '';
      for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) out += String.fromCharCode(c);
      return out;
    });
}

/** The few programs the shell tests call, each a small function of its arguments and input. */
export const PROGRAMS: Record<string, (io: ProgramIO) => ProgramOut> = {
  cat: (io) => {
    const r = inputs(io, io.args, 'cat');
    return { stdout: r.text, stderr: r.errors, code: r.code };
  },
  echo: (io) => ({ stdout: `${io.args.join(' ')}\n` }),
  sleep: (io) => {
    const arg = io.args[0] ?? '0';
    return { duration: arg === 'infinity' ? Number.POSITIVE_INFINITY : Number(arg) * 1000 };
  },
  seq: (io) => {
    const nums = io.args.map(Number);
    const [first, last] = nums.length === 1 ? [1, nums[0]!] : [nums[0]!, nums[1]!];
    const out: string[] = [];
    for (let i = first; i <= last; i++) out.push(String(i));
    return { stdout: unlines(out) };
  },
  wc: (io) => {
    const flags = io.args.filter((a) => a.startsWith('-')).join('');
    const r = inputs(
      io,
      io.args.filter((a) => !a.startsWith('-')),
      'wc',
    );
    const n = flags.includes('l')
      ? (r.text.match(/\n/g) ?? []).length
      : flags.includes('w')
        ? r.text.split(/\s+/).filter(Boolean).length
        : r.text.length;
    return { stdout: `${n}\n`, stderr: r.errors, code: r.code };
  },
  tr: (io) => {
    const text = io.stdin ?? '';
    if (io.args[0] === '-d')
      return { stdout: [...text].filter((c) => !expandSet(io.args[1] ?? '').includes(c)).join('') };
    const from = expandSet(io.args[0] ?? '');
    const to = expandSet(io.args[1] ?? '');
    return {
      stdout: [...text]
        .map((c) => (from.includes(c) ? (to[Math.min(from.indexOf(c), to.length - 1)] ?? c) : c))
        .join(''),
    };
  },
  grep: (io) => {
    const flags = io.args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
    const [pattern = '', ...files] = io.args.filter((a) => !/^-[a-zA-Z]+$/.test(a));
    const r = inputs(io, files, 'grep');
    const re = new RegExp(pattern, flags.includes('i') ? 'i' : '');
    const hits = lines(r.text).filter((l) => re.test(l) !== flags.includes('v'));
    const stdout = flags.includes('q') ? '' : flags.includes('c') ? `${hits.length}\n` : unlines(hits);
    return { stdout, stderr: r.errors, code: r.errors ? 2 : hits.length ? 0 : 1 };
  },
  sort: (io) => {
    const flags = io.args.filter((a) => a.startsWith('-')).join('');
    const r = inputs(
      io,
      io.args.filter((a) => !a.startsWith('-')),
      'sort',
    );
    let ls = lines(r.text);
    ls = flags.includes('n') ? ls.sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b)) : ls.sort();
    if (flags.includes('r')) ls.reverse();
    if (flags.includes('u')) ls = ls.filter((l, i) => ls.indexOf(l) === i);
    return { stdout: unlines(ls) };
  },
  head: (io) => {
    let n = 10;
    const files: string[] = [];
    for (let i = 0; i < io.args.length; i++) {
      const a = io.args[i]!;
      if (a === '-n') n = Number(io.args[++i]);
      else if (/^-[0-9]+$/.test(a)) n = Number(a.slice(1));
      else files.push(a);
    }
    return { stdout: unlines(lines(inputs(io, files, 'head').text).slice(0, n)) };
  },
  tail: (io) => {
    const i = io.args.indexOf('-n');
    const n = i >= 0 ? Number(io.args[i + 1]) : 10;
    return { stdout: unlines(lines(io.stdin ?? '').slice(-n)) };
  },
  touch: (io) => {
    for (const f of io.args) if (!io.fs.stat(abs(io.cwd, f))) io.fs.writeFile(abs(io.cwd, f), '', false);
    return {};
  },
  mkdir: (io) => {
    for (const d of io.args.filter((a) => a !== '-p')) io.fs.mkdirp(abs(io.cwd, d));
    return {};
  },
  ls: (io) => {
    const out: string[] = [];
    for (const arg of io.args.length ? io.args : ['.']) {
      const path = abs(io.cwd, arg).replace(/\/\.$/, '') || '/';
      const st = io.fs.stat(path);
      if (!st) return { stderr: `ls: ${arg}: No such file or directory\n`, code: 2 };
      out.push(...(st.type === 'dir' ? io.fs.readdir(path).sort() : [arg]));
    }
    return { stdout: unlines(out) };
  },
  env: (io) => ({ stdout: unlines(Object.entries(io.env).map(([k, v]) => `${k}=${v}`)) }),
};
