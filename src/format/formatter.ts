/**
 * docker's `--format` modes for listings (ps, images, history, network ls, volume ls, …):
 * the default table, `table TEMPLATE`, `json`, or a plain template per item.
 */
import { headerContext } from './context.js';
import { type TabOptions, tabwrite } from './tabwriter.js';
import { type FuncMap, HEADER_FUNCS, parseTemplate, TemplateExecError } from './template/index.js';

export interface RenderListOptions {
  /** The user's `--format`; undefined, '' and 'table' mean the default table. */
  format: string | undefined;
  /** The command's default, e.g. 'table {{.ID}}\t{{.Image}}' (literal `\t` works too). */
  defaultTable: string;
  /** Header text per placeholder: { ID: 'CONTAINER ID', Image: 'IMAGE' }. */
  headers: Record<string, string>;
  /** `-q`: print `quietFormat` (default `{{.ID}}`) per item instead, no header. */
  quiet?: boolean;
  quietFormat?: string;
  /** The template behind `--format raw`, for commands that have one. */
  raw?: string;
  /** Extra template functions. */
  funcs?: FuncMap;
  /** Table layout; docker's listings use min width 10, padding 3. */
  tab?: TabOptions;
}

/** How a format string will be rendered. */
export interface ResolvedFormat {
  table: boolean;
  template: string;
}

/**
 * docker's format resolution: `table`/empty → default table; a `table` prefix → table mode with
 * the rest (trimmed of spaces); `json` → `{{json .}}`; anything else → a plain template.
 * Literal `\t` and `\n` become TAB and newline.
 */
export function resolveFormat(opts: RenderListOptions): ResolvedFormat {
  let format = opts.format ?? '';
  if (opts.quiet) format = opts.quietFormat ?? '{{.ID}}';
  else if (format === '' || format === 'table') format = opts.defaultTable;
  else if (format === 'raw' && opts.raw !== undefined) format = opts.raw;
  let table = false;
  if (format.startsWith('table')) {
    table = true;
    format = format.slice('table'.length);
  } else if (format === 'json') {
    format = '{{json .}}';
  }
  format = format
    .replace(/^ +| +$/g, '')
    .replaceAll('\\t', '\t')
    .replaceAll('\\n', '\n');
  return { table, template: format };
}

/**
 * Renders the rows (row contexts, see RowContext) the way docker's formatter does. Every item's
 * output gets a newline; in table mode a header row comes first (rendered from the headers, with
 * docker's header functions) and all goes through the tabwriter, so an empty list prints only the
 * header. Throws TemplateParseError / TemplateExecError with Go's text: callers add docker's prefix
 * (`failed to execute template: `…).
 */
export function renderList(rows: readonly unknown[], opts: RenderListOptions): string {
  const { table, template } = resolveFormat(opts);
  const tmpl = parseTemplate(template, opts.funcs);
  let body = '';
  for (const row of rows) body += `${tmpl.execute(row)}\n`;
  if (!table) return body;
  let header: string;
  try {
    header = tmpl.execute(headerContext(opts.headers), HEADER_FUNCS);
  } catch (e) {
    // docker ignores errors while rendering the header and keeps what was written.
    if (!(e instanceof TemplateExecError)) throw e;
    header = e.partial;
  }
  return tabwrite(`${header}\n${body}`, { minWidth: 10, padding: 3, ...opts.tab });
}
