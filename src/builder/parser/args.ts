import { parseJsonArray, parseWords, splitWhitespace, WHITESPACE } from './words.js';

/**
 * How each instruction's arguments are cut up, before any meaning is given to them (BuildKit's
 * "line parsers"). Key/value instructions produce triples `key, value, separator` so that the
 * legacy `ENV key value` form can be told from `ENV key=value`.
 */
export interface NodeArgs {
  args: string[];
  /** The exec (JSON array) form was used. */
  json: boolean;
}

type ArgParser = (rest: string, esc: string) => NodeArgs;

const none: NodeArgs = { args: [], json: false };

function maybeJson(rest: string): NodeArgs {
  if (rest === '') return none;
  const json = parseJsonArray(rest);
  return json ? { args: json, json: true } : { args: [rest], json: false };
}

function maybeJsonToList(rest: string): NodeArgs {
  const json = parseJsonArray(rest);
  return json ? { args: json, json: true } : { args: splitWhitespace(rest), json: false };
}

const single: ArgParser = (rest) => (rest === '' ? none : { args: [rest], json: false });
const whitespace: ArgParser = (rest) => ({ args: splitWhitespace(rest), json: false });

/** `ENV a=1 b="2 3"` or the legacy `ENV a 1 2`. */
function nameValue(keyword: string): ArgParser {
  return (rest, esc) => {
    const words = parseWords(rest, esc);
    if (words.length === 0) return none;
    if (!words[0]!.includes('=')) {
      const m = WHITESPACE.exec(rest);
      if (!m) throw new Error(`${keyword} must have two arguments`);
      return { args: [rest.slice(0, m.index), rest.slice(m.index + m[0].length), ''], json: false };
    }
    const args: string[] = [];
    for (const word of words) {
      const eq = word.indexOf('=');
      if (eq < 0) {
        throw new Error(
          `Syntax error - can't find = in ${JSON.stringify(word)}. Must be of the form: name=value`,
        );
      }
      args.push(word.slice(0, eq), word.slice(eq + 1), '=');
    }
    return { args, json: false };
  };
}

/** HEALTHCHECK: a type word (`CMD`, `NONE`) and then a command in either form. */
const healthcheck: ArgParser = (rest) => {
  const m = /\s/.exec(rest);
  const sep = m ? m.index : rest.length;
  if (sep === 0) return none;
  const cmd = maybeJson(rest.slice(sep).trimStart());
  return { args: [rest.slice(0, sep), ...cmd.args], json: cmd.json };
};

export const ARG_PARSERS: Record<string, ArgParser> = {
  add: maybeJsonToList,
  arg: (rest, esc) => ({ args: parseWords(rest, esc), json: false }),
  cmd: maybeJson,
  copy: maybeJsonToList,
  entrypoint: maybeJson,
  env: nameValue('ENV'),
  expose: whitespace,
  from: whitespace,
  healthcheck,
  label: nameValue('LABEL'),
  maintainer: single,
  run: maybeJson,
  shell: maybeJson,
  stopsignal: single,
  user: single,
  volume: maybeJsonToList,
  workdir: single,
};
