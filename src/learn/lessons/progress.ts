import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where a learner is: the lesson in progress (its folder name), its step (0-based), lessons done. */
export interface Progress {
  lesson?: string;
  step: number;
  done: string[];
}

/** The progress file, beside the engine's own dockersim documents in the state folder. */
export function progressFile(stateDir: string): string {
  return path.join(stateDir, 'dockersim', 'lesson.json');
}

export function readProgress(stateDir: string): Progress {
  try {
    const doc = JSON.parse(readFileSync(progressFile(stateDir), 'utf8')) as Partial<Progress>;
    return {
      ...(typeof doc.lesson === 'string' ? { lesson: doc.lesson } : {}),
      step: Number.isInteger(doc.step) && doc.step! >= 0 ? doc.step! : 0,
      done: Array.isArray(doc.done) ? doc.done.filter((d) => typeof d === 'string') : [],
    };
  } catch {
    return { step: 0, done: [] };
  }
}

/** Written whole and renamed into place, so a crash never leaves half a file. */
export function writeProgress(stateDir: string, p: Progress): void {
  const file = progressFile(stateDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(p, null, 2)}\n`);
  renameSync(tmp, file);
}

export function clearProgress(stateDir: string): void {
  rmSync(progressFile(stateDir), { force: true });
}
