import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript, runTranscript } from '../helpers/transcript.js';

/**
 * Every lesson completed through bin/dockersim, as a learner would type it, with a failing
 * wrong attempt before each step's passing check (test/learn/lessons/transcripts/).
 */
const DIR = path.resolve(import.meta.dirname, '..', 'learn', 'lessons', 'transcripts');

describe('lessons end to end', () => {
  for (const file of fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    it(file, { timeout: 240_000 }, () => {
      const failures = runTranscript(parseTranscript(fs.readFileSync(path.join(DIR, file), 'utf8')));
      expect(failures).toEqual([]);
    });
  }
});
