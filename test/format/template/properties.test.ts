import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseTemplate,
  type Template,
  TemplateExecError,
  TemplateParseError,
} from '../../../src/format/template/index.js';
import { FIXTURES } from './fixtures.js';

/** Pieces of template syntax, valid and broken, to shake the lexer and parser. */
const SOUP = [
  '{{',
  '}}',
  '{{- ',
  ' -}}',
  '{{/*',
  '*/}}',
  ' ',
  '\n',
  '|',
  '.',
  '.A',
  '.B.C',
  '.Label',
  '$',
  '$x',
  '$y',
  ':=',
  '=',
  ',',
  '(',
  ')',
  '"s"',
  '"%d %v"',
  '`raw`',
  "'c'",
  '1',
  '2.5',
  '-3',
  '0x1F',
  '1e3',
  'true',
  'nil',
  'if',
  'else',
  'end',
  'range',
  'with',
  'break',
  'continue',
  'len',
  'index',
  'slice',
  'printf',
  'print',
  'println',
  'eq',
  'lt',
  'and',
  'or',
  'not',
  'json',
  'join',
  'split',
  'upper',
  'title',
  'pad',
  'truncate',
  'call',
  'x',
  '}',
  '{',
  '"',
  '\\',
  '-',
  'é',
  '日',
];
const RECURSIVE = ['define', 'template', 'block', '"t"'];

const soup = (extra: string[] = []) =>
  fc
    .array(fc.oneof(fc.constantFrom(...SOUP, ...extra), fc.string({ maxLength: 3 })), { maxLength: 30 })
    .map((a) => a.join(''));

/** Grammar-shaped templates, most of which parse. */
const { node: grammarNode } = fc.letrec<{
  operand: string;
  command: string;
  pipeline: string;
  node: string;
  list: string;
}>((tie) => ({
  operand: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      '.',
      '.A',
      '.B.C',
      '.ID',
      '.Mounts',
      '$',
      '"s"',
      '"a,b"',
      '1',
      '2',
      '0',
      '-1',
      '1.5',
      'true',
      'nil',
    ),
    tie('pipeline').map((p) => `(${p})`),
  ),
  command: fc.oneof(
    tie('operand'),
    fc
      .tuple(
        fc.constantFrom(
          'len',
          'index',
          'slice',
          'print',
          'printf',
          'eq',
          'ne',
          'lt',
          'and',
          'or',
          'not',
          'json',
          'join',
          'split',
          'upper',
          'pad',
          'truncate',
          'call',
          '.Label',
        ),
        fc.array(tie('operand'), { maxLength: 3 }),
      )
      .map(([f, args]) => [f, ...args].join(' ')),
  ),
  pipeline: fc
    .tuple(fc.constantFrom('', '$v := ', '$v = '), fc.array(tie('command'), { minLength: 1, maxLength: 3 }))
    .map(([decl, cmds]) => decl + cmds.join(' | ')),
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('text', ' ', '\n'),
    tie('pipeline').map((p) => `{{${p}}}`),
    fc
      .tuple(tie('pipeline'), tie('list'), tie('list'))
      .map(([p, a, b]) => `{{if ${p}}}${a}{{else}}${b}{{end}}`),
    fc.tuple(tie('pipeline'), tie('list')).map(([p, a]) => `{{with ${p}}}${a}{{end}}`),
    fc.tuple(tie('pipeline'), tie('list')).map(([p, a]) => `{{range ${p}}}${a}{{break}}{{end}}`),
    fc
      .tuple(tie('pipeline'), tie('list'))
      .map(([p, a]) => `{{range $k, $e := ${p}}}{{$k}}${a}{{continue}}{{end}}`),
  ),
  list: fc.array(tie('node'), { maxLength: 3 }).map((a) => a.join('')),
}));

const data = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(null).map(() => FIXTURES.ctx!()),
  fc.constant(null).map(() => FIXTURES.docker!()),
  fc.record({ A: fc.jsonValue({ maxDepth: 2 }), B: fc.record({ C: fc.jsonValue({ maxDepth: 1 }) }) }),
);

function parseOrNull(src: string): Template | null {
  try {
    return parseTemplate(src);
  } catch (e) {
    if (e instanceof TemplateParseError) return null;
    throw e;
  }
}

function executes(t: Template, d: unknown): void {
  try {
    expect(typeof t.execute(d)).toBe('string');
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
    expect(e.message).toMatch(/^template: /);
  }
}

describe('template properties', () => {
  it('parsing any input gives a template or a TemplateParseError', () => {
    fc.assert(
      fc.property(fc.oneof(soup(RECURSIVE), fc.string(), grammarNode), (src) => {
        try {
          parseTemplate(src);
        } catch (e) {
          expect(e).toBeInstanceOf(TemplateParseError);
          expect((e as Error).message).toMatch(/^template: :\d+: /);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('executing parsed soup only ever fails with TemplateExecError', () => {
    fc.assert(
      fc.property(soup(), data, (src, d) => {
        const t = parseOrNull(src);
        if (t) executes(t, d);
      }),
      { numRuns: 3000 },
    );
  });

  it('executing grammar-made templates only ever fails with TemplateExecError', () => {
    let parsed = 0;
    fc.assert(
      fc.property(grammarNode, data, (src, d) => {
        const t = parseOrNull(src);
        if (!t) return;
        parsed++;
        executes(t, d);
      }),
      { numRuns: 2000 },
    );
    expect(parsed).toBeGreaterThan(500);
  });

  it('text without actions comes out unchanged', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{{')),
        (s) => {
          expect(parseTemplate(s).execute({})).toBe(s);
        },
      ),
    );
  });
});
