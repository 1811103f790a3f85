/**
 * A small, deterministic tar (ustar + PAX for long names) writer and reader. Layers are
 * digested as tars, `docker save`/`load`/`export`/`cp` speak tar, and the same input must give
 * the same bytes on every machine, so nothing here depends on the host (no host uid names,
 * no current time).
 */

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink';

export interface TarEntry {
  /** Path without a leading slash; directories without a trailing slash. */
  path: string;
  type: TarEntryType;
  mode: number;
  uid: number;
  gid: number;
  /** Seconds since the epoch. */
  mtime: number;
  content?: Uint8Array;
  /** Link target for symlinks and hard links. */
  target?: string;
}

const BLOCK = 512;
const TYPE_FLAG: Record<TarEntryType, string> = { file: '0', hardlink: '1', symlink: '2', dir: '5' };

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return `${len}${body}`;
}

function header(
  name: string,
  type: string,
  entry: Pick<TarEntry, 'mode' | 'uid' | 'gid' | 'mtime'>,
  size: number,
  target = '',
): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write(octal(entry.mode & 0o7777, 8), 100);
  h.write(octal(entry.uid, 8), 108);
  h.write(octal(entry.gid, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(Math.max(0, Math.floor(entry.mtime)), 12), 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write(target.slice(0, 100), 157, 'utf8');
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function padded(data: Uint8Array): Buffer[] {
  const rest = data.length % BLOCK;
  return rest === 0 ? [Buffer.from(data)] : [Buffer.from(data), Buffer.alloc(BLOCK - rest)];
}

/** Writes entries in the order given (callers sort them for determinism). */
export function writeTar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const name = e.type === 'dir' ? `${e.path}/` : e.path;
    const target = e.target ?? '';
    const needsPax = Buffer.byteLength(name) > 100 || Buffer.byteLength(target) > 100;
    if (needsPax) {
      let pax = paxRecord('path', name);
      if (target) pax += paxRecord('linkpath', target);
      const data = Buffer.from(pax, 'utf8');
      parts.push(
        header('PaxHeader', 'x', { mode: 0o644, uid: 0, gid: 0, mtime: e.mtime }, data.length),
        ...padded(data),
      );
    }
    const content = e.type === 'file' ? (e.content ?? new Uint8Array()) : new Uint8Array();
    parts.push(header(name, TYPE_FLAG[e.type], e, content.length, target));
    if (content.length) parts.push(...padded(content));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

function readString(buf: Buffer, start: number, len: number): string {
  const slice = buf.subarray(start, start + len);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul < 0 ? len : nul).toString('utf8');
}

function readOctal(buf: Buffer, start: number, len: number): number {
  const text = readString(buf, start, len).trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
}

export class TarFormatError extends Error {}

/** Reads a tar archive (ustar, GNU long names, PAX path/linkpath). */
export function readTar(data: Uint8Array): TarEntry[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const out: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  while (offset + BLOCK <= buf.length) {
    const h = buf.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) break;
    const magic = readString(h, 257, 6);
    if (magic !== 'ustar' && magic !== 'ustar ') throw new TarFormatError('archive/tar: invalid tar header');
    const size = readOctal(h, 124, 12);
    const type = String.fromCharCode(h[156] || 48);
    const body = buf.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      for (const line of body.toString('utf8').split('\n')) {
        const m = /^\d+ ([^=]+)=(.*)$/.exec(line);
        if (m?.[1] === 'path') longName = m[2];
        if (m?.[1] === 'linkpath') longLink = m[2];
      }
      continue;
    }
    if (type === 'L' || type === 'K') {
      const value = body.toString('utf8').replace(/\0+$/, '');
      if (type === 'L') longName = value;
      else longLink = value;
      continue;
    }
    if (type === 'g') continue;
    const prefix = readString(h, 345, 155);
    let name = longName ?? (prefix ? `${prefix}/${readString(h, 0, 100)}` : readString(h, 0, 100));
    const target = longLink ?? readString(h, 157, 100);
    longName = undefined;
    longLink = undefined;
    name = name.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
    if (name === '' || name === '.') continue;
    const kind: TarEntryType =
      type === '5' ? 'dir' : type === '2' ? 'symlink' : type === '1' ? 'hardlink' : 'file';
    const entry: TarEntry = {
      path: name,
      type: kind,
      mode: readOctal(h, 100, 8),
      uid: readOctal(h, 108, 8),
      gid: readOctal(h, 116, 8),
      mtime: readOctal(h, 136, 12),
    };
    if (kind === 'file') entry.content = Buffer.from(body);
    if (kind === 'symlink' || kind === 'hardlink') entry.target = target;
    out.push(entry);
  }
  return out;
}
