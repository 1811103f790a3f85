import { gunzipSync } from 'node:zlib';
import { readTar } from '../fs/tar.js';
import type { Entry } from './copy-sources.js';

/**
 * ADD's local archive handling: a tar file (plain or gzip-compressed) from the build context is
 * unpacked into the destination instead of copied. Anything else (or a tar that does not read)
 * is copied as a file, as docker does. bzip2 and xz are not simulated.
 */
export function extractArchive(data: Uint8Array): { rel: string; entry: Entry }[] | undefined {
  let tar = data;
  if (data[0] === 0x1f && data[1] === 0x8b) {
    try {
      tar = gunzipSync(data);
    } catch {
      return undefined;
    }
  }
  if (!isTar(tar)) return undefined;
  try {
    return readTar(tar)
      .filter((e) => e.type !== 'hardlink')
      .map((e) => {
        const rel = e.path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
        const entry: Entry = {
          type: e.type === 'dir' ? 'dir' : e.type === 'symlink' ? 'symlink' : 'file',
          mode: e.mode & 0o7777,
          uid: e.uid,
          gid: e.gid,
          mtime: e.mtime,
        };
        if (e.type === 'file') entry.content = Buffer.from(e.content ?? new Uint8Array());
        if (e.type === 'symlink') entry.target = e.target ?? '';
        return { rel, entry };
      })
      .filter((e) => e.rel !== '' && !e.rel.split('/').includes('..'));
  } catch {
    return undefined;
  }
}

function isTar(data: Uint8Array): boolean {
  if (data.length < 512) return false;
  const magic = Buffer.from(data.subarray(257, 262)).toString('latin1');
  return magic === 'ustar';
}
