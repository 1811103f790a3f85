import type { ExplainFact } from '../../api/explain.js';

/** The narration of engine facts (a plain list until the full renderer). */
export function renderNarration(facts: ExplainFact[], _opts: { lang: 'en' | 'ko'; color: boolean }): string {
  return facts.map((f) => `${f.kind}\n`).join('');
}

export function narrationLanguage(env: NodeJS.ProcessEnv): 'en' | 'ko' {
  return (env.DOCKERSIM_LANG ?? env.LANG ?? '').startsWith('ko') ? 'ko' : 'en';
}
