import type { Redir } from './ast.js';
import { expandString } from './expand.js';
import type { Interp } from './interp.js';
import { type Fd, FileSink, Input, type IO, NullSink } from './io.js';
import { prefix, redirectMessage } from './messages.js';
import { resolvePath } from './path.js';

const errCode = (e: unknown): string => (e as { code?: string }).code ?? 'ENOENT';

/** Opens a file for writing (`>` truncates, `>>` appends); an error code when it cannot. */
function openWrite(ip: Interp, path: string, append: boolean, io: IO): Fd | string {
  if (path === '/dev/null') return new NullSink();
  if (path === '/dev/stdout' || path === '/dev/fd/1') return io.sink(1);
  if (path === '/dev/stderr' || path === '/dev/fd/2') return io.sink(2);
  const full = resolvePath(ip.state.cwd, path);
  const st = ip.fs.stat(full);
  if (st?.type === 'dir') return 'EISDIR';
  if (st && !append && ip.state.options.noclobber) return 'EEXIST';
  try {
    if (!append || !st) ip.fs.writeFile(full, '', false);
  } catch (e) {
    return errCode(e);
  }
  return new FileSink(ip.fs, full);
}

function openRead(ip: Interp, path: string): Fd | string {
  if (path === '/dev/null') return new Input('');
  const full = resolvePath(ip.state.cwd, path);
  try {
    return new Input(ip.fs.readFile(full));
  } catch (e) {
    return errCode(e);
  }
}

/**
 * Applies redirections left to right and returns the new descriptors, or undefined after printing
 * the error (the command is then not run).
 */
export async function applyRedirects(ip: Interp, redirs: Redir[], base: IO): Promise<IO | undefined> {
  let io = base;
  ip.curIO = base;
  for (const r of redirs) {
    const input = r.op[0] === '<';
    const fd = r.fd ?? (input ? 0 : 1);
    if (r.heredoc) {
      io = io.with([[fd, new Input(await expandString(ip, r.heredoc.body))]]);
      continue;
    }
    const target = await expandString(ip, r.target);
    if (r.op === '<<<') {
      io = io.with([[fd, new Input(`${target}\n`)]]);
      continue;
    }
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') {
        io = io.with([[fd, undefined]]);
        continue;
      }
      if (/^[0-9]+$/.test(target)) {
        const source = io.fds.get(Number(target));
        if (!source) {
          ip.error(io, `${prefix(ip.speaker())}${target}: Bad file descriptor`);
          return undefined;
        }
        io = io.with([[fd, source]]);
        continue;
      }
      if (r.op === '<&' || ip.dialect === 'dash') {
        ip.error(io, `${prefix(ip.speaker())}${target}: Bad file descriptor`);
        return undefined;
      }
    }
    const both = r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === undefined);
    const opened = input ? openRead(ip, target) : openWrite(ip, target, r.op.endsWith('>>'), io);
    if (typeof opened === 'string') {
      ip.error(io, redirectMessage(ip.speaker(), target, opened, !input));
      return undefined;
    }
    io = io.with(
      both
        ? [
            [1, opened],
            [2, opened],
          ]
        : [[fd, opened]],
    );
    ip.curIO = io;
  }
  return io;
}
