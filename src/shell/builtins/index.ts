import type { Dialect } from '../types.js';
import type { Builtin } from './call.js';
import { declareBuiltin, let_, local } from './declare.js';
import { echo, printf } from './echo.js';
import { alias, cd, command, history, pwd, times, type, umask, unalias } from './env.js';
import {
  breakLoop,
  colon,
  dot,
  evalBuiltin,
  exec,
  exit,
  falseBuiltin,
  returnBuiltin,
  trap,
  wait,
} from './flow.js';
import { getopts } from './getopts.js';
import { kill } from './kill.js';
import { read } from './read.js';
import { test } from './test.js';
import { exportBuiltin, readonly, set, shift, unset } from './vars.js';

const COMMON: Record<string, Builtin> = {
  ':': colon,
  true: colon,
  false: falseBuiltin,
  echo,
  printf,
  test,
  '[': test,
  cd,
  pwd,
  export: exportBuiltin,
  readonly,
  unset,
  set,
  shift,
  exit,
  return: returnBuiltin,
  break: breakLoop,
  continue: breakLoop,
  read,
  eval: evalBuiltin,
  exec,
  '.': dot,
  local,
  type,
  command,
  wait,
  trap,
  alias,
  unalias,
  umask,
  times,
  getopts,
  kill,
};

const EXTRA: Record<Dialect, Record<string, Builtin>> = {
  ash: { source: dot, let: let_, history },
  bash: { source: dot, let: let_, history, declare: declareBuiltin, typeset: declareBuiltin },
  dash: {},
};

/** POSIX special builtins: found before functions; ash and dash keep their prefix assignments. */
export const SPECIAL = new Set([
  ':',
  '.',
  'break',
  'continue',
  'eval',
  'exec',
  'exit',
  'export',
  'readonly',
  'return',
  'set',
  'shift',
  'times',
  'trap',
  'unset',
]);

export function builtinFor(dialect: Dialect, name: string): Builtin | undefined {
  return Object.hasOwn(COMMON, name)
    ? COMMON[name]
    : Object.hasOwn(EXTRA[dialect], name)
      ? EXTRA[dialect][name]
      : undefined;
}

export const KEYWORD_NAMES = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'case',
  'esac',
  'for',
  'while',
  'until',
  'do',
  'done',
  '{',
  '}',
  '!',
  'in',
]);
