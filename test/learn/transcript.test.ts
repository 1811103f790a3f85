import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTranscript, runTranscript, type Transcript } from '../../src/learn/transcript.js';

describe('parseTranscript', () => {
  it('reads files, commands and their checks', () => {
    const t = parseTranscript(
      [
        '# source: somewhere',
        '@file app/Dockerfile',
        'FROM alpine',
        '$ not a command inside a file',
        '@end',
        '~ ignored: no command yet',
        '$ docker run --rm alpine echo hi',
        '~ hi',
        '! error',
        '? 0',
        '',
        '$ docker ps',
      ].join('\n'),
    );
    expect(t.files).toEqual([
      { name: 'app/Dockerfile', body: 'FROM alpine\n$ not a command inside a file\n' },
    ]);
    expect(t.steps).toEqual([
      {
        cmd: 'docker run --rm alpine echo hi',
        line: 7,
        checks: [
          { kind: '~', arg: 'hi' },
          { kind: '!', arg: 'error' },
          { kind: '?', arg: '0' },
        ],
      },
      { cmd: 'docker ps', line: 12, checks: [] },
    ]);
  });
});

const line = fc.string({ maxLength: 20 }).filter((s) => !s.includes('\n') && !s.includes('\r'));
const step = fc.record({
  cmd: line,
  checks: fc.array(fc.record({ kind: fc.constantFrom('~' as const, '!' as const, '?' as const), arg: line })),
});
const file = fc.record({
  name: fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8})?$/),
  body: fc
    .array(
      line.filter((l) => l !== '@end'),
      { maxLength: 4 },
    )
    .map((ls) => `${ls.join('\n')}\n`),
});

function write(t: {
  files: Transcript['files'];
  steps: Omit<Transcript['steps'][number], 'line'>[];
}): string {
  const out: string[] = ['# generated'];
  for (const f of t.files) out.push(`@file ${f.name}`, f.body.slice(0, -1), '@end');
  for (const s of t.steps) out.push(`$ ${s.cmd}`, ...s.checks.map((c) => `${c.kind} ${c.arg}`));
  return out.join('\n');
}

describe('parseTranscript properties', () => {
  it('reads back what was written', () => {
    fc.assert(
      fc.property(fc.array(file, { maxLength: 3 }), fc.array(step, { maxLength: 6 }), (files, steps) => {
        const t = parseTranscript(write({ files, steps }));
        expect(t.files).toEqual(files);
        expect(t.steps.map(({ cmd, checks }) => ({ cmd, checks }))).toEqual(steps);
      }),
    );
  });

  it('takes every step from a `$ ` line, at the line it names', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const all = text.split('\n');
        for (const s of parseTranscript(text).steps) expect(all[s.line - 1]).toBe(`$ ${s.cmd}`);
      }),
    );
  });
});

/** A stand-in for bin/dockersim: `say WORDS` prints them, `exit N` exits with N. */
function fakeBin(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-fakebin-'));
  const bin = path.join(dir, 'fake.mjs');
  fs.writeFileSync(
    bin,
    "const [cmd, ...rest] = process.argv.slice(2);\nif (cmd === 'say') process.stdout.write(`${rest.join(' ')}\\n`);\nif (cmd === 'exit') process.exit(Number(rest[0]));\nif (cmd === 'env') process.stdout.write(`${process.env.NO_COLOR} ${process.env.TERM} ${process.env.DOCKERSIM_HOME}\\n`);\n",
  );
  return bin;
}

describe('runTranscript', () => {
  const bin = fakeBin();

  it('runs each command by bash in a fresh folder with the transcript’s files and docker on PATH', () => {
    const t = parseTranscript(
      [
        '@file notes/a.txt',
        'hello file',
        '@end',
        '$ cat notes/a.txt && docker say one && dockersim say two',
        '~ hello file',
        '~ one',
        '~ two',
        '? 0',
        '$ docker env',
        '~ 1 dumb /',
        '! undefined',
        '$ docker exit 3',
        '? 3',
      ].join('\n'),
    );
    expect(runTranscript(t, {}, { bin })).toEqual([]);
  });

  it('reports each unmet check with its step, line and what happened', () => {
    const t = parseTranscript(['$ docker say hi', '~ bye', '! hi', '? 1'].join('\n'));
    expect(runTranscript(t, {}, { bin })).toEqual([
      'step 1 (line 1) `docker say hi`: expected ~ bye; got exit 0, output "hi\\n"',
      'step 1 (line 1) `docker say hi`: expected ! hi; got exit 0, output "hi\\n"',
      'step 1 (line 1) `docker say hi`: expected ? 1; got exit 0, output "hi\\n"',
    ]);
  });

  it('keeps files inside the working folder', () => {
    const t = parseTranscript('@file ../escape.txt\nx\n@end\n$ true');
    expect(() => runTranscript(t, {}, { bin })).toThrow(/stay inside its working folder/);
  });
});
