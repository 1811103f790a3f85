import type { Engine } from '../../api/engine.js';
import { evaluate } from './checks.js';
import { UI } from './i18n.js';
import { findLesson } from './load.js';
import { clearProgress, type Progress, readProgress, writeProgress } from './progress.js';
import type { Lang, Lesson, Step, Text } from './types.js';

/** What a `learn` subcommand prints and its exit code. */
export interface Reply {
  out: string;
  code: number;
}

/**
 * `dockersim learn …` over a list of lessons and the progress kept in the state folder. Checks
 * read the engine's state only; the engine is asked for nothing else.
 */
export class LearnSession {
  constructor(
    private readonly engine: Engine,
    private readonly lessons: Lesson[],
    private readonly lang: Lang,
  ) {}

  private get state(): string {
    return this.engine.stateLocation();
  }

  private say(text: Text): string {
    return text[this.lang];
  }

  /** `learn` alone: the current step, or the list when no lesson is in progress. */
  overview(): Reply {
    const p = readProgress(this.state);
    const lesson = p.lesson === undefined ? undefined : findLesson(this.lessons, p.lesson);
    return lesson ? { out: this.stepText(lesson, p.step), code: 0 } : this.list();
  }

  list(): Reply {
    if (this.lessons.length === 0) return { out: `${this.say(UI.noLessons)}\n`, code: 0 };
    const p = readProgress(this.state);
    const lines = this.lessons.map((l, i) => {
      const mark = l.id === p.lesson ? '▶' : p.done.includes(l.id) ? '✓' : ' ';
      return `  ${mark} ${i + 1}. ${this.say(l.title)}`;
    });
    return { out: `${this.say(UI.listHead)}\n${lines.join('\n')}\n`, code: 0 };
  }

  /** `learn start N [STEP]`: the lesson from its first step (or STEP, for authors trying a lesson out). */
  start(name: string, step?: string): Reply {
    const lesson = findLesson(this.lessons, name);
    if (!lesson) return { out: `${this.say(UI.noSuch(name))}\n`, code: 1 };
    const at = step === undefined ? 0 : Number(step) - 1;
    if (!Number.isInteger(at) || at < 0 || at >= lesson.steps.length) {
      return { out: `${this.say(UI.noStep(step ?? '', lesson.steps.length))}\n`, code: 1 };
    }
    const p = readProgress(this.state);
    writeProgress(this.state, { ...p, lesson: lesson.id, step: at });
    const intro = at === 0 ? `${this.say(lesson.title)}\n\n${this.say(lesson.intro)}\n\n` : '';
    return { out: `${intro}${this.stepText(lesson, at)}`, code: 0 };
  }

  hint(): Reply {
    const current = this.current();
    if (!current) return { out: `${this.say(UI.none)}\n`, code: 1 };
    return { out: `${this.say(UI.hintHead)} ${this.say(current.step.hint)}\n`, code: 0 };
  }

  reset(): Reply {
    clearProgress(this.state);
    return { out: `${this.say(UI.cleared)}\n`, code: 0 };
  }

  /** `learn check [ANSWER]`: every check of the current step; on success, on to the next step. */
  async check(answer: string | undefined): Promise<Reply> {
    const current = this.current();
    if (!current) return { out: `${this.say(UI.none)}\n`, code: 1 };
    const { lesson, step, progress } = current;
    const why: string[] = [];
    for (const check of step.checks) {
      const outcome = await evaluate(this.engine, check, answer);
      if (!outcome.ok) why.push(this.say(outcome.why).replace(/\n/g, '\n    '));
    }
    if (why.length > 0) {
      const lines = why.map((w) => `  - ${w}`).join('\n');
      return { out: `${this.say(UI.notYet)}\n${lines}\n${this.say(UI.stuck)}\n`, code: 1 };
    }
    const of = lesson.steps.length;
    let out = `${this.say(UI.passed(progress.step + 1, of))}\n`;
    if (progress.step + 1 < of) {
      writeProgress(this.state, { ...progress, step: progress.step + 1 });
      return { out: `${out}\n${this.stepText(lesson, progress.step + 1)}`, code: 0 };
    }
    const done = progress.done.includes(lesson.id) ? progress.done : [...progress.done, lesson.id];
    writeProgress(this.state, { step: 0, done });
    const n = this.lessons.indexOf(lesson) + 1;
    out += `\n${this.say(UI.lessonDone(n, this.say(lesson.title)))}\n`;
    if (lesson.outro) out += `\n${this.say(lesson.outro)}\n`;
    out += `\n${this.say(n < this.lessons.length ? UI.next(n + 1) : UI.last)}\n`;
    return { out, code: 0 };
  }

  private current(): { lesson: Lesson; step: Step; progress: Progress } | undefined {
    const progress = readProgress(this.state);
    const lesson = progress.lesson === undefined ? undefined : findLesson(this.lessons, progress.lesson);
    const step = lesson?.steps[progress.step];
    return lesson && step ? { lesson, step, progress } : undefined;
  }

  private stepText(lesson: Lesson, at: number): string {
    const step = lesson.steps[at]!;
    const n = this.lessons.indexOf(lesson) + 1;
    const head = this.say(UI.stepHead(n, this.say(lesson.title), at + 1, lesson.steps.length));
    const asks = step.checks.some((c) => c.kind === 'answer');
    return `${head}\n\n${this.say(step.text)}\n\n${this.say(asks ? UI.whenAnswered : UI.whenDone)}\n`;
  }
}
