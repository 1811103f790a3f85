import {
  type RenderListOptions,
  renderList,
  TemplateExecError,
  TemplateParseError,
} from '../format/index.js';
import type { CommandContext } from './context.js';
import { CliError } from './errors.js';

/** Renders a listing with docker's wording for template errors (exit 1). */
export function printList(ctx: CommandContext, rows: readonly unknown[], opts: RenderListOptions): void {
  let text: string;
  try {
    text = renderList(rows, opts);
  } catch (e) {
    if (e instanceof TemplateParseError) throw new CliError(`failed to parse template: ${e.message}`);
    if (e instanceof TemplateExecError) throw new CliError(`failed to execute template: ${e.message}`);
    throw e;
  }
  ctx.stdout.write(text);
}

/** `--filter key=value` values (checked by the flag) into the API's filters map. */
export function parseFilters(values: string[]): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    const key = v.slice(0, eq).trim().toLowerCase();
    filters[key] = [...(filters[key] ?? []), v.slice(eq + 1)];
  }
  return filters;
}

export const FORMAT_HELP_TABLE =
  "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";
