import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Flavour } from '../../../src/programs/tools/common.js';
import { pipeline, type RunOptions } from './helpers.js';

/**
 * Golden outputs: `data/*.golden` hold sections `### <gnu|busybox> [tty] [uid=N] [cwd=DIR] $ COMMAND`
 * followed by the exact stdout, then `--- stderr` (when any) and `--- exit N`.
 * UPDATE_GOLDEN=1 rewrites the files from the current output (review the diff!).
 */
const FILES = ['ls.golden', 'files.golden', 'system.golden', 'errors.golden'];

interface Section {
  flavour: Flavour;
  opts: RunOptions;
  command: string;
  header: string;
  expected: string;
}

function parse(text: string): Section[] {
  const sections: Section[] = [];
  for (const chunk of text.split(/^(?=### )/m)) {
    if (!chunk.startsWith('### ')) continue;
    const nl = chunk.indexOf('\n');
    const header = chunk.slice(4, nl);
    const [spec, command] = header.split(' $ ') as [string, string];
    const [flavour, ...flags] = spec.split(' ');
    const opts: RunOptions = {};
    for (const f of flags) {
      if (f === 'tty') opts.tty = true;
      else if (f.startsWith('uid=')) opts.uid = Number(f.slice(4));
      else if (f.startsWith('cwd=')) opts.cwd = f.slice(4);
    }
    sections.push({ flavour: flavour as Flavour, opts, command, header, expected: chunk.slice(nl + 1) });
  }
  return sections;
}

async function render(s: Section): Promise<string> {
  const r = await pipeline(s.flavour, s.command, s.opts);
  return `${r.stdout}${r.stderr ? `--- stderr\n${r.stderr}` : ''}--- exit ${r.code}\n\n`;
}

for (const file of FILES) {
  const url = new URL(`./data/${file}`, import.meta.url);
  const sections = parse(readFileSync(url, 'utf8'));
  describe(file, () => {
    if (process.env.UPDATE_GOLDEN) {
      it('rewrites', async () => {
        let out = '';
        for (const s of sections) out += `### ${s.header}\n${await render(s)}`;
        writeFileSync(url, out);
      });
      return;
    }
    for (const s of sections) {
      it(s.header, async () => {
        expect(await render(s)).toBe(s.expected.replace(/\n*$/, '\n\n'));
      });
    }
  });
}
