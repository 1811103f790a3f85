import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLessonsDir, loadLessons } from '../../../src/learn/lessons/load.js';
import { parseTranscript } from '../../../src/learn/transcript.js';

/**
 * The lessons shipped in fixtures/lessons: they load, and each has a transcript here that
 * completes it and, before each passing `learn check`, makes a wrong attempt that fails.
 * (test/e2e/lessons.test.ts replays those transcripts.)
 */
const lessons = loadLessons();
const TRANSCRIPTS = path.join(import.meta.dirname, 'transcripts');

describe('the shipped lessons', () => {
  it('are at least eight, found beside the package', () => {
    expect(defaultLessonsDir()).toMatch(/fixtures[\\/]lessons$/);
    expect(lessons.length).toBeGreaterThanOrEqual(8);
  });

  it('have texts in English and Korean everywhere', () => {
    for (const l of lessons) {
      for (const t of [l.title, l.intro, ...l.steps.map((s) => s.text)]) {
        expect(t.en.trim()).not.toBe('');
        expect(t.ko).toMatch(/[가-힣]/);
      }
    }
  });

  for (const [i, lesson] of lessons.entries()) {
    it(`${lesson.id} has a transcript that passes every step after a failing attempt`, () => {
      const file = path.join(TRANSCRIPTS, `${lesson.id}.txt`);
      const t = parseTranscript(fs.readFileSync(file, 'utf8'));
      expect(t.steps[0]!.cmd).toBe(`dockersim learn start ${i + 1}`);
      const checks = t.steps.filter((s) => /^dockersim learn check\b/.test(s.cmd));
      const status = (s: (typeof checks)[number]) => s.checks.find((c) => c.kind === '?')?.arg.trim();
      expect(checks.every((s) => status(s) === '0' || status(s) === '1')).toBe(true);
      // Per step: the failing attempts, then the passing check.
      const groups: (typeof checks)[] = [];
      let wrong: typeof checks = [];
      for (const s of checks) {
        if (status(s) === '1') wrong.push(s);
        else {
          groups.push(wrong);
          wrong = [];
        }
      }
      expect(groups).toHaveLength(lesson.steps.length);
      for (const [n, step] of lesson.steps.entries()) {
        // Every step is tried wrongly first, and its failures are asserted by at least one `~`
        // line per check of the step (one attempt may break several checks).
        expect(groups[n]!.length, `wrong attempts at step ${n + 1}`).toBeGreaterThanOrEqual(1);
        const asserted = groups[n]!.flatMap((s) => s.checks.filter((c) => c.kind === '~'));
        expect(asserted.length, `failure texts at step ${n + 1}`).toBeGreaterThanOrEqual(step.checks.length);
      }
      const last = checks.at(-1)!;
      expect(last.checks.some((c) => c.kind === '~' && c.arg.includes(`Lesson ${i + 1} complete`))).toBe(
        true,
      );
    });
  }
});
