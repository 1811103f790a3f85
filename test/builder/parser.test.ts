import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DockerfileParseError } from '../../src/builder/errors.js';
import { parseDockerfile } from '../../src/builder/parser/index.js';
import { describeDockerfile } from './describe.js';

/** Data files: `"dockerfile" | expected` per line (see data/instructions.txt). */
interface Case {
  file: string;
  line: number;
  input: string;
  expected: string;
}

function load(): Case[] {
  const dir = new URL('./data/', import.meta.url);
  const cases: Case[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    readFileSync(new URL(file, dir), 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (text.trim() === '' || text.startsWith('#')) return;
        const sep = text.lastIndexOf('" | ');
        cases.push({
          file,
          line: i + 1,
          input: JSON.parse(text.slice(0, sep + 1)) as string,
          expected: text.slice(sep + 4),
        });
      });
  }
  return cases;
}

function outcome(input: string): string {
  try {
    return describeDockerfile(parseDockerfile(input));
  } catch (e) {
    expect(e).toBeInstanceOf(DockerfileParseError);
    const err = e as DockerfileParseError;
    return `ERR@${err.startLine} ${err.message}`;
  }
}

describe('Dockerfile parser (data files)', () => {
  const cases = load();
  it('has cases', () => expect(cases.length).toBeGreaterThan(100));
  for (const c of cases) {
    it(`${c.file}:${c.line} ${c.input.slice(0, 60).replace(/\n/g, '⏎')}`, () => {
      expect(outcome(c.input)).toBe(c.expected);
    });
  }
});
