import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Flavour } from '../../../src/programs/tools/common.js';
import { pipeline } from './helpers.js';

interface Case {
  line: number;
  flavour: Flavour;
  command: string;
  stdin: string | null;
  stdout: string;
  exit: number;
}

const visible = (s: string): string => s.replaceAll('↵', '\n').replaceAll('→', '\t');

function load(): Case[] {
  const text = readFileSync(new URL('./data/cases.txt', import.meta.url), 'utf8');
  const cases: Case[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const parts = raw.split(' ⇒ ');
    if (parts.length !== 5) throw new Error(`cases.txt:${i + 1}: expected 5 fields, got ${parts.length}`);
    const [flavour, command, stdin, stdout, exit] = parts as [string, string, string, string, string];
    cases.push({
      line: i + 1,
      flavour: flavour as Flavour,
      command,
      stdin: stdin === '∅' ? null : visible(stdin),
      stdout: visible(stdout),
      exit: Number(exit),
    });
  });
  return cases;
}

describe('tool cases (data/cases.txt)', () => {
  for (const c of load()) {
    it(`${c.line}: ${c.flavour} ${c.command}`, async () => {
      const r = await pipeline(c.flavour, c.command, { stdin: c.stdin });
      expect({ stdout: r.stdout, exit: r.code }).toEqual({ stdout: c.stdout, exit: c.exit });
    });
  }
});
