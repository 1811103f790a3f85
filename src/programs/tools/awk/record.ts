import { compile } from '../regex.js';

const cache = new Map<string, RegExp>();

/** A dynamic regex (a string used where awk wants an ERE), compiled once. */
export function dynamicRegex(src: string, global = false): RegExp {
  const key = `${global ? 'g' : ''}:${src}`;
  let re = cache.get(key);
  if (!re) {
    re = compile(src, { extended: true, global });
    cache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * Splits a record by FS: `" "` means runs of blanks and newlines with the ends trimmed,
 * another single character is taken literally (tab, `|`, `,`), `""` gives characters, and
 * anything longer is an ERE.
 */
export function splitFields(text: string, fs: string): string[] {
  if (text === '') return [];
  if (fs === ' ') {
    const trimmed = text.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
    return trimmed === '' ? [] : trimmed.split(/[ \t\n]+/);
  }
  if (fs === '') return [...text];
  if (fs.length === 1 && fs !== '\\') return text.split(fs);
  return text.split(dynamicRegex(fs, true));
}

/** An input being read record by record, with RS read afresh each time (it may change). */
export class RecordReader {
  pos = 0;
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}

  next(rs: string): string | undefined {
    const { text } = this;
    if (rs === '') return this.paragraph();
    if (this.pos >= text.length) return undefined;
    if (rs.length <= 1) {
      const sep = rs || '\n';
      const idx = text.indexOf(sep, this.pos);
      const end = idx < 0 ? text.length : idx;
      const rec = text.slice(this.pos, end);
      this.pos = idx < 0 ? text.length : idx + 1;
      return rec;
    }
    const re = dynamicRegex(rs, true);
    re.lastIndex = this.pos;
    const m = re.exec(text);
    const end = m && m[0] !== '' ? m.index : text.length;
    const rec = text.slice(this.pos, end);
    this.pos = m && m[0] !== '' ? end + m[0].length : text.length;
    return rec;
  }

  /** RS="": records are separated by blank lines; leading newlines are skipped. */
  private paragraph(): string | undefined {
    const rest = this.text.slice(this.pos).replace(/^\n+/, '');
    this.pos = this.text.length - rest.length;
    if (rest === '') return undefined;
    const m = /\n\n+/.exec(rest);
    const rec = m ? rest.slice(0, m.index) : rest.replace(/\n$/, '');
    this.pos += m ? m.index + m[0].length : rest.length;
    return rec;
  }
}
