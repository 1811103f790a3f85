import { hexOf } from '../images/digest.js';
import { dispatch, dispatchFrom } from './dispatchers/index.js';
import type { Instruction } from './parser/index.js';
import { located } from './plan.js';
import { precheckSources } from './precheck.js';
import type { Session } from './session.js';
import type { StageState } from './state.js';

/**
 * Builds one stage: FROM, then every instruction in order. The classic builder prints
 * `Step n/total : …` before each and runs the base image's ONBUILD triggers inside the FROM step
 * (`# Executing 1 build trigger`); BuildKit shows triggers as steps of their own.
 */
export async function buildStage(s: Session, st: StageState, afterFrom: () => void): Promise<void> {
  const from = st.stage.from;
  stepLine(s, from.code);
  await locatedAsync(from.line, from.endLine, () => dispatchFrom(s, st));
  afterFrom();
  precheckSources(s, st);
  let commands = st.commands;
  if (s.legacy) {
    const triggers = commands.filter((c) => c.onbuild);
    if (triggers.length > 0) {
      s.progress.line(`# Executing ${triggers.length} build trigger${triggers.length > 1 ? 's' : ''}`);
      for (const t of triggers) await runInstruction(s, st, t.instruction, true);
    }
    s.progress.line(` ---> ${st.imageId ? hexOf(st.imageId).slice(0, 12) : ''}`);
    commands = commands.filter((c) => !c.onbuild);
  }
  for (const c of commands) {
    if (!c.onbuild) stepLine(s, c.instruction.code);
    await runInstruction(s, st, c.instruction, c.onbuild);
  }
  st.dispatched = true;
}

async function runInstruction(s: Session, st: StageState, ins: Instruction, trigger: boolean): Promise<void> {
  st.runningTrigger = trigger;
  try {
    await locatedAsync(ins.line, ins.endLine, () => dispatch(s, st, ins));
  } finally {
    st.runningTrigger = false;
  }
}

/** The classic builder's `Step 3/7 : RUN …`. */
export function stepLine(s: Session, code: string): void {
  if (!s.legacy) return;
  s.step.n++;
  s.progress.line(`Step ${s.step.n}/${s.step.total} : ${code}`);
}

async function locatedAsync(line: number, endLine: number, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    located(line, endLine, () => {
      throw e;
    });
  }
}
