import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LessonFormatError, parseLesson, parseMemory } from '../../../src/learn/lessons/parse.js';

const text = (en = 'Do it', ko = '하세요') => ({ en, ko });
const doc = (checks: unknown[]) => ({
  title: text('T', '제목'),
  intro: text('I', '소개'),
  steps: [{ text: text(), hint: text('h', '힌트'), checks }],
});

function error(v: unknown): string {
  try {
    parseLesson('01-x', v);
  } catch (e) {
    if (e instanceof LessonFormatError) return e.message;
    throw e;
  }
  return '';
}

describe('parseLesson', () => {
  it('reads every kind of check', () => {
    const lesson = parseLesson(
      '01-x',
      doc([
        { container: { image: 'nginx', running: true, port: '8080:80', memory: '64m', atLeast: 2 } },
        { noContainer: { name: 'web' } },
        { image: { ref: 'hello:1', basedOn: 'ubuntu', extraLayers: 1 } },
        { build: { tag: 'myapp:2', step: 'RUN pip', cached: true }, fail: text('no', '아니') },
        { answer: { container: { name: 'db' }, process: 'mysqld' } },
      ]),
    );
    expect(lesson.steps[0]!.checks).toEqual([
      {
        kind: 'container',
        criteria: { image: 'nginx', running: true, port: '8080:80', memory: 67108864 },
        atLeast: 2,
      },
      { kind: 'noContainer', criteria: { name: 'web' } },
      { kind: 'image', ref: 'hello:1', basedOn: 'ubuntu', extraLayers: 1 },
      { kind: 'build', tag: 'myapp:2', step: 'RUN pip', cached: true, fail: text('no', '아니') },
      { kind: 'answer', source: { kind: 'process', container: { name: 'db' }, command: 'mysqld' } },
    ]);
  });

  it('joins texts given as lists of lines', () => {
    const lesson = parseLesson('01-x', {
      ...doc([{ image: { ref: 'a' } }]),
      intro: { en: ['a', 'b'], ko: ['가'] },
    });
    expect(lesson.intro).toEqual({ en: 'a\nb', ko: '가' });
  });

  it.each([
    [doc([{ container: { runing: true } }]), '01-x.steps[0].checks[0].container.runing: unknown key'],
    [doc([{ container: { port: 'eighty' } }]), 'container.port: expected "HOST:CONTAINER"'],
    [doc([{ container: {}, image: { ref: 'a' } }]), 'checks[0]: expected exactly one of'],
    [doc([{ build: { cached: true } }]), 'build.cached: needs step'],
    [
      doc([{ answer: { container: {}, field: 'a', logs: 'b' } }]),
      'expected exactly one of field, process, logs',
    ],
    [doc([{ answer: { host: 'uname' } }]), 'answer.host: expected a command'],
    [doc([{ answer: { host: ['x'], pattern: '(' } }]), 'answer.pattern: not a valid regular expression'],
    [doc([]), 'steps[0].checks: expected a non-empty list'],
    [
      { ...doc([{ image: { ref: 'a' } }]), title: { en: 'only English' } },
      '01-x.title.ko: expected a non-empty string',
    ],
    [
      doc([{ container: { diff: { path: '/a', kind: 'X' } } }]),
      'diff.kind: expected one of A, C, D, any, none',
    ],
  ])('names the place of a mistake (%#)', (input, message) => {
    expect(error(input)).toContain(message);
  });

  it('reads docker memory sizes', () => {
    expect(parseMemory('64m', 'x')).toBe(64 * 1024 * 1024);
    expect(parseMemory('1g', 'x')).toBe(1024 ** 3);
    expect(parseMemory('512k', 'x')).toBe(512 * 1024);
    expect(parseMemory(1000, 'x')).toBe(1000);
    expect(() => parseMemory('lots', 'x')).toThrow(LessonFormatError);
  });
});

const word = fc.string({ minLength: 1, maxLength: 12 });
const criteria = fc.record(
  {
    image: word,
    name: word,
    running: fc.boolean(),
    exitCode: fc.integer({ min: 0, max: 255 }),
    hasFile: word,
  },
  { requiredKeys: [] },
);
const check = fc.oneof(
  criteria.map((c) => ({ container: c })),
  criteria.map((c) => ({ noContainer: c })),
  word.map((ref) => ({ image: { ref } })),
  fc.record({ tag: word, step: word, cached: fc.boolean() }).map((b) => ({ build: b })),
  fc.record({ container: criteria, field: word }).map((a) => ({ answer: a })),
);
const textArb = fc.record({ en: word, ko: word });
const lessonDoc = fc.record({
  title: textArb,
  intro: textArb,
  steps: fc.array(
    fc.record({ text: textArb, hint: textArb, checks: fc.array(check, { minLength: 1, maxLength: 4 }) }),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
});

describe('parseLesson properties', () => {
  it('accepts every well-formed document and keeps its texts and step count', () => {
    fc.assert(
      fc.property(lessonDoc, (d) => {
        const answers = d.steps.map((s) => s.checks.filter((c) => 'answer' in c).length);
        if (answers.some((n) => n > 1)) {
          expect(error(d)).toContain('at most one answer per step');
          return;
        }
        const lesson = parseLesson('07-gen', JSON.parse(JSON.stringify(d)));
        expect(lesson.title).toEqual(d.title);
        expect(lesson.steps.map((s) => s.checks.length)).toEqual(d.steps.map((s) => s.checks.length));
      }),
    );
  });

  it('rejects an unknown key anywhere with LessonFormatError, never another exception', () => {
    fc.assert(
      fc.property(lessonDoc, word, (d, key) => {
        const bad = { ...d, [`x${key}`]: 1 };
        expect(error(bad)).toContain('unknown key');
      }),
    );
  });

  it('answers any JSON value with a lesson or a LessonFormatError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        try {
          parseLesson('01-x', v);
        } catch (e) {
          expect(e).toBeInstanceOf(LessonFormatError);
        }
      }),
    );
  });
});
