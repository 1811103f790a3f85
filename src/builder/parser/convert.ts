import { InstructionFlags } from './bflags.js';
import { parseHealthcheck } from './healthcheck.js';
import { chompHeredoc, parseHeredoc } from './heredoc.js';
import type { CommandLine, CopyInstruction, FromInstruction, Instruction, KeyValue } from './instructions.js';
import { base, type RawNode } from './scan.js';
import { withSuggestion } from './suggest.js';

/**
 * Gives each node its meaning (BuildKit's `instructions.ParseInstruction`): checks argument
 * counts and flags, and builds the typed instruction. Errors are the bare reasons; the caller adds
 * `dockerfile parse error on line N: `.
 */
export const INSTRUCTION_NAMES = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
];

const atLeastOne = (cmd: string) => new Error(`${cmd} requires at least one argument`);
const exactlyOne = (cmd: string) => new Error(`${cmd} requires exactly one argument`);
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

function commandLine(node: RawNode, emptyAsNil = false): CommandLine {
  const args = node.args.length === 0 ? [] : node.json ? node.args : [node.args.join(' ')];
  return {
    args: emptyAsNil && args.length === 0 ? [] : args,
    prependShell: !node.json,
    files: node.heredocs,
  };
}

function pairs(node: RawNode, cmd: string): KeyValue[] {
  const a = node.args;
  if (a.length === 0) throw atLeastOne(cmd);
  if (a.length % 3 !== 0) throw new Error(`Bad input to ${cmd}, too many arguments`);
  const out: KeyValue[] = [];
  for (let j = 0; j < a.length; j += 3) {
    if (a[j]!.length === 0) throw new Error(`${cmd} names can not be blank`);
    out.push({ key: a[j]!, value: a[j + 1]!, noDelim: a[j + 2] === '' });
  }
  return out;
}

export function convertFrom(node: RawNode): FromInstruction {
  const a = node.args;
  let stage: string | undefined;
  if (a.length === 3 && a[1]!.toLowerCase() === 'as') {
    stage = a[2]!.toLowerCase();
    if (!STAGE_NAME.test(stage)) {
      throw new Error(
        `invalid name for build stage: ${JSON.stringify(a[2])}, name can't start with a number or contain symbols`,
      );
    }
  } else if (a.length !== 1) throw new Error('FROM requires either one or three arguments');
  const flags = new InstructionFlags(node.flags).declare('platform', 'string').parse();
  const platform = flags.string('platform');
  return {
    kind: 'FROM',
    ...base(node),
    image: a[0]!,
    ...(stage ? { stage } : {}),
    ...(platform ? { platform } : {}),
  };
}

function convertCopy(node: RawNode, kind: 'COPY' | 'ADD'): CopyInstruction {
  if (node.args.length < 2) {
    throw new Error(
      `${kind} requires at least two arguments, but only one was provided. Destination could not be determined`,
    );
  }
  const flags = new InstructionFlags(node.flags)
    .declare('chown', 'string')
    .declare('chmod', 'string')
    .declare('link', 'bool');
  if (kind === 'COPY') flags.declare('from', 'string');
  else flags.declare('keep-git-dir', 'bool').declare('checksum', 'string');
  flags.parse();
  const dest = node.args[node.args.length - 1]!;
  if (parseHeredoc(dest)) throw new Error(`${kind} cannot accept a heredoc as a destination`);
  const docs = new Map(node.heredocs.map((h) => [h.name, h]));
  const sources: string[] = [];
  const contents: CopyInstruction['contents'] = [];
  for (const src of node.args.slice(0, -1)) {
    const doc = safeHeredoc(src);
    if (!doc) {
      sources.push(src);
      continue;
    }
    const found = docs.get(doc.name);
    const data = found?.content ?? '';
    contents.push({ path: doc.name, data: doc.chomp ? chompHeredoc(data) : data, expand: doc.expand });
  }
  const opt = (name: string) => flags.string(name);
  return {
    kind,
    ...base(node),
    sources,
    contents,
    dest,
    ...(opt('from') ? { from: opt('from') } : {}),
    ...(opt('chown') ? { chown: opt('chown') } : {}),
    ...(opt('chmod') ? { chmod: opt('chmod') } : {}),
    ...(opt('checksum') ? { checksum: opt('checksum') } : {}),
    link: flags.bool('link'),
  };
}

function safeHeredoc(word: string) {
  try {
    return parseHeredoc(word);
  } catch {
    return undefined;
  }
}

function convertRun(node: RawNode): Instruction {
  const flags = new InstructionFlags(node.flags)
    .declare('mount', 'strings')
    .declare('network', 'string')
    .declare('security', 'string')
    .parse();
  const network = flags.string('network');
  if (network !== undefined && !['default', 'none', 'host'].includes(network)) {
    throw new Error(`invalid network mode ${JSON.stringify(network)}`);
  }
  const security = flags.string('security');
  if (security !== undefined && !['sandbox', 'insecure'].includes(security)) {
    throw new Error(`security ${JSON.stringify(security)} is not valid`);
  }
  return {
    kind: 'RUN',
    ...base(node),
    cmd: commandLine(node),
    mounts: flags.strings('mount'),
    ...(network ? { network } : {}),
    ...(security ? { security } : {}),
  };
}

function value(node: RawNode, kind: 'WORKDIR' | 'USER' | 'STOPSIGNAL' | 'MAINTAINER', parseFlags = true) {
  if (node.args.length !== 1) throw exactlyOne(kind);
  if (parseFlags) new InstructionFlags(node.flags).parse();
  return { kind, ...base(node), value: node.args[0]! } as const;
}

function convertOnbuild(node: RawNode): Instruction {
  if (node.args.length === 0) throw atLeastOne('ONBUILD');
  new InstructionFlags(node.flags).parse();
  const trigger = node.args[0]!.trim().toUpperCase();
  if (trigger === 'ONBUILD') throw new Error("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  if (trigger === 'MAINTAINER' || trigger === 'FROM')
    throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
  let expression = node.original.replace(/^\s*ONBUILD\s*/i, '');
  for (const doc of node.heredocs) expression += `\n${doc.content}${doc.name}`;
  return { kind: 'ONBUILD', ...base(node), expression };
}

function convertList(node: RawNode, kind: 'EXPOSE' | 'VOLUME'): Instruction {
  if (node.args.length === 0) throw atLeastOne(kind);
  new InstructionFlags(node.flags).parse();
  if (kind === 'EXPOSE') return { kind, ...base(node), values: [...node.args].sort() };
  const values = node.args.map((v) => v.trim());
  if (values.some((v) => v === '')) throw new Error('VOLUME specified can not be an empty string');
  return { kind, ...base(node), values };
}

/** A node that is not FROM, as a typed instruction. Throws the bare reason docker gives. */
export function convert(node: RawNode): Instruction {
  const noFlags = () => new InstructionFlags(node.flags).parse();
  switch (node.cmd.toLowerCase()) {
    case 'env':
    case 'label': {
      const kind = node.cmd.toUpperCase() as 'ENV' | 'LABEL';
      noFlags();
      return { kind, ...base(node), pairs: pairs(node, kind) };
    }
    case 'maintainer':
      return value(node, 'MAINTAINER');
    case 'add':
      return convertCopy(node, 'ADD');
    case 'copy':
      return convertCopy(node, 'COPY');
    case 'onbuild':
      return convertOnbuild(node);
    case 'workdir':
      return value(node, 'WORKDIR');
    case 'run':
      return convertRun(node);
    case 'cmd':
    case 'entrypoint': {
      noFlags();
      const kind = node.cmd.toUpperCase() as 'CMD' | 'ENTRYPOINT';
      return { kind, ...base(node), cmd: commandLine(node, kind === 'ENTRYPOINT') };
    }
    case 'healthcheck':
      return parseHealthcheck(node);
    case 'expose':
      return convertList(node, 'EXPOSE');
    case 'volume':
      return convertList(node, 'VOLUME');
    case 'user':
      return value(node, 'USER');
    case 'stopsignal':
      return value(node, 'STOPSIGNAL', false);
    case 'arg':
      return convertArg(node);
    case 'shell':
      return convertShell(node);
  }
  throw new Error(withSuggestion(`unknown instruction: ${node.cmd}`, node.cmd, INSTRUCTION_NAMES, false));
}

function convertArg(node: RawNode): Instruction {
  if (node.args.length < 1) throw atLeastOne('ARG');
  const args = node.args.map((arg) => {
    const eq = arg.indexOf('=');
    if (eq < 0) return { key: arg };
    if (eq === 0) throw new Error('ARG names can not be blank');
    return { key: arg.slice(0, eq), value: arg.slice(eq + 1) };
  });
  return { kind: 'ARG', ...base(node), args };
}

function convertShell(node: RawNode): Instruction {
  new InstructionFlags(node.flags).parse();
  const { args } = commandLine(node);
  if (args.length === 0) throw atLeastOne('SHELL');
  if (!node.json) throw new Error('SHELL requires the arguments to be in JSON form');
  return { kind: 'SHELL', ...base(node), values: args };
}
