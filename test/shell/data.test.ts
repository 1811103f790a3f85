import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/shell/index.js';
import { runShell } from './helpers.js';

/**
 * Data-driven shell tests in the style of BuildKit's: `data/<topic>.txt` runs in every dialect,
 * `data/<topic>.<dialect>.txt` in one. A line is `script | stdout | exit code [| stderr]`; in the
 * script `↵` is a newline, in the expectations `\n`, `\t`, `\\` and `\xHH` are escapes.
 *
 * The expectations were recorded from busybox 1.35 `sh -c`, bash 5.2 `bash -c` and dash 0.5.12
 * `sh -c` in an empty directory, except where dockersim chose otherwise: ash names the real line
 * in `cd: line 1:` and `$LINENO` (busybox 1.35 counts from 0 under -c), ash accepts `<<<`, bash messages from
 * inside functions start `bash:` (not bash's `environment:`), and `command -v cat` finds the test
 * host's /bin/cat.
 */
const DATA = join(dirname(fileURLToPath(import.meta.url)), 'data');
const DIALECTS: Dialect[] = ['ash', 'bash', 'dash'];
const ARGV0: Record<Dialect, string> = { ash: 'sh', bash: 'bash', dash: 'sh' };

function unescapeText(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.startsWith('x')) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

interface Case {
  script: string;
  stdout: string;
  code: number;
  stderr?: string;
  line: number;
}

/** Fields are read from the right, so a script may contain ` | ` itself. */
function parseCase(text: string, line: number): Case {
  const fields = text.split(' | ');
  const stderr = /^[0-9]+$/.test(fields[fields.length - 1]!) ? undefined : unescapeText(fields.pop()!);
  const code = Number(fields.pop());
  const stdout = unescapeText(fields.pop() ?? '');
  const script = fields.join(' | ').replaceAll('↵', '\n');
  return { script, stdout, code, line, ...(stderr === undefined ? {} : { stderr }) };
}

function cases(file: string): Case[] {
  return readFileSync(join(DATA, file), 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() && !text.startsWith('#'))
    .map(({ text, line }) => parseCase(text, line));
}

const files = readdirSync(DATA).filter((f) => f.endsWith('.txt'));

for (const file of files) {
  const only = /\.(ash|bash|dash)\.txt$/.exec(file)?.[1] as Dialect | undefined;
  describe(file, () => {
    for (const dialect of only ? [only] : DIALECTS) {
      it.each(cases(file))(`${dialect} line $line: $script`, async (c) => {
        const r = await runShell(c.script, {
          dialect,
          argv0: ARGV0[dialect],
          cwd: '/tmp/dt',
          files: { '/tmp/dt/': '' },
          stdin: '',
        });
        expect({ stdout: r.stdout, code: r.code }).toEqual({ stdout: c.stdout, code: c.code });
        if (c.stderr !== undefined) expect(r.stderr).toBe(c.stderr);
      });
    }
  });
}

it('has at least 200 cases', () => {
  const total = files.reduce((n, f) => n + cases(f).length, 0);
  expect(total).toBeGreaterThanOrEqual(200);
});
