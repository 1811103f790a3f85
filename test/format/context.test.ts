import { describe, expect, it } from 'vitest';
import { deriveHeader, headerContext, RowContext } from '../../src/format/context.js';
import { goJSON, parseTemplate } from '../../src/format/template/index.js';

class Sample extends RowContext {
  private readonly hidden = 'not a placeholder';
  constructor() {
    super('*formatter.sampleContext');
  }
  get Name(): string {
    return 'a<b>&c';
  }
  get Count(): string {
    return '2';
  }
  Size(): string {
    return '0B';
  }
  Label(name: string): string {
    return `${name}!`;
  }
  get lowercase(): string {
    return this.hidden;
  }
}

describe('deriveHeader', () => {
  it.each([
    ['com.example.app-name', 'app name'],
    ['com.example.a', 'a'],
    ['com.docker.compose.project_dir', 'project dir'],
    ['plain', 'plain'],
    ['trailing.', ''],
  ])('%s → %j', (label, header) => {
    expect(deriveHeader(label)).toBe(header);
  });
});

describe('RowContext', () => {
  it('marshals its argument-less placeholders, sorted, HTML-escaped', () => {
    expect(goJSON(new Sample())).toBe('{"Count":"2","Name":"a\\u003cb\\u003e\\u0026c","Size":"0B"}');
  });

  it('serves getters, zero-argument methods and methods with arguments to templates', () => {
    const t = parseTemplate('{{.Name}} {{.Count}} {{.Size}} {{.Label "x"}}');
    expect(t.execute(new Sample())).toBe('a<b>&c 2 0B x!');
  });

  it('hides lower-case members like Go hides unexported ones', () => {
    expect(() => parseTemplate('{{.lowercase}}').execute(new Sample())).toThrow(
      "can't evaluate field lowercase in type *formatter.sampleContext",
    );
    expect(() => parseTemplate('{{.hidden}}').execute(new Sample())).toThrow(
      'hidden is an unexported field of struct type *formatter.sampleContext',
    );
  });
});

describe('headerContext', () => {
  it('is a map of headers with a Label method', () => {
    const h = headerContext({ ID: 'CONTAINER ID' });
    const t = parseTemplate('{{.ID}}|{{.Label "com.example.app-name"}}|{{.Nope}}|{{len .}}');
    expect(t.execute(h)).toBe('CONTAINER ID|app name|<no value>|1');
  });

  it('names its type like docker in errors', () => {
    expect(() => parseTemplate('{{.ID.x}}').execute(headerContext({ ID: 'X' }))).toThrow(
      "can't evaluate field x in type string",
    );
    expect(() => parseTemplate('{{index . 1}}').execute(headerContext({}))).toThrow(
      'error calling index: value has type int; should be string',
    );
  });
});
