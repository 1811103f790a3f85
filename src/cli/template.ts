import { CliError } from './errors.js';

/**
 * `--format` for inspect, version, info and events: a parse error is `template parsing error: …`
 * with exit 64, an execution error is printed as is with exit 1. The template engine loads
 * only when a format is given, so the plain commands start without it.
 */
export async function compileTemplateOrExit(format: string): Promise<(data: unknown) => string> {
  const { parseTemplate, TemplateExecError, TemplateParseError } = await import(
    '../format/template/index.js'
  );
  let template: ReturnType<typeof parseTemplate>;
  try {
    template = parseTemplate(format.replaceAll('\\t', '\t').replaceAll('\\n', '\n'));
  } catch (e) {
    if (e instanceof TemplateParseError) throw new CliError(`template parsing error: ${e.message}`, 64);
    throw e;
  }
  return (data) => {
    try {
      return template.execute(data);
    } catch (e) {
      if (e instanceof TemplateExecError) throw new CliError(e.message, 1);
      throw e;
    }
  };
}

export async function renderTemplateOrExit(format: string, data: unknown): Promise<string> {
  return (await compileTemplateOrExit(format))(data);
}
