import type { FileEntry } from '../backend.js';
import { vertexName } from '../messages.js';
import type { ValueInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { runStep } from '../step.js';
import { resolveOwner } from '../users.js';
import { expand, legacyNop, nextConfig } from './common.js';

/**
 * WORKDIR /path — the directory later RUN, CMD, ENTRYPOINT, COPY and ADD work in; a relative
 * path is taken from the current one. The directory is created (owned by USER, if set), which
 * makes a layer only when it did not exist.
 */
export async function dispatchWorkdir(s: Session, st: StageState, ins: ValueInstruction): Promise<void> {
  const requested = expand(s, st, ins.value);
  const dir = normalizeWorkdir(st.config.WorkingDir ?? '', requested);
  const config = nextConfig(st);
  config.WorkingDir = dir;
  const createdBy = s.legacy ? legacyNop(config, `WORKDIR ${dir}`, true) : `WORKDIR ${dir}`;
  // BuildKit makes no vertex for `/`, which needs no mkdir (it still counts it in `[n/N]`).
  const vertex = dir === '/' ? undefined : vertexName(ins.code, st.lookup(), s.dockerfile.escape);
  await runStep(s, st, vertex ? { vertex } : {}, () => ({
    createdBy,
    key: createdBy,
    config,
    execute: async () => {
      s.backend.elapse(10);
      return missingDirs(s, st, dir);
    },
  }));
}

/** docker's rule: absolute paths replace, relative ones join the current directory. */
export function normalizeWorkdir(current: string, requested: string): string {
  const joined = requested.startsWith('/') ? requested : `${current || '/'}/${requested}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The directories `mkdir -p dir` creates on top of the stage's image (none when it exists). */
function missingDirs(s: Session, st: StageState, dir: string): FileEntry[] {
  const fs = s.backend.imageFs(st.imageId);
  const owner = resolveOwner(fs, st.config.User);
  const mtime = Math.floor(s.backend.now() / 1000);
  const out: FileEntry[] = [];
  let path = '';
  for (const part of dir.split('/').filter(Boolean)) {
    path += `/${part}`;
    if (fs.stat(path)?.type === 'dir') continue;
    out.push({ path, type: 'dir', mode: 0o755, uid: owner.uid, gid: owner.gid, mtime });
  }
  return out;
}
