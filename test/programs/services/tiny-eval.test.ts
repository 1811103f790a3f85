import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Lang, PyError, runTiny } from '../../../src/programs/services/tiny-eval.js';

const cases = readFileSync(new URL('./data/tiny-eval.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [lang, script, expected] = l.split(' | ');
    return { lang: lang as Lang, script: script!, expected: (expected ?? '').replaceAll('\\n', '\n') };
  });

describe('the one-liner evaluator', () => {
  it.each(cases)('$lang: $script', ({ lang, script, expected }) => {
    if (expected === '!unsupported') {
      expect(runTiny(script, lang)).toBeUndefined();
    } else if (expected.startsWith('!')) {
      expect(() => runTiny(script, lang)).toThrow(PyError);
      expect(() => runTiny(script, lang)).toThrow(expected.slice(1));
    } else {
      expect(runTiny(script, lang)?.join('\n')).toBe(expected);
    }
  });
});
