import type { ExplainFact } from '../../api/explain.js';
import { displayWidth } from '../../format/width.js';
import { en } from './en.js';
import { ko } from './ko.js';
import type { Messages } from './messages.js';
import { makeStyle, type Style } from './style.js';

export type NarrationLanguage = 'en' | 'ko';

const LANGUAGES: Record<NarrationLanguage, Messages> = { en, ko };

/**
 * The language of the narration: DOCKERSIM_LANG first, then the locale (LC_ALL, LC_MESSAGES,
 * LANG) as the C library reads it; Korean when it starts with `ko`, English otherwise.
 */
export function narrationLanguage(env: NodeJS.ProcessEnv): NarrationLanguage {
  const chosen = env.DOCKERSIM_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return chosen.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

function words(m: Messages, f: ExplainFact, s: Style): string[] {
  const say = m.facts[f.kind] as (f: ExplainFact, s: Style) => string[];
  return say(f, s);
}

/**
 * `--explain`'s narration of what the engine did, one entry per fact in the order it happened:
 * a label, a headline, and indented details. Empty when nothing happened underneath.
 */
export function renderNarration(
  facts: ExplainFact[],
  opts: { lang: NarrationLanguage; color: boolean },
): string {
  if (facts.length === 0) return '';
  const m = LANGUAGES[opts.lang];
  const s = makeStyle(opts.color);
  const width = Math.max(...facts.map((f) => displayWidth(m.label[f.kind])));
  const lines = [s.title(`── ${m.title} ──`)];
  for (const f of facts) {
    const label = m.label[f.kind];
    const pad = ' '.repeat(width - displayWidth(label));
    const [head = '', ...rest] = words(m, f, s);
    lines.push(`${s.label(label)}${pad}  ${head}`);
    for (const r of rest) lines.push(`${' '.repeat(width)}    ${r}`);
  }
  return `${lines.join('\n')}\n`;
}
