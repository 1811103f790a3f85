import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate, TemplateExecError, TemplateParseError } from '../../../src/format/template/index.js';
import { FIXTURES } from './fixtures.js';

interface Case {
  line: number;
  template: string;
  data: string;
  expected: string;
}

const visible = (s: string): string => s.replaceAll('↵', '\n').replaceAll('→', '\t');

function loadCases(): Case[] {
  const text = readFileSync(new URL('../data/templates.txt', import.meta.url), 'utf8');
  const cases: Case[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const parts = raw.split(' ⇒ ');
    if (parts.length !== 3) throw new Error(`templates.txt:${i + 1}: expected 3 fields, got ${parts.length}`);
    let expected = parts[2]!;
    if (expected.endsWith('¶')) expected = expected.slice(0, -1);
    cases.push({ line: i + 1, template: visible(parts[0]!), data: parts[1]!, expected: visible(expected) });
  });
  return cases;
}

function dataFor(spec: string): unknown {
  if (spec.startsWith('@')) {
    const make = FIXTURES[spec.slice(1)];
    if (!make) throw new Error(`unknown fixture ${spec}`);
    return make();
  }
  return JSON.parse(spec);
}

/** What a case produces, in the data file's notation. */
function run(c: Case): string {
  let tmpl: ReturnType<typeof parseTemplate>;
  try {
    tmpl = parseTemplate(c.template);
  } catch (e) {
    if (e instanceof TemplateParseError) return `!parse: ${e.message}`;
    throw e;
  }
  try {
    return tmpl.execute(dataFor(c.data));
  } catch (e) {
    if (e instanceof TemplateExecError) return `!exec: ${e.message}`;
    throw e;
  }
}

describe('templates.txt', () => {
  const cases = loadCases();
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(300);
  });
  it.each(cases.map((c) => [`${c.line}: ${c.template}`, c] as const))('%s', (_name, c) => {
    expect(run(c)).toBe(c.expected);
  });
});

describe('execution details', () => {
  it('keeps the output written before an error', () => {
    const t = parseTemplate('a{{.A}}b{{.A.x}}');
    try {
      t.execute({ A: 'z' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateExecError);
      expect((e as TemplateExecError).partial).toBe('azb');
    }
  });

  it('names the template in errors when asked (docker version uses "version")', () => {
    expect(() => parseTemplate('{{foo}}', undefined, { name: 'version' })).toThrow(
      'template: version:1: function "foo" not defined',
    );
  });

  it('accepts extra functions, plain or Go-typed', () => {
    const t = parseTemplate('{{twice .A}} {{join3 "a" "b" "c"}}', {
      twice: (s: unknown) => `${s}${s}`,
      join3: (...a: unknown[]) => a.join('+'),
    });
    expect(t.execute({ A: 'x' })).toBe('xx a+b+c');
  });

  it('lets a run replace functions (header mode)', () => {
    const t = parseTemplate('{{upper .A}}');
    expect(t.execute({ A: 'x' }, { upper: (s: unknown) => `[${s}]` })).toBe('[x]');
    expect(t.execute({ A: 'x' })).toBe('X');
  });

  it('stops runaway recursion with a template error', () => {
    const t = parseTemplate('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}');
    expect(() => t.execute({})).toThrow(TemplateExecError);
  });

  it('reports deep nesting as a parse error', () => {
    const src = `${'{{if 1}}'.repeat(3000)}${'{{end}}'.repeat(3000)}`;
    try {
      parseTemplate(src).execute({});
    } catch (e) {
      expect(e instanceof TemplateParseError || e instanceof TemplateExecError).toBe(true);
    }
  });
});
