import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Dialect, parse, Shell, ShellSyntaxError } from '../../src/shell/index.js';
import { BASE_ENV, FakeHost, runShell } from './helpers.js';

const DIALECTS: Dialect[] = ['ash', 'bash', 'dash'];

/** Pieces of shell that stress the lexer and parser when thrown together. */
const WORDS =
  'if then elif else fi for in do done while until case esac function { } ( ) (( )) [[ ]] ! ; ;; & && | || |& ' +
  '< > >> << <<- <<< 2>&1 >& &> $ $( $(( # x echo EOF = a=b * ? [ ] ~ : - % / 0 9 @ $@ "$@" $? $((1/0)) $x';
const PIECES = [
  ...WORDS.split(' '),
  ...['{', '{x:?}', '{#x}', '{x%%*}'].map((b) => `$${b}`),
  ...[' cat', ' read x', ' eval', ' sleep 1', ' set -e', ' wait', ' f', 'f()', ' exit', ' break', ' local'],
  ...[' shift', ' trap', ' .', ' exec', "'", '"', '`', '\\', '\n', ' ', '\t'],
];

const shellish = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((p) => p.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 60 });

function parsesOrSyntaxError(src: string, dialect: Dialect): boolean {
  try {
    parse(src, { dialect });
    return true;
  } catch (e) {
    if (e instanceof ShellSyntaxError) return true;
    throw e;
  }
}

describe('parser properties', () => {
  it('throws nothing but ShellSyntaxError on shell-like input', () => {
    fc.assert(
      fc.property(shellish, fc.constantFrom(...DIALECTS), (src, d) => parsesOrSyntaxError(src, d)),
      { numRuns: 3000 },
    );
  });

  it('throws nothing but ShellSyntaxError on any text', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...DIALECTS), (src, d) => parsesOrSyntaxError(src, d)),
      { numRuns: 2000 },
    );
  });

  it('runs any shell-like input to a result without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(shellish, fc.constantFrom(...DIALECTS), async (src, dialect) => {
        const sh = new Shell(new FakeHost({}, dialect), {
          dialect,
          argv0: 'sh',
          env: BASE_ENV,
          cwd: '/',
          stdin: '',
          limits: { steps: 300 },
        });
        const r = await sh.run(src);
        return typeof r.code === 'number';
      }),
      { numRuns: Number(process.env.SHELL_FUZZ_RUNS ?? 400) },
    );
  });
});

const singleQuote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

describe('quoting round trip', () => {
  const special = fc.constantFrom(
    "'",
    '\\',
    '"',
    '$',
    '\n',
    '`',
    ' ',
    '*',
    '\t',
    '!',
    '-',
    'n',
    '%',
    '{',
    '}',
    '#',
  );
  const text = fc.string({
    unit: fc.oneof(special, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
    maxLength: 40,
  });

  it('echoes any single-quoted string back unchanged (ash, bash)', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom<Dialect>('ash', 'bash'), async (s, dialect) => {
        const r = await runShell(`echo x${singleQuote(s)}`, { dialect });
        return r.stdout === `x${s}\n` && r.code === 0;
      }),
      { numRuns: 300 },
    );
  });

  it("prints any single-quoted string with printf '%s' (every dialect)", async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom(...DIALECTS), async (s, dialect) => {
        const r = await runShell(`printf '%s\\n' ${singleQuote(s)}`, { dialect });
        return r.stdout === `${s}\n`;
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a double-quoted variable whole', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const r = await runShell(`v=${singleQuote(s)}; printf '%s\\n' "$v"`, { dialect: 'ash' });
        return r.stdout === `${s}\n`;
      }),
      { numRuns: 200 },
    );
  });
});

describe('parse', () => {
  it('keeps quoting in the words', () => {
    const list = parse(`echo "a $b" 'c'`, { dialect: 'ash' });
    const cmd = list.items[0]!.andor.first.cmds[0]!;
    expect(cmd).toMatchObject({
      type: 'simple',
      words: [
        { parts: [{ type: 'lit', value: 'echo', quoted: false }] },
        {
          parts: [
            {
              type: 'dq',
              parts: [
                { type: 'lit', value: 'a ' },
                { type: 'param', name: 'b' },
              ],
            },
          ],
        },
        { parts: [{ type: 'lit', value: 'c', quoted: true }] },
      ],
    });
  });

  it('reads here-document bodies after the line', () => {
    const list = parse('cat <<EOF; echo after\nbody $x\nEOF\n', { dialect: 'dash' });
    expect(list.items).toHaveLength(2);
    const redir = (list.items[0]!.andor.first.cmds[0] as { redirs: Array<{ heredoc?: unknown }> }).redirs[0]!;
    expect(redir.heredoc).toMatchObject({ delimiter: 'EOF', quoted: false });
  });

  it.each([
    ['ash', 'sh: syntax error: unexpected "done"'],
    ['dash', 'sh: 1: Syntax error: "done" unexpected'],
    ['bash', "bash: syntax error near unexpected token `done'"],
  ] as const)('words a syntax error as %s does', (dialect, message) => {
    const argv0 = dialect === 'bash' ? 'bash' : 'sh';
    expect(() => parse('done', { dialect, argv0, interactive: true })).toThrow(message);
  });

  it('knows bash-only syntax only in bash', () => {
    expect(() => parse('[[ -f x ]] && (( i++ ))', { dialect: 'bash' })).not.toThrow();
    expect(() => parse('for ((i=0;i<3;i++)); do :; done', { dialect: 'dash' })).toThrow(ShellSyntaxError);
  });
});
