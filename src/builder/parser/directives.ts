/**
 * Parser directives: `# syntax=docker/dockerfile:1`, `# escape=\``, `# check=…`. They count only
 * at the very top of the file, before any instruction, comment or blank line; the first line that
 * is not one ends them. Each may appear once.
 */
const DIRECTIVE_RE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN = new Set(['syntax', 'escape', 'check']);

export class Directives {
  readonly values = new Map<string, string>();
  escape = '\\';
  private done = false;
  private continuation = continuationRegex('\\');

  /** Looks at one line (already stripped of its newline); throws on a repeated or bad directive. */
  parseLine(line: string): void {
    if (this.done) return;
    const m = DIRECTIVE_RE.exec(line);
    const key = m?.[1]?.toLowerCase();
    if (!m || !key || !KNOWN.has(key)) {
      this.done = true;
      return;
    }
    if (this.values.has(key)) throw new Error(`only one ${key} parser directive can be used`);
    const value = m[2]!;
    this.values.set(key, value);
    if (key === 'escape') this.setEscape(value);
  }

  private setEscape(token: string): void {
    if (token !== '`' && token !== '\\') {
      throw new Error(`invalid escape token '${token}' does not match \` or \\`);
    }
    this.escape = token;
    this.continuation = continuationRegex(token);
  }

  /**
   * Removes a trailing escape character that continues the line. Returns the text and whether
   * the instruction ends on this line. An escape character on a line of its own also continues.
   */
  trimContinuation(line: string): [string, boolean] {
    if (!this.continuation.test(line)) return [line, true];
    return [line.replace(this.continuation, '$1'), false];
  }
}

function continuationRegex(token: string): RegExp {
  const t = `\\${token}`;
  return new RegExp(`([^${t}])${t}[ \\t]*$|^${t}[ \\t]*$`);
}
