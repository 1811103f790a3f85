import type { Heredoc } from './heredoc.js';

/**
 * The typed instructions of a Dockerfile, as BuildKit's `instructions` package gives them. Words
 * are kept as written: variables are expanded when the instruction runs, because their values
 * depend on the ENV and ARG instructions before it.
 */
interface Base {
  /** First and last line in the Dockerfile (a heredoc body counts). */
  line: number;
  endLine: number;
  /** The instruction as written, continuation lines joined and trimmed (`Step 2/5 : …`). */
  code: string;
}

/** A command in shell form (`RUN echo hi`: one string, run by the SHELL) or exec form (JSON). */
export interface CommandLine {
  args: string[];
  /** Shell form: SHELL goes in front. */
  prependShell: boolean;
  /** Heredoc bodies the command reads (`RUN <<EOF`). */
  files: Heredoc[];
}

export interface KeyValue {
  key: string;
  value: string;
  /** Written as `ENV key value` (no `=`). */
  noDelim: boolean;
}

export interface FromInstruction extends Base {
  kind: 'FROM';
  image: string;
  /** Lower-cased, as docker stores stage names. */
  stage?: string;
  platform?: string;
}

export interface RunInstruction extends Base {
  kind: 'RUN';
  cmd: CommandLine;
  /** `--mount=…` values: accepted, not simulated. */
  mounts: string[];
  network?: string;
  security?: string;
}

export interface CmdInstruction extends Base {
  kind: 'CMD' | 'ENTRYPOINT';
  cmd: CommandLine;
}

export interface PairsInstruction extends Base {
  kind: 'ENV' | 'LABEL';
  pairs: KeyValue[];
}

export interface ArgInstruction extends Base {
  kind: 'ARG';
  args: { key: string; value?: string }[];
}

export interface InlineSource {
  /** The heredoc's terminator, which is also the file's name. */
  path: string;
  data: string;
  expand: boolean;
}

export interface CopyInstruction extends Base {
  kind: 'COPY' | 'ADD';
  sources: string[];
  contents: InlineSource[];
  dest: string;
  from?: string;
  chown?: string;
  chmod?: string;
  link: boolean;
  checksum?: string;
}

export interface ValueInstruction extends Base {
  kind: 'WORKDIR' | 'USER' | 'STOPSIGNAL' | 'MAINTAINER';
  value: string;
}

export interface ListInstruction extends Base {
  kind: 'EXPOSE' | 'VOLUME' | 'SHELL';
  values: string[];
}

export interface HealthcheckInstruction extends Base {
  kind: 'HEALTHCHECK';
  /** `["NONE"]`, `["CMD", …]` or `["CMD-SHELL", "…"]`. */
  test: string[];
  /** Nanoseconds, as the image config stores them; 0 = docker's default. */
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

export interface OnbuildInstruction extends Base {
  kind: 'ONBUILD';
  /** The trigger as written (`RUN echo hi`), stored in the image and run by images built FROM it. */
  expression: string;
}

export type Instruction =
  | RunInstruction
  | CmdInstruction
  | PairsInstruction
  | ArgInstruction
  | CopyInstruction
  | ValueInstruction
  | ListInstruction
  | HealthcheckInstruction
  | OnbuildInstruction;

export interface Stage {
  from: FromInstruction;
  commands: Instruction[];
}

export interface Dockerfile {
  /** ARG instructions before the first FROM: usable in FROM lines. */
  metaArgs: ArgInstruction[];
  stages: Stage[];
  escape: string;
  /** `# syntax=` directive, if any. */
  syntax?: string;
  warnings: { text: string; line: number }[];
}
