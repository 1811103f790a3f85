import { isEngineError } from '../api/errors.js';
import type { CommandContext } from './context.js';
import { CliError, daemonMessage, SilentExit } from './errors.js';
import { compileTemplateOrExit } from './template.js';

/**
 * The common shape of `docker inspect` and `docker <object> inspect`: a JSON array of the found
 * objects (4-space indent), or one template line per object; every miss one stderr line, exit 1.
 */
export async function printInspect(
  ctx: CommandContext,
  names: string[],
  find: (name: string) => Promise<unknown>,
  opts: { format?: string; missing?: (name: string, e: unknown) => string | undefined },
): Promise<number> {
  const found: unknown[] = [];
  const errors: string[] = [];
  for (const name of names) {
    try {
      found.push(await find(name));
    } catch (e) {
      const text = opts.missing?.(name, e) ?? (isEngineError(e) ? daemonMessage(e) : undefined);
      if (text === undefined) throw e;
      errors.push(text);
    }
  }
  const format = opts.format;
  if (format && format !== 'json') {
    // The template is read only when there is something to render (as docker does).
    const render = found.length ? await compileTemplateOrExit(format) : () => '';
    for (const obj of found) ctx.stdout.write(`${render(obj)}\n`);
  } else if (format === 'json') {
    for (const obj of found) ctx.stdout.write(`${JSON.stringify(obj)}\n`);
  } else {
    ctx.stdout.write(`${found.length ? JSON.stringify(found, null, 4) : '[]'}\n`);
  }
  for (const e of errors) ctx.stderr.write(`${e}\n`);
  if (errors.length) throw new SilentExit(1);
  return 0;
}

export { CliError };
