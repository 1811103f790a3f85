/** A Go text/template subset for `--format`, with docker's template functions. */
export type { FuncEntry } from './builtins.js';
export { goLower, goTitle, goUpper, HEADER_FUNCS } from './docker-funcs.js';
export { TemplateExecError, TemplateParseError } from './errors.js';
export { formatValue, sprint, sprintf, sprintln } from './fmt.js';
export { goJSON, jsonString } from './json.js';
export { goQuote, goUnquote } from './quote.js';
export { type FuncMap, type ParseOptions, parseTemplate, Template, type TemplateFunc } from './template.js';
export {
  GO_MAP_TYPE,
  GO_SIGNATURE,
  GO_TYPE,
  GoFloat,
  type GoParam,
  type GoSignature,
  goFloat,
  MARSHAL_JSON,
  withSignature,
} from './values.js';
