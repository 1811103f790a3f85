import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ContextFile } from '../../../api/images.js';
import type { CommandContext } from '../../context.js';
import type { CliError } from '../../errors.js';

/**
 * The client side of `docker build`: the Dockerfile, and the build context — the folder the
 * user named, read with `.dockerignore` applied (docker's pattern rules: `*`, `?`, `**`, `!`
 * exceptions, `#` comments). Symlinks are sent as symlinks, never followed, so nothing outside
 * the folder is read.
 */
export interface BuildInput {
  files: ContextFile[];
  dockerfile: string;
  /** As BuildKit names it in `load build definition from …`. */
  dockerfileName: string;
}

async function readStdin(ctx: CommandContext): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function readInput(
  ctx: CommandContext,
  target: string,
  file: string | undefined,
  legacy: boolean,
  fail: (message: string) => CliError,
): Promise<BuildInput> {
  if (target === '-') return { files: [], dockerfile: await readStdin(ctx), dockerfileName: 'Dockerfile' };
  if (/^(https?:\/\/|git@|git:\/\/|github\.com\/)/.test(target)) {
    throw fail(`unable to prepare context: dockersim works offline and cannot fetch ${target}`);
  }
  const dir = path.resolve(ctx.cwd, target);
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw fail(`unable to prepare context: path "${target}" not found`);
  if (!stat.isDirectory()) throw fail(`unable to prepare context: context must be a directory: ${dir}`);
  let dockerfile: string;
  let dockerfilePath: string | undefined;
  if (file === '-') dockerfile = await readStdin(ctx);
  else {
    dockerfilePath = file ? path.resolve(ctx.cwd, file) : defaultDockerfile(dir);
    try {
      dockerfile = fs.readFileSync(dockerfilePath, 'utf8');
    } catch {
      if (legacy) {
        throw fail(
          `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dockerfilePath}: no such file or directory`,
        );
      }
      throw fail(
        `failed to solve: failed to read dockerfile: open ${path.basename(dockerfilePath)}: no such file or directory`,
      );
    }
  }
  const ignore = new IgnoreMatcher(readText(path.join(dir, '.dockerignore')));
  // The classic client always sends the Dockerfile and .dockerignore, whatever .dockerignore says.
  const keep = new Set(
    legacy ? ['.dockerignore', ...(dockerfilePath ? [toSlash(path.relative(dir, dockerfilePath))] : [])] : [],
  );
  return {
    files: readContext(dir, ignore, keep),
    dockerfile,
    dockerfileName: file && file !== '-' ? path.basename(file) : 'Dockerfile',
  };
}

function defaultDockerfile(dir: string): string {
  const upper = path.join(dir, 'Dockerfile');
  const lower = path.join(dir, 'dockerfile');
  return !fs.existsSync(upper) && fs.existsSync(lower) ? lower : upper;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

const toSlash = (p: string) => p.split(path.sep).join('/');

/** Reads a context folder into the list the builder receives (paths relative, `/`-separated). */
export function readContext(
  root: string,
  ignore: IgnoreMatcher,
  keep: ReadonlySet<string> = new Set(),
): ContextFile[] {
  const out: ContextFile[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      const excluded = ignore.matches(r) && !keep.has(r);
      const mode = fs.lstatSync(full).mode & 0o7777;
      if (entry.isDirectory()) {
        if (excluded && !ignore.hasExceptions) continue;
        if (!excluded) out.push({ path: r, type: 'dir', mode });
        walk(full, r);
      } else if (!excluded && entry.isSymbolicLink()) {
        out.push({ path: r, type: 'symlink', mode: 0o777, target: fs.readlinkSync(full) });
      } else if (!excluded && entry.isFile()) {
        out.push({ path: r, type: 'file', mode, content: fs.readFileSync(full) });
      }
    }
  };
  walk(root, '');
  return out;
}

interface Pattern {
  re: RegExp;
  exclusion: boolean;
}

/**
 * `.dockerignore` as docker reads it (moby's ignorefile and patternmatcher): a path is left out
 * when the last pattern matching it, or one of its parent directories, is not a `!` exception.
 */
export class IgnoreMatcher {
  private readonly patterns: Pattern[] = [];

  constructor(text: string) {
    for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
      if (raw.startsWith('#')) continue;
      let p = raw.trim();
      if (p === '') continue;
      const exclusion = p.startsWith('!');
      if (exclusion) p = p.slice(1).trim();
      if (p !== '') {
        p = path.posix.normalize(p).replace(/\/+$/, '') || '.';
        if (p.length > 1 && p.startsWith('/')) p = p.slice(1);
      }
      this.patterns.push({ re: compile(p), exclusion });
    }
  }

  get hasExceptions(): boolean {
    return this.patterns.some((p) => p.exclusion);
  }

  matches(file: string): boolean {
    let matched = false;
    const parents = file.split('/').slice(0, -1);
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let hit = p.re.test(file);
      for (let i = 1; !hit && i <= parents.length; i++) hit = p.re.test(parents.slice(0, i).join('/'));
      if (hit) matched = !p.exclusion;
    }
    return matched;
  }
}

/** A pattern as a regular expression: `**` spans directories, `*` and `?` stay within one. */
function compile(p: string): RegExp {
  let re = '^';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === '*' && p[i + 1] === '*') {
      i++;
      if (p[i + 1] === '/') i++;
      re += i + 1 >= p.length ? '.*' : '(.*/)?';
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '\\') re += i + 1 < p.length ? `\\${p[++i]}` : '\\\\';
    else if ('.+()|{}$^'.includes(ch)) re += `\\${ch}`;
    else re += ch;
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    return /$^/;
  }
}
