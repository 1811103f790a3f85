import type { FileStat } from '../../fs/view.js';
import type { ProgramRun } from '../types.js';
import { checkParents, permits } from './access.js';
import { isParsed, parseOrFail } from './args.js';
import { joinPath, padLeft, padRight, strerror, type Tool } from './common.js';
import { apparentSize, busyboxHuman, gnuHuman, kilobytes } from './format.js';

interface DuOptions {
  all: boolean;
  summarize: boolean;
  maxDepth: number;
  human: boolean;
  bytes: boolean;
}

/** `du [-a] [-s] [-h] [-b] [-c] [-d N] [FILE]...`: 1 KiB blocks, directories after their contents. */
export function du(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'ashbckLxm',
    values: 'd',
    long: {
      all: 'a',
      summarize: 's',
      'human-readable': 'h',
      bytes: 'b',
      total: 'c',
      'max-depth': 'd=',
      'apparent-size': 'apparent',
    },
  });
  if (!isParsed(p)) return p;
  const o: DuOptions = {
    all: p.has('a'),
    summarize: p.has('s'),
    maxDepth: p.has('s') ? 0 : Number(p.value('d') ?? Number.POSITIVE_INFINITY),
    human: p.has('h'),
    bytes: p.has('b') || p.has('apparent'),
  };
  if (Number.isNaN(o.maxDepth)) return t.fail(`invalid maximum depth '${p.value('d')}'`).done(1);
  const show = (size: number, path: string): void => {
    const text =
      o.bytes && !o.human
        ? String(size)
        : o.human
          ? t.gnu
            ? gnuHuman(o.bytes ? size : size * 1024)
            : busyboxHuman(size * 1024)
          : String(size);
    t.out(`${text}\t${path}\n`);
  };
  let total = 0;
  for (const operand of p.operands.length ? p.operands : ['.']) {
    const abs = t.abs(operand);
    const denied = checkParents(t.fs, abs, t.ctx.uid, t.ctx.gid);
    const st = denied ? undefined : t.fs.lstat(abs);
    if (!st) {
      const errno = denied ?? 'ENOENT';
      t.fail(t.gnu ? `cannot access '${operand}': ${strerror(errno)}` : `${operand}: ${strerror(errno)}`);
      continue;
    }
    total += walk(t, abs, operand, st, 0, o, show);
  }
  if (p.has('c')) show(total, 'total');
  return t.done();
}

function walk(
  t: Tool,
  abs: string,
  shown: string,
  st: FileStat,
  depth: number,
  o: DuOptions,
  show: (size: number, path: string) => void,
): number {
  let size = o.bytes ? apparentSize(st) : kilobytes(st);
  if (st.type === 'dir') {
    if (!permits(st, t.ctx.uid, t.ctx.gid, 'r') || !permits(st, t.ctx.uid, t.ctx.gid, 'x')) {
      t.fail(
        t.gnu ? `cannot read directory '${shown}': ${strerror('EACCES')}` : `${shown}: ${strerror('EACCES')}`,
      );
    } else {
      for (const name of t.fs.readdir(abs)) {
        const child = joinPath(abs, name);
        const cst = t.fs.lstat(child);
        if (cst) size += walk(t, child, joinPath(shown, name), cst, depth + 1, o, show);
      }
    }
  }
  const listed = st.type === 'dir' || o.all || depth === 0;
  if (listed && depth <= o.maxDepth && !(o.summarize && depth > 0)) show(size, shown);
  return size;
}

interface Mount {
  source: string;
  type: string;
  target: string;
  /** 1 KiB blocks. */
  size: number;
  used: number;
  avail: number;
}

/**
 * What a container's df sees. The disk numbers are made up but fixed (a 59G disk, 8.6G used),
 * tmpfs sizes follow the machine's memory as the kernel's default (half of RAM) does.
 */
function mounts(t: Tool): Mount[] {
  const disk = { size: 61202244, used: 9011248, avail: 49049740 };
  const half = Math.floor(t.ctx.sys.meminfo().total / 1024 / 2);
  const tmpfs = (target: string, size: number, source = 'tmpfs'): Mount => ({
    source,
    type: 'tmpfs',
    target,
    size,
    used: 0,
    avail: size,
  });
  const list: Mount[] = [
    { source: 'overlay', type: 'overlay', target: '/', ...disk },
    tmpfs('/dev', 65536),
    tmpfs('/dev/shm', 65536, 'shm'),
  ];
  const binds = t.gnu ? ['/etc/hosts'] : ['/etc/resolv.conf', '/etc/hostname', '/etc/hosts'];
  for (const target of binds) list.push({ source: '/dev/sda1', type: 'ext4', target, ...disk });
  list.push(tmpfs('/proc/acpi', half), tmpfs('/proc/scsi', half), tmpfs('/sys/firmware', half));
  return list;
}

function percent(m: Mount, gnu: boolean): number {
  const whole = m.used + m.avail;
  if (whole === 0) return 0;
  return gnu ? Math.ceil((m.used * 100) / whole) : Math.floor((m.used * 100 + whole / 2) / whole);
}

/** `df [-h] [-k] [-T] [-P] [FILE]...` */
export function df(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'hkTPamHil',
    values: 'tB',
    long: { 'human-readable': 'h', 'print-type': 'T', portability: 'P', all: 'a' },
  });
  if (!isParsed(p)) return p;
  let list = mounts(t);
  if (p.operands.length) {
    const picked: Mount[] = [];
    for (const op of p.operands) {
      const abs = t.abs(op);
      if (!t.fs.stat(abs) && !list.some((m) => m.target === abs)) {
        t.fail(`${op}: ${strerror('ENOENT')}`);
        continue;
      }
      const best = list
        .filter((m) => abs === m.target || abs.startsWith(m.target === '/' ? '/' : `${m.target}/`))
        .sort((a, b) => b.target.length - a.target.length)[0];
      if (best) picked.push(best);
    }
    list = picked;
  }
  const human = p.has('h');
  const withType = p.has('T');
  if (!t.gnu) {
    const size = (k: number): string => (human ? busyboxHuman(k * 1024) : String(k));
    t.out(
      `Filesystem           ${withType ? 'Type       ' : ''}${human ? '     Size' : '1K-blocks'}      Used Available Use% Mounted on\n`,
    );
    for (const m of list) {
      let line = m.source.length > 20 ? `${m.source}\n${' '.repeat(20)}` : padRight(m.source, 20);
      if (withType) line += ` ${padRight(m.type, 10)}`;
      line += ` ${padLeft(size(m.size), 9)} ${padLeft(size(m.used), 9)} ${padLeft(size(m.avail), 9)} ${padLeft(percent(m, false), 3)}% ${m.target}`;
      t.out(`${line}\n`);
    }
    return t.done();
  }
  const size = (k: number): string => (human ? (k === 0 ? '0' : gnuHuman(k * 1024)) : String(k));
  const header = [
    'Filesystem',
    ...(withType ? ['Type'] : []),
    human ? 'Size' : '1K-blocks',
    'Used',
    human ? 'Avail' : 'Available',
    'Use%',
    'Mounted on',
  ];
  const rows = list.map((m) => [
    m.source,
    ...(withType ? [m.type] : []),
    size(m.size),
    size(m.used),
    size(m.avail),
    `${percent(m, true)}%`,
    m.target,
  ]);
  const minimum = [14, ...(withType ? [4] : []), 5, 5, 5, 4, 0];
  const widths = header.map((h, c) => Math.max(minimum[c]!, h.length, ...rows.map((r) => r[c]!.length)));
  const left = (c: number): boolean => c === 0 || c === header.length - 1 || (withType && c === 1);
  for (const r of [header, ...rows]) {
    const cells = r.map((cell, c) =>
      c === r.length - 1 ? cell : left(c) ? padRight(cell, widths[c]!) : padLeft(cell, widths[c]!),
    );
    t.out(`${cells.join(' ')}\n`);
  }
  return t.done();
}
