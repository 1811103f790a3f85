import { createHash } from 'node:crypto';
import type { ProgramRun } from '../types.js';
import { readChecked } from './access.js';
import { isParsed, parseOrFail, showUsage, tryHelp } from './args.js';
import { reportRead } from './cat.js';
import type { Tool } from './common.js';

function readBytes(t: Tool, name: string): Buffer | undefined {
  if (name === '-') return Buffer.from(t.ctx.stdin ?? '', 'utf8');
  const data = readChecked(t, t.abs(name));
  if (typeof data !== 'string') return data;
  reportRead(t, name, data);
  return undefined;
}

/** Base64 text wrapped at `width` columns (0: one line), ending with a newline. */
export function base64Encode(data: Uint8Array, width = 76): string {
  const text = Buffer.from(data).toString('base64');
  if (text === '') return '';
  if (width <= 0) return `${text}\n`;
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return `${lines.join('\n')}\n`;
}

/** Decodes base64, ignoring newlines; undefined when the text is not valid base64. */
export function base64Decode(text: string, ignoreGarbage = false): Buffer | undefined {
  let clean = text.replace(/\n/g, '');
  if (ignoreGarbage) clean = clean.replace(/[^A-Za-z0-9+/=]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  return Buffer.from(clean, 'base64');
}

/** `base64 [-d] [-i] [-w COLS] [FILE]` */
export function base64(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'di',
    values: 'w',
    long: { decode: 'd', 'ignore-garbage': 'i', wrap: 'w=' },
  });
  if (!isParsed(p)) return p;
  if (p.operands.length > 1) return t.gnu ? tryHelp(t, `extra operand '${p.operands[1]}'`) : showUsage(t);
  const data = readBytes(t, p.operands[0] ?? '-');
  if (!data) return t.done(1);
  if (!p.has('d')) {
    const width = Number(p.value('w') ?? 76);
    if (Number.isNaN(width) || width < 0) return t.fail(`invalid wrap size: '${p.value('w')}'`).done(1);
    return t.out(base64Encode(data, width)).done(0);
  }
  const decoded = base64Decode(data.toString('latin1'), p.has('i'));
  if (!decoded) return t.fail(t.gnu ? 'invalid input' : 'invalid input').done(1);
  return t.out(decoded.toString('utf8')).done(0);
}

const ALGORITHMS: Record<string, string> = {
  md5sum: 'md5',
  sha1sum: 'sha1',
  sha256sum: 'sha256',
  sha512sum: 'sha512',
};

/** `md5sum` / `sha1sum` / `sha256sum` / `sha512sum [FILE]...`: `HASH  NAME` lines. */
export function checksum(t: Tool): ProgramRun {
  const p = parseOrFail(t, {
    flags: 'btzc',
    long: { binary: 'b', text: 't', zero: 'z', check: 'c', tag: 'tag' },
  });
  if (!isParsed(p)) return p;
  if (p.has('c')) return t.fail('checking sums (-c) is not simulated').done(1);
  const algorithm = ALGORITHMS[t.applet] ?? 'sha256';
  for (const name of p.operands.length ? p.operands : ['-']) {
    const data = readBytes(t, name);
    if (!data) continue;
    const hex = createHash(algorithm).update(data).digest('hex');
    if (p.has('tag')) t.out(`${algorithm.toUpperCase()} (${name}) = ${hex}\n`);
    else t.out(`${hex} ${p.has('b') ? '*' : ' '}${name}\n`);
  }
  return t.done();
}
