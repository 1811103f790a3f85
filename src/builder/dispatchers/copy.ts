import { hexOf, sha256 } from '../../images/digest.js';
import type { FsView, SourceChecksum } from '../backend.js';
import { cleanAbsolute, layerDigest, placeUnits } from '../copy-place.js';
import { type CopyUnit, contextUnits, imageUnits, SourceNotFound, unitBytes } from '../copy-sources.js';
import { StepError } from '../errors.js';
import { processWord } from '../lex.js';
import { refId, vertexName } from '../messages.js';
import type { CopyInstruction } from '../parser/index.js';
import type { Session } from '../session.js';
import type { StageState } from '../state.js';
import { runStep } from '../step.js';
import { resolveOwner } from '../users.js';
import { expand, legacyNop } from './common.js';
import { sourceFs } from './copy-from.js';

/**
 * COPY [--from=stage|image] [--chown=user:group] [--chmod=755] [--link] src… dest | COPY <<EOF dest
 * — copies files from the build context (or another stage, or an image) into the image. Sources
 * may use wildcards; a directory's contents are copied; paths cannot leave the context.
 */
export async function dispatchCopy(s: Session, st: StageState, ins: CopyInstruction): Promise<void> {
  await copyFiles(s, st, ins);
}

/** COPY and ADD share everything but ADD's archive unpacking and its URL sources. */
export async function copyFiles(s: Session, st: StageState, ins: CopyInstruction): Promise<void> {
  const add = ins.kind === 'ADD';
  const sources = ins.sources.map((src) => expand(s, st, src));
  const destRaw = expand(s, st, ins.dest);
  const chown = ins.chown === undefined ? undefined : expand(s, st, ins.chown);
  const chmod = ins.chmod === undefined ? undefined : expand(s, st, ins.chmod);
  const contents = ins.contents.map((c) => ({
    ...c,
    data: c.expand ? processWord(c.data, st.lookup(), { skipProcessQuotes: true }) : c.data,
  }));
  if (s.legacy && chmod !== undefined) {
    throw new StepError(
      'the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled',
    );
  }
  const from = ins.from === undefined ? undefined : await sourceFs(s, st, ins.from);
  const target = destination(destRaw, st.config.WorkingDir ?? '');
  const flags = `${chown ? ` --chown=${chown}` : ''}${chmod ? ` --chmod=${chmod}` : ''}`;
  const recorded = `${ins.kind}${flags} ${[...sources, ...contents.map((c) => `<<${c.path}`), destRaw].join(' ')} # buildkit`;
  await runStep(
    s,
    st,
    { vertex: vertexName(ins.code, st.lookup(), s.dockerfile.escape), container: false },
    () => {
      const mode = chmod === undefined ? undefined : parseChmod(chmod);
      const mtime = Math.floor(s.backend.now() / 1000);
      const units = [
        ...sources.flatMap((src) => resolve(s, ins, src, from, add, mtime)),
        ...contents.map(
          (c): CopyUnit => ({
            kind: 'file',
            name: c.path,
            entry: { type: 'file', mode: 0o644, uid: 0, gid: 0, mtime, content: Buffer.from(c.data) },
          }),
        ),
      ];
      const fs = s.backend.imageFs(st.imageId);
      const owner = chown === undefined ? undefined : resolveOwner(fs, chown);
      const layer = placeUnits(fs, units, target, {
        ...(owner ? { owner } : {}),
        ...(mode === undefined ? {} : { mode }),
        mtime,
      });
      const createdBy = s.legacy
        ? legacyNop(
            st.config,
            `${ins.kind} ${chown ? `--chown=${chown} ` : ''}${legacyHash(units)} in ${destRaw} `,
            true,
          )
        : recorded;
      return {
        createdBy,
        key: `${recorded}\n${layerDigest(layer)}`,
        sources: checksums(units),
        config: st.config,
        execute: async () => {
          s.backend.elapse(20 + Math.round(unitBytes(units) / 50_000));
          return layer;
        },
      };
    },
  );
}

function resolve(
  s: Session,
  ins: CopyInstruction,
  src: string,
  from: FsView | undefined,
  add: boolean,
  mtime: number,
) {
  if (/^https?:\/\//i.test(src)) {
    if (!add) throw new StepError("source can't be a URL for COPY");
    throw new StepError(
      `failed to load cache key: Get ${JSON.stringify(src)}: dockersim works offline and cannot download; put the file in the build context and COPY it`,
      { legacy: `ADD failed: dockersim works offline and cannot download ${src}` },
    );
  }
  try {
    return from ? imageUnits(from, src) : contextUnits(s.context, src, add, mtime);
  } catch (e) {
    if (!(e instanceof SourceNotFound)) throw e;
    throw notFound(s, ins, src, e, from !== undefined);
  }
}

/** BuildKit's checksum error for a missing source (the classic builder's `COPY failed: …`). */
export function notFound(
  s: Session,
  ins: CopyInstruction,
  src: string,
  e: SourceNotFound,
  image: boolean,
): StepError {
  const clean = e.path.replace(/^\//, '');
  const legacy = image
    ? `${ins.kind} failed: stat ${e.path}: file does not exist`
    : `${ins.kind} failed: file not found in build context or excluded by .dockerignore: stat ${clean}: file does not exist`;
  return new StepError(
    `failed to calculate checksum of ref ${refId(`${s.opts.dockerfile}\n${src}`)}: ${e.message}`,
    {
      phase: 'failed to compute cache key: ',
      legacy,
    },
  );
}

/**
 * BuildKit's destination: a relative path is joined to WORKDIR, `.` (or nothing) is WORKDIR
 * itself as a directory, and a trailing `/` (meaning "a directory") is kept.
 */
export function destination(raw: string, workdir: string): string {
  const path = raw === '' || raw === '.' ? './' : raw;
  const clean = cleanAbsolute(path.startsWith('/') ? path : `${workdir || '/'}/${path}`);
  return path.endsWith('/') && clean !== '/' ? `${clean}/` : clean;
}

/** `--chmod=755`: an octal mode up to 07777. */
function parseChmod(value: string): number {
  const n = /^[0-7]+$/.test(value) ? Number.parseInt(value, 8) : Number.NaN;
  if (Number.isNaN(n) || n > 0o7777) {
    throw new StepError(
      `invalid chmod parameter: '${value}'. it should be octal string and between 0 and 07777`,
    );
  }
  return n;
}

/** The copied files and their content checksums (what `--explain` compares between builds). */
function checksums(units: readonly CopyUnit[]): SourceChecksum[] {
  const sum = (name: string, e: { type: string; content?: Buffer }) =>
    e.type === 'file' ? [{ path: name, checksum: sha256(e.content ?? '') as string }] : [];
  return units.flatMap((u) =>
    u.kind === 'file' ? sum(u.name, u.entry) : u.entries.flatMap((e) => sum(e.rel, e.entry)),
  );
}

/** The classic builder's `file:<sha256>`, `dir:<sha256>` or `multi:<sha256>` in its history. */
function legacyHash(units: readonly CopyUnit[]): string {
  const one = (u: CopyUnit) =>
    u.kind === 'file'
      ? `file:${hexOf(sha256(u.entry.content ?? ''))}`
      : `dir:${hexOf(sha256(u.entries.map((e) => `${e.rel}:${e.entry.content ? sha256(e.entry.content) : e.entry.type}`).join(',')))}`;
  if (units.length === 1) return one(units[0]!);
  return `multi:${hexOf(sha256(units.map(one).join(',')))}`;
}
