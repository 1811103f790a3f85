import type { Engine } from '../../api/engine.js';
import { answers } from './answers.js';
import { candidates, containerCheck } from './containers.js';
import { join, labels, normalizeRef } from './criteria.js';
import type { Check, CheckBody, ContainerCriteria, Outcome } from './types.js';

const OK: Outcome = { ok: true };
const no = (en: string, ko: string): Outcome => ({ ok: false, why: { en, ko } });

/**
 * Evaluates a check against the engine's state. `answer` is what the learner gave after
 * `learn check` (for questions); nothing else the learner typed is looked at.
 */
export async function evaluate(engine: Engine, check: Check, answer: string | undefined): Promise<Outcome> {
  const out = await evaluateBody(engine, check, answer);
  if (out.ok || !check.fail) return out;
  return { ok: false, why: { en: `${out.why.en}\n${check.fail.en}`, ko: `${out.why.ko}\n${check.fail.ko}` } };
}

function evaluateBody(engine: Engine, check: CheckBody, answer: string | undefined): Promise<Outcome> {
  switch (check.kind) {
    case 'container':
      return containerCheck(engine, check.criteria, check.atLeast);
    case 'noContainer':
      return noContainerCheck(engine, check.criteria);
    case 'image':
      return imageCheck(engine, check);
    case 'build':
      return buildCheck(engine, check);
    case 'answer':
      return answerCheck(engine, check.source, answer);
  }
}

async function noContainerCheck(engine: Engine, criteria: ContainerCriteria): Promise<Outcome> {
  const hit = (await candidates(engine, criteria)).find((c) => c.unmet.length === 0);
  if (!hit) return OK;
  const name = hit.container.Name.replace(/^\//, '');
  const want = labels(criteria);
  return no(
    `Container ${name} still matches: ${join(want, 'en')}.`,
    `컨테이너 ${name}이(가) 아직 조건에 맞습니다: ${join(want, 'ko')}.`,
  );
}

async function imageCheck(engine: Engine, c: Extract<CheckBody, { kind: 'image' }>): Promise<Outcome> {
  const image = await engine.imageInspect(c.ref).catch(() => undefined);
  if (!image) return no(`There is no image ${c.ref}.`, `${c.ref} 이미지가 없습니다.`);
  if (c.basedOn !== undefined) {
    const base = await engine.imageInspect(c.basedOn).catch(() => undefined);
    if (!base)
      return no(`There is no image ${c.basedOn} to compare with.`, `비교할 ${c.basedOn} 이미지가 없습니다.`);
    const mine = image.RootFS.Layers;
    const theirs = base.RootFS.Layers;
    if (!theirs.every((l, i) => mine[i] === l)) {
      return no(
        `Image ${c.ref} is not built on ${c.basedOn}: its layers do not start with ${c.basedOn}'s.`,
        `${c.ref} 이미지는 ${c.basedOn} 위에 만들어지지 않았습니다: 레이어가 ${c.basedOn}의 레이어로 시작하지 않습니다.`,
      );
    }
    const extra = mine.length - theirs.length;
    if (c.extraLayers !== undefined && extra !== c.extraLayers) {
      return no(
        `Image ${c.ref} has ${extra} layer(s) on top of ${c.basedOn}, not ${c.extraLayers}.`,
        `${c.ref} 이미지는 ${c.basedOn} 위에 레이어가 ${c.extraLayers}개가 아니라 ${extra}개 있습니다.`,
      );
    }
  }
  if (c.comment !== undefined) {
    const top = (await engine.imageHistory(c.ref))[0];
    if (!top?.Comment.includes(c.comment)) {
      return no(
        `The newest layer of ${c.ref} has comment “${top?.Comment ?? ''}”, not “${c.comment}”.`,
        `${c.ref}의 가장 위 레이어 설명은 “${c.comment}”이(가) 아니라 “${top?.Comment ?? ''}”입니다.`,
      );
    }
  }
  return OK;
}

/** `[3/5] RUN pip install …` → `RUN pip install …` (also `[build 2/4] …`). */
const bare = (name: string) => name.replace(/^\[[^\]]*\]\s*/, '');

async function buildCheck(engine: Engine, c: Extract<CheckBody, { kind: 'build' }>): Promise<Outcome> {
  const last = await engine.lastBuild();
  if (!last) return no('Nothing has been built yet.', '아직 빌드한 이미지가 없습니다.');
  const tags = last.tags.map(normalizeRef);
  if (c.tag !== undefined && !tags.includes(normalizeRef(c.tag))) {
    const had = tags.length ? tags.join(', ') : 'none';
    return no(
      `The last build was not tagged ${c.tag} (its tags: ${had}).`,
      `마지막 빌드에 ${c.tag} 태그가 없습니다 (태그: ${tags.length ? had : '없음'}).`,
    );
  }
  if (c.step === undefined) return OK;
  const step =
    last.steps.find((s) => bare(s.name).startsWith(c.step!)) ??
    last.steps.find((s) => s.name.includes(c.step!));
  if (!step)
    return no(`The last build had no step “${c.step}”.`, `마지막 빌드에 “${c.step}” 단계가 없습니다.`);
  if (c.cached === undefined || step.cached === c.cached) return OK;
  return c.cached
    ? no(
        `Step ${step.name} was run again in the last build instead of coming from the cache.`,
        `마지막 빌드에서 ${step.name} 단계가 캐시를 쓰지 않고 다시 실행되었습니다.`,
      )
    : no(
        `Step ${step.name} came from the cache (CACHED) in the last build instead of being run again.`,
        `마지막 빌드에서 ${step.name} 단계가 다시 실행되지 않고 캐시(CACHED)에서 왔습니다.`,
      );
}

async function answerCheck(
  engine: Engine,
  source: Extract<CheckBody, { kind: 'answer' }>['source'],
  answer: string | undefined,
): Promise<Outcome> {
  if (answer === undefined || answer.trim() === '') {
    return no(
      'This step asks a question: answer with `dockersim learn check ANSWER`.',
      '이 단계는 질문입니다: `dockersim learn check 답`으로 답하세요.',
    );
  }
  const expected = await answers(engine, source);
  if (!expected.ok) return expected;
  const given = answer.trim();
  if (expected.values.some((v) => same(v, given))) return OK;
  return no(`“${given}” is not the answer.`, `“${given}”은(는) 답이 아닙니다.`);
}

function same(expected: string, given: string): boolean {
  const e = expected.trim();
  if (/^-?\d+(\.\d+)?$/.test(e) && /^-?\d+(\.\d+)?$/.test(given)) return Number(e) === Number(given);
  return e.toLowerCase() === given.toLowerCase();
}
