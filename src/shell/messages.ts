import type { ArithError } from './arith.js';
import type { Dialect } from './types.js';

/** Who is speaking and where: every message the shell prints starts the way its dialect's does. */
export interface Speaker {
  dialect: Dialect;
  argv0: string;
  interactive: boolean;
  line: number;
}

/**
 * The start of a message: `sh: ` (ash), `sh: 3: ` (dash, with the line), `bash: line 3: ` (bash
 * reading a script; a terminal drops the line). A builtin adds its name, and non-interactive
 * ash then names the line too (`sh: cd: line 1: `).
 */
export function prefix(s: Speaker, builtin?: string): string {
  const a = s.argv0;
  if (s.dialect === 'ash') {
    if (!builtin) return `${a}: `;
    return s.interactive ? `${a}: ${builtin}: ` : `${a}: ${builtin}: line ${s.line}: `;
  }
  const head =
    s.dialect === 'dash' ? `${a}: ${s.line}: ` : s.interactive ? `${a}: ` : `${a}: line ${s.line}: `;
  return builtin ? `${head}${builtin}: ` : head;
}

export function notFoundMessage(s: Speaker, name: string): string {
  if (s.dialect !== 'bash') return `${prefix(s)}${name}: not found`;
  return `${prefix(s)}${name}: ${name.includes('/') ? 'No such file or directory' : 'command not found'}`;
}

/** What a failed redirection says, by the errno of the failure. */
export function redirectMessage(s: Speaker, path: string, code: string, write: boolean): string {
  const reason: Record<string, [string, string, string]> = {
    // [ash, dash, bash]
    ENOENT: write
      ? ['nonexistent directory', 'Directory nonexistent', 'No such file or directory']
      : ['no such file', 'No such file', 'No such file or directory'],
    EISDIR: ['Is a directory', 'Is a directory', 'Is a directory'],
    EACCES: ['Permission denied', 'Permission denied', 'Permission denied'],
    ENOTDIR: ['Not a directory', 'Not a directory', 'Not a directory'],
    EEXIST: ['File exists', 'File exists', 'cannot overwrite existing file'],
  };
  const [ash, dash, bash] = reason[code] ?? reason.ENOENT!;
  if (s.dialect === 'bash') return `${prefix(s)}${path}: ${bash}`;
  if (s.dialect === 'dash') return `${prefix(s)}${write ? 'cannot create' : 'cannot open'} ${path}: ${dash}`;
  return `${prefix(s)}${write ? "can't create" : "can't open"} ${path}: ${ash}`;
}

export function arithMessage(s: Speaker, e: ArithError): string {
  if (s.dialect === 'ash')
    return `${prefix(s)}${e.kind === 'div0' ? 'divide by zero' : 'arithmetic syntax error'}`;
  if (s.dialect === 'dash') {
    if (e.kind === 'div0') return `${prefix(s)}arithmetic expression: division by zero: "${e.expr}"`;
    if (e.kind === 'number') return `${prefix(s)}Illegal number: ${e.expr}`;
    const what = e.kind === 'operand' ? 'expecting primary' : 'expecting EOF';
    return `${prefix(s)}arithmetic expression: ${what}: "${e.expr}"`;
  }
  const why =
    e.kind === 'div0'
      ? 'division by 0'
      : e.kind === 'operand'
        ? 'syntax error: operand expected'
        : e.kind === 'number'
          ? 'value too great for base'
          : 'syntax error in expression';
  return `${prefix(s)}${e.expr}: ${why} (error token is "${e.token}")`;
}

/** `${x?}` and `set -u`. */
export function unsetMessage(
  s: Speaker,
  name: string,
  kind: 'nounset' | 'unset' | 'null',
  text?: string,
): string {
  if (text) return `${prefix(s)}${name}: ${text}`;
  if (kind === 'nounset' && s.dialect === 'bash') return `${prefix(s)}${name}: unbound variable`;
  if (kind === 'null') {
    return `${prefix(s)}${name}: ${s.dialect === 'bash' ? 'parameter null or not set' : 'parameter not set or null'}`;
  }
  return `${prefix(s)}${name}: parameter not set`;
}

/** Exit status of a fatal expansion error: bash -c says 127 (1 for arithmetic), ash and dash 2. */
export function fatalCode(s: Speaker, arithmetic = false): number {
  if (s.dialect !== 'bash') return 2;
  return arithmetic || s.interactive ? 1 : 127;
}
