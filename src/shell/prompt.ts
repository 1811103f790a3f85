import type { Dialect } from './types.js';

/** The prompt each dialect shows a root user when nothing set PS1 (bash as Debian's bashrc sets it). */
export const DEFAULT_PS1: Record<Dialect, string> = {
  ash: '\\w \\$ ',
  bash: '\\u@\\h:\\w\\$ ',
  dash: '# ',
};

export interface PromptInfo {
  dialect: Dialect;
  cwd: string;
  home: string | undefined;
  user: string;
  uid: number;
  hostname: string;
  argv0: string;
}

function tildePath(cwd: string, home: string | undefined): string {
  if (!home || home === '/') return cwd;
  if (cwd === home) return '~';
  return cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
}

/** Expands a PS1: bash and busybox know `\u \h \w \W \$ …`; dash shows it as written. */
export function expandPrompt(ps1: string, p: PromptInfo): string {
  if (p.dialect === 'dash') return ps1;
  const w = tildePath(p.cwd, p.home);
  const map: Record<string, string> = {
    u: p.user,
    h: p.hostname.split('.')[0] ?? p.hostname,
    H: p.hostname,
    w,
    W: w === '~' || w === '/' ? w : w.slice(w.lastIndexOf('/') + 1),
    $: p.uid === 0 ? '#' : '$',
    n: '\n',
    s: p.argv0.slice(p.argv0.lastIndexOf('/') + 1),
    v: '5.2',
    '\\': '\\',
    '[': '',
    ']': '',
    e: '\x1b',
  };
  return ps1.replace(/\\(.)/g, (all, c: string) => map[c] ?? all);
}
