import type { ProcessContext, ProgramRun } from '../types.js';
import { showUsage } from './args.js';
import { awk } from './awk.js';
import { cat, tee } from './cat.js';
import { chmod, chown } from './chmod.js';
import { cut, uniq } from './columns.js';
import { type Flavour, Tool, type ToolImpl } from './common.js';
import { cp, mv } from './cpmv.js';
import { df, du } from './disk.js';
import { echo, printf, yes } from './echo.js';
import { base64, checksum } from './encode.js';
import { find } from './find.js';
import { grep } from './grep.js';
import { head, tail } from './headtail.js';
import { ln } from './ln.js';
import { ls } from './ls.js';
import { mkdir, rmdir, touch } from './mkdir.js';
import { seq, shuf } from './numbers.js';
import { basename, dirname, pwd, readlink, realpath, which } from './paths.js';
import { rm } from './rm.js';
import { sed } from './sed.js';
import { sort } from './sort.js';
import { stat } from './stat.js';
import { tar } from './tar.js';
import { tr } from './tr.js';
import { wc } from './wc.js';
import { xargs } from './xargs.js';

/** Every simulated tool by the name it is invoked as; both flavours share the implementation. */
export const TOOLS: Record<string, ToolImpl> = {
  ls,
  cat,
  tee,
  echo,
  printf,
  yes,
  mkdir,
  rmdir,
  touch,
  rm,
  cp,
  mv,
  ln,
  chmod,
  chown,
  grep,
  egrep: (t) => grep(t.withArgs(['-E', ...t.args])),
  fgrep: (t) => grep(t.withArgs(['-F', ...t.args])),
  sed,
  awk,
  basename,
  dirname,
  pwd,
  readlink,
  realpath,
  which,
  find,
  head,
  tail,
  wc,
  sort,
  uniq,
  cut,
  tr,
  seq,
  shuf,
  base64,
  md5sum: checksum,
  sha1sum: checksum,
  sha256sum: checksum,
  sha512sum: checksum,
  stat,
  du,
  df,
  xargs,
  tar,
};

/** Runs tool `name` for a process in the given flavour. */
export function runTool(
  name: string,
  ctx: ProcessContext,
  flavour: Flavour,
): ProgramRun | Promise<ProgramRun> {
  const impl = TOOLS[name];
  if (!impl) throw new Error(`no such tool: ${name}`);
  const t = new Tool(ctx, flavour, name);
  // BusyBox answers a lone `--help` with the applet's usage on stderr, and success.
  if (flavour === 'busybox' && ctx.argv.length === 2 && ctx.argv[1] === '--help') return showUsage(t, 0);
  return impl(t);
}
