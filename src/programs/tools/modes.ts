/** The umask every simulated process runs with (Docker's default). */
export const UMASK = 0o022;

const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 };

function permBits(p: string, mode: number, isDir: boolean): number {
  switch (p) {
    case 'r':
      return 0o444;
    case 'w':
      return 0o222;
    case 'x':
      return 0o111;
    case 'X':
      return isDir || mode & 0o111 ? 0o111 : 0;
    case 's':
      return 0o6000;
    case 't':
      return 0o1000;
    case 'u':
      return ((mode >> 6) & 7) * 0o111;
    case 'g':
      return ((mode >> 3) & 7) * 0o111;
    default:
      return (mode & 7) * 0o111;
  }
}

/**
 * A chmod mode applied to `mode`: octal (`755`, `0644`) or symbolic clauses separated by
 * commas (`u+x`, `go-w`, `a=r`, `+X`, `g=u`, `u+s`, `+t`). As POSIX says, a clause without
 * `ugoa` leaves the bits the umask covers alone. Undefined when the text is not a mode.
 */
export function applyMode(spec: string, mode: number, isDir: boolean, umask = UMASK): number | undefined {
  if (/^[0-7]{1,5}$/.test(spec)) {
    const value = Number.parseInt(spec, 8);
    return value > 0o7777 ? undefined : value;
  }
  let result = mode & 0o7777;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1]!;
    const mask = who === '' ? 0o7777 & ~umask : [...who].reduce((acc, c) => acc | WHO[c]!, 0);
    for (const op of m[2]!.match(/[-+=][^-+=]*/g) ?? []) {
      let bits = 0;
      for (const p of op.slice(1)) bits |= permBits(p, result, isDir);
      bits &= mask;
      if (op[0] === '+') result |= bits;
      else if (op[0] === '-') result &= ~bits;
      else result = (result & ~(who === '' ? 0o7777 : mask)) | bits;
    }
  }
  return result;
}

/** Mode of a new directory or file (`mkdir`, `touch`, `cp` without -p): the umask applied. */
export function newMode(requested: number, umask = UMASK): number {
  return requested & ~umask;
}
