import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  familiarString,
  fullString,
  InvalidReferenceError,
  parseNormalized,
} from '../../src/images/reference.js';

interface Case {
  line: number;
  input: string;
  expected: { full: string; familiar: string } | { error: string };
}

/** `<c*N>` stands for N repetitions of c, so long names stay readable. */
function expand(s: string): string {
  return s.replace(/<([^*<>]+)\*(\d+)>/g, (_, unit: string, count: string) => unit.repeat(Number(count)));
}

/** A field is taken as written, or as a JSON string when it starts with a double quote. */
function field(raw: string): string {
  const s = raw.trim();
  return expand(s.startsWith('"') ? (JSON.parse(s) as string) : s);
}

function loadCases(): Case[] {
  const text = readFileSync(new URL('./data/references.txt', import.meta.url), 'utf8');
  const cases: Case[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [input = '', first = '', second] = line.split(' | ');
    const expected = first.startsWith('ERR ')
      ? { error: expand(first.slice(4)) }
      : { full: field(first), familiar: field(second ?? '') };
    cases.push({ line: index + 1, input: field(input), expected });
  });
  return cases;
}

function outcome(input: string): { full: string; familiar: string } | { error: string } {
  try {
    const ref = parseNormalized(input);
    return { full: fullString(ref), familiar: familiarString(ref) };
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidReferenceError);
    return { error: (err as Error).message };
  }
}

const cases = loadCases();

describe('parseNormalized against data/references.txt', () => {
  it('has enough cases to mean something', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases.map((c) => [`line ${c.line}: ${JSON.stringify(c.input).slice(0, 60)}`, c] as const))(
    '%s',
    (_, c) => {
      expect(outcome(c.input)).toEqual(c.expected);
    },
  );
});
