import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LessonFormatError, parseLesson } from './parse.js';
import type { Lesson } from './types.js';

/**
 * fixtures/lessons of the package this module belongs to. Walks up from this file to the folder
 * holding package.json, so it works from src/learn/lessons/ (tests) and from the bundle in dist/.
 */
export function defaultLessonsDir(): string {
  return path.join(packageRoot(), 'fixtures', 'lessons');
}

export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** Lesson folders are named `NN-slug`; they are taught in the order of their names. */
const FOLDER = /^\d+-[a-z0-9-]+$/;

/** Every lesson in `dir`, in order; a malformed lesson file throws LessonFormatError. */
export function loadLessons(dir: string = defaultLessonsDir()): Lesson[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && FOLDER.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((id) => {
      const file = path.join(dir, id, 'lesson.json');
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new LessonFormatError(`${id}: cannot read lesson.json: ${(err as Error).message}`);
      }
      return parseLesson(id, doc);
    });
}

/** The lesson a learner names: its number in the list (`3`), its folder or its folder's slug. */
export function findLesson(lessons: Lesson[], name: string): Lesson | undefined {
  if (/^\d+$/.test(name)) {
    const n = Number(name);
    return lessons[n - 1];
  }
  return lessons.find((l) => l.id === name || l.id.replace(/^\d+-/, '') === name);
}
