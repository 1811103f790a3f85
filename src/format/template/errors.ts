/** Errors worded exactly as Go's text/template words them; callers add docker's prefixes. */

/** A syntax error: `template: :1: unclosed action`. */
export class TemplateParseError extends Error {
  override name = 'TemplateParseError';
}

/**
 * An execution error: `template: :1:2: executing "" at <.Bogus>: can't evaluate field Bogus in type T`.
 * `partial` is what the template had written before it failed (docker prints it for table headers).
 */
export class TemplateExecError extends Error {
  override name = 'TemplateExecError';
  constructor(
    message: string,
    public partial = '',
  ) {
    super(message);
  }
}
