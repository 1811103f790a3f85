import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DockerfileParseError } from '../../src/builder/errors.js';
import { ExpansionError, envLookup, processWord, processWords } from '../../src/builder/lex.js';
import { parseDockerfile } from '../../src/builder/parser/index.js';

/** Dockerfile-ish text: instruction words, flags, quotes, escapes, heredocs, JSON, directives. */
const token = fc.constantFrom(
  'FROM ',
  'RUN ',
  'COPY ',
  'ADD ',
  'ENV ',
  'ARG ',
  'CMD ',
  'ENTRYPOINT ',
  'LABEL ',
  'EXPOSE ',
  'VOLUME ',
  'WORKDIR ',
  'USER ',
  'SHELL ',
  'HEALTHCHECK ',
  'ONBUILD ',
  'STOPSIGNAL ',
  'MAINTAINER ',
  'AS ',
  'CMD',
  'NONE',
  'alpine',
  'x',
  '=',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\\',
  '`',
  '"',
  "'",
  '[',
  ']',
  ',',
  '<<',
  '<<-',
  'EOF',
  '$',
  '${',
  '}',
  ':-',
  '#',
  '# escape=`\n',
  '# syntax=x\n',
  '--from=',
  '--chown',
  '--interval=1s',
  '--link',
  '--',
  '\uFEFF',
  'é',
);
const dockerfile = fc.array(token, { maxLength: 40 }).map((parts) => parts.join(''));

describe('Dockerfile parser properties', () => {
  it('throws nothing but DockerfileParseError', () => {
    fc.assert(
      fc.property(dockerfile, (text) => {
        try {
          parseDockerfile(text);
        } catch (e) {
          expect(e).toBeInstanceOf(DockerfileParseError);
          expect((e as DockerfileParseError).startLine).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('gives every instruction lines inside the file', () => {
    fc.assert(
      fc.property(dockerfile, (text) => {
        let parsed: ReturnType<typeof parseDockerfile>;
        try {
          parsed = parseDockerfile(text);
        } catch {
          return;
        }
        const lines = text.split('\n').length;
        for (const stage of parsed.stages) {
          for (const i of [stage.from, ...stage.commands]) {
            expect(i.line).toBeGreaterThanOrEqual(1);
            expect(i.endLine).toBeLessThanOrEqual(lines);
            expect(i.endLine).toBeGreaterThanOrEqual(i.line);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('expansion throws nothing but ExpansionError', () => {
    const env = envLookup(['A=1', 'B=two words', 'EMPTY=']);
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 20 }).map((p) => p.join('')),
        (word) => {
          for (const f of [processWord, processWords]) {
            try {
              f(word, env);
            } catch (e) {
              expect(e).toBeInstanceOf(ExpansionError);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a word without special characters expands to itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9_./:-]*$/), (word) => {
        expect(processWord(word, envLookup([]))).toBe(word);
      }),
    );
  });
});
