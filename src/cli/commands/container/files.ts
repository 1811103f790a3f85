/** `docker cp`, `docker export` and `docker import`: files between containers and the real folder. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isEngineError } from '../../../api/errors.js';
import { readTar, type TarEntry, writeTar } from '../../../fs/tar.js';
import type { CommandContext } from '../../context.js';
import { CliError, daemonMessage } from '../../errors.js';
import type { CommandModule } from '../../registry.js';
import { between, bool, exactly, list, str } from '../../spec.js';

function splitContainerPath(arg: string): { container?: string; path: string } {
  // `name:/path`; a local path with a colon needs a `./` or `/` in front, as docker says.
  const m = /^([a-zA-Z0-9][a-zA-Z0-9_.-]*):(.*)$/.exec(arg);
  if (!m || arg.startsWith('/') || arg.startsWith('.')) return { path: arg };
  return { container: m[1]!, path: m[2] || '/' };
}

/** Reads a real path into tar entries (never following a symlink out of what was named). */
function localToTar(src: string, name: string): TarEntry[] {
  const out: TarEntry[] = [];
  const walk = (at: string, rel: string) => {
    const st = fs.lstatSync(at);
    const base = { mode: st.mode & 0o7777, uid: 0, gid: 0, mtime: Math.floor(st.mtimeMs / 1000) };
    if (st.isDirectory()) {
      out.push({ path: rel, type: 'dir', ...base });
      for (const child of fs.readdirSync(at).sort()) walk(path.join(at, child), `${rel}/${child}`);
    } else if (st.isSymbolicLink()) {
      out.push({ path: rel, type: 'symlink', ...base, target: fs.readlinkSync(at) });
    } else if (st.isFile()) {
      out.push({ path: rel, type: 'file', ...base, content: fs.readFileSync(at) });
    }
  };
  walk(src, name);
  return out;
}

/** Writes tar entries below `destDir` only: a path that would leave it is refused. */
function tarToLocal(entries: TarEntry[], destDir: string, rename?: string): void {
  const root = path.resolve(destDir);
  for (const e of entries) {
    const parts = e.path.split('/');
    if (rename) parts[0] = rename;
    const target = path.resolve(root, ...parts);
    if (target !== root && !target.startsWith(`${root}${path.sep}`))
      throw new CliError(`refusing to write outside ${root}: ${e.path}`);
    if (e.type === 'dir') fs.mkdirSync(target, { recursive: true });
    else if (e.type === 'symlink') {
      fs.rmSync(target, { force: true });
      fs.symlinkSync(e.target ?? '', target);
    } else if (e.type === 'file') {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, e.content ?? new Uint8Array(), { mode: e.mode & 0o777 });
    }
  }
}

async function readStdinAll(ctx: CommandContext): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of ctx.stdin) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

export const cp: CommandModule = {
  spec: {
    path: 'container cp',
    usage: '[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
    description:
      "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
    aliases: ['docker container cp', 'docker cp'],
    args: exactly(2),
    flags: [
      bool('archive', 'a', 'Archive mode (copy all uid/gid information)'),
      bool('follow-link', 'L', 'Always follow symbol link in SRC_PATH'),
      bool(
        'quiet',
        'q',
        'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached',
      ),
    ],
  },
  async run(ctx, parsed) {
    const src = splitContainerPath(parsed.args[0]!);
    const dst = splitContainerPath(parsed.args[1]!);
    if (src.container && dst.container) throw new CliError('copying between containers is not supported');
    if (!src.container && !dst.container) throw new CliError('must specify at least one container source');
    const engine = await ctx.engine();
    try {
      if (src.container) {
        const tar = await engine.containerArchiveGet(src.container, src.path, {
          follow: parsed.opts['follow-link'] === true,
        });
        if (dst.path === '-') {
          ctx.stdout.write(tar);
          return 0;
        }
        const dest = path.resolve(ctx.cwd, dst.path);
        const entries = readTar(tar);
        if (fs.existsSync(dest) && fs.statSync(dest).isDirectory()) tarToLocal(entries, dest);
        else {
          if (!fs.existsSync(path.dirname(dest)))
            throw new CliError(`invalid output path: directory "${path.dirname(dest)}" does not exist`);
          tarToLocal(entries, path.dirname(dest), path.basename(dest));
        }
        return 0;
      }
      let tar: Buffer;
      let dir = dst.path;
      if (src.path === '-') tar = await readStdinAll(ctx);
      else {
        const local = path.resolve(ctx.cwd, src.path);
        if (!fs.existsSync(local)) throw new CliError(`lstat ${local}: no such file or directory`);
        const info = await engine.containerArchiveGet(dst.container!, dst.path, {}).catch(() => undefined);
        // Into an existing directory: keep the name. Otherwise the copy takes the destination's name.
        const intoDir = info !== undefined && readTar(info)[0]?.type === 'dir';
        const name = intoDir
          ? path.basename(local)
          : (dst.path.split('/').filter(Boolean).pop() ?? path.basename(local));
        if (!intoDir) dir = dst.path.replace(/\/[^/]*\/?$/, '') || '/';
        tar = writeTar(localToTar(local, name));
      }
      await engine.containerArchivePut(dst.container!, dir, tar);
      return 0;
    } catch (e) {
      if (isEngineError(e)) throw new CliError(daemonMessage(e));
      throw e;
    }
  },
};

export const exportCmd: CommandModule = {
  spec: {
    path: 'container export',
    usage: '[OPTIONS] CONTAINER',
    description: "Export a container's filesystem as a tar archive",
    aliases: ['docker container export', 'docker export'],
    args: exactly(1),
    flags: [str('output', 'o', 'Write to a file, instead of STDOUT')],
  },
  async run(ctx, parsed) {
    const out = parsed.opts.output as string | undefined;
    if (!out && ctx.stdout.isTTY)
      throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
    const tar = await (await ctx.engine()).containerExport(parsed.args[0]!);
    if (out) fs.writeFileSync(path.resolve(ctx.cwd, out), tar);
    else ctx.stdout.write(tar);
    return 0;
  },
};

export const importCmd: CommandModule = {
  spec: {
    path: 'image import',
    usage: '[OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
    description: 'Import the contents from a tarball to create a filesystem image',
    aliases: ['docker image import', 'docker import'],
    args: between(1, 2),
    flags: [
      list('change', 'c', 'Apply Dockerfile instruction to the created image'),
      str('message', 'm', 'Set commit message for imported image'),
      str('platform', undefined, 'Set platform if server is multi-platform capable'),
    ],
  },
  async run(ctx, parsed) {
    const [source, ref] = parsed.args as [string, string | undefined];
    if (/^https?:\/\//.test(source))
      throw new CliError(
        `Error response from daemon: Get "${source}": dial tcp: lookup ${new URL(source).host}: no such host`,
      );
    const tar = source === '-' ? await readStdinAll(ctx) : fs.readFileSync(path.resolve(ctx.cwd, source));
    const id = await (await ctx.engine()).imageImport(tar, {
      ...(ref ? { ref } : {}),
      ...(parsed.opts.message ? { message: parsed.opts.message as string } : {}),
      changes: parsed.opts.change as string[],
    });
    ctx.stdout.write(`${id}\n`);
    return 0;
  },
};
