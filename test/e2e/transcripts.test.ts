import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { parseTranscript, runTranscript } from '../helpers/transcript.js';

/**
 * Learner sessions (fixtures/transcripts: sessions from public Docker tutorials, plus dockersim's
 * own) replayed through bin/dockersim. Transcripts that need a capability still to come are
 * listed as pending, so the list says honestly what does not work yet.
 */
const DIR = path.join(ROOT, 'fixtures', 'transcripts');
const PENDING = new Set(
  (process.env.DOCKERSIM_PENDING_TRANSCRIPTS ?? fs.readFileSync(path.join(DIR, 'PENDING'), 'utf8'))
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean),
);

describe('learner transcripts', () => {
  for (const file of fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const run = PENDING.has(file) ? it.skip : it;
    run(file, () => {
      const failures = runTranscript(parseTranscript(fs.readFileSync(path.join(DIR, file), 'utf8')));
      expect(failures).toEqual([]);
    });
  }
});
