/**
 * The shape of a lesson once read from `fixtures/lessons/<NN-slug>/lesson.json` (see
 * fixtures/lessons/README.md for the file format authors write).
 */

export type Lang = 'en' | 'ko';

/** A text in every language a learner may read. */
export interface Text {
  en: string;
  ko: string;
}

/** What a container must be like; every given field must hold (`undefined` = anything). */
export interface ContainerCriteria {
  /** An image reference as typed (`nginx`, `mysql:8.0`); matched by image ID. */
  image?: string;
  name?: string;
  running?: boolean;
  status?: string;
  exitCode?: number;
  oomKilled?: boolean;
  /** Memory limit in bytes (written in lessons as `64m`, `1g`, …). */
  memory?: number;
  /** `8080:80` (host port 8080 to container port 80) or `80` (published on any host port). */
  port?: string;
  hostname?: string;
  pidMode?: string;
  network?: string;
  /** `KEY=VALUE` among the container's environment. */
  env?: string;
  /** Text the container's log contains. */
  logs?: string;
  /** A path the container's file system has (from any layer). */
  hasFile?: string;
  /** A path in the container's own writable layer, and how it changed there. */
  diff?: { path: string; kind: DiffKind };
}

/** A (added), C (changed), D (deleted): docker diff's letters; `any` of them, or `none` at all. */
export type DiffKind = 'A' | 'C' | 'D' | 'any' | 'none';

/** Where the expected answer to a question comes from: always engine state, never a constant. */
export type AnswerSource =
  | { kind: 'field'; container: ContainerCriteria; field: string }
  | { kind: 'process'; container: ContainerCriteria; command: string }
  | { kind: 'logs'; container: ContainerCriteria; pattern: string }
  | { kind: 'host'; argv: string[]; pattern?: string }
  | { kind: 'version'; field: string };

export type CheckBody =
  | { kind: 'container'; criteria: ContainerCriteria; atLeast: number }
  | { kind: 'noContainer'; criteria: ContainerCriteria }
  | { kind: 'image'; ref: string; basedOn?: string; extraLayers?: number; comment?: string }
  | { kind: 'build'; tag?: string; step?: string; cached?: boolean }
  | { kind: 'answer'; source: AnswerSource };

/** One check; `fail` replaces the generated explanation when it does not hold. */
export type Check = CheckBody & { fail?: Text };

export interface Step {
  text: Text;
  hint: Text;
  checks: Check[];
}

export interface Lesson {
  /** The folder name (`03-namespaces`). */
  id: string;
  title: Text;
  intro: Text;
  steps: Step[];
  outro?: Text;
}

/** The outcome of one check: held, or what is not true yet (in both languages). */
export type Outcome = { ok: true } | { ok: false; why: Text };
