import { parseTemplate, TemplateExecError, TemplateParseError } from '../format/template/index.js';
import { CliError } from './errors.js';

/**
 * `--format` for inspect, version and info: a parse error is `template parsing error: …`
 * with exit 64, an execution error is printed as is with exit 1.
 */
export function renderTemplateOrExit(format: string, data: unknown): string {
  let template: ReturnType<typeof parseTemplate>;
  try {
    template = parseTemplate(format.replaceAll('\\t', '\t').replaceAll('\\n', '\n'));
  } catch (e) {
    if (e instanceof TemplateParseError) throw new CliError(`template parsing error: ${e.message}`, 64);
    throw e;
  }
  try {
    return template.execute(data);
  } catch (e) {
    if (e instanceof TemplateExecError) throw new CliError(e.message, 1);
    throw e;
  }
}
