import type { Lang, Text } from './types.js';

/** The learner's language: DOCKERSIM_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG); English by default. */
export function pickLang(env: NodeJS.ProcessEnv): Lang {
  const chosen = env.DOCKERSIM_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return chosen.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

const t = (en: string, ko: string): Text => ({ en, ko });

/** The words of `dockersim learn` itself; lesson texts come from the lesson files. */
export const UI = {
  listHead: t(
    'Lessons (start one with `dockersim learn start N`):',
    '레슨 목록 (`dockersim learn start N`으로 시작하세요):',
  ),
  stepHead: (n: number, title: string, step: number, of: number) =>
    t(`Lesson ${n}: ${title} — step ${step} of ${of}`, `레슨 ${n}: ${title} — ${step}/${of}단계`),
  whenDone: t(
    'When you are done, run `dockersim learn check`.',
    '다 했으면 `dockersim learn check`를 실행하세요.',
  ),
  whenAnswered: t('Answer with `dockersim learn check ANSWER`.', '`dockersim learn check 답`으로 답하세요.'),
  passed: (step: number, of: number) => t(`✓ Step ${step} of ${of} done.`, `✓ ${step}/${of}단계 완료.`),
  lessonDone: (n: number, title: string) =>
    t(`✓ Lesson ${n} complete: ${title}`, `✓ 레슨 ${n} 완료: ${title}`),
  next: (n: number) => t(`Next: \`dockersim learn start ${n}\``, `다음 레슨: \`dockersim learn start ${n}\``),
  last: t('That was the last lesson. Well done!', '마지막 레슨이었습니다. 수고하셨습니다!'),
  notYet: t('✗ Not yet:', '✗ 아직입니다:'),
  stuck: t('Stuck? `dockersim learn hint`', '막혔나요? `dockersim learn hint`'),
  hintHead: t('Hint:', '힌트:'),
  none: t(
    'No lesson is in progress. Start one with `dockersim learn start N` (`dockersim learn list` shows them).',
    '진행 중인 레슨이 없습니다. `dockersim learn start N`으로 시작하세요 (`dockersim learn list`에서 목록을 볼 수 있습니다).',
  ),
  noSuch: (name: string) =>
    t(
      `There is no lesson ${name}. See \`dockersim learn list\`.`,
      `${name} 레슨이 없습니다. \`dockersim learn list\`를 보세요.`,
    ),
  noStep: (step: string, of: number) =>
    t(
      `Step ${step} does not exist: that lesson has ${of} steps.`,
      `${step}단계는 없습니다: 이 레슨은 ${of}단계까지 있습니다.`,
    ),
  cleared: t(
    'Lesson progress cleared (containers and images are kept; `dockersim reset` removes those).',
    '레슨 진행 상황을 지웠습니다 (컨테이너와 이미지는 그대로입니다. 지우려면 `dockersim reset`).',
  ),
  noLessons: t('No lessons found.', '레슨이 없습니다.'),
};
