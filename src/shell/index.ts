/**
 * dockersim's shell: a POSIX sh with the bash bits learners type, in three dialects (busybox ash,
 * bash, dash) that differ where the real shells differ (messages, `echo`, arithmetic, prompts).
 */
export type { List, Word } from './ast.js';
export { type MessageStyle, ShellSyntaxError, type SyntaxProblem, syntaxMessage } from './errors.js';
export { type ParseOptions, parse } from './parser.js';
export { Shell } from './shell.js';
export type {
  CommandResult,
  Dialect,
  ExecIO,
  ExecOutcome,
  FileStat,
  ShellEvent,
  ShellFs,
  ShellHost,
  ShellOptions,
  ShellRunResult,
} from './types.js';
