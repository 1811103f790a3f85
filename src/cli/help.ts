import { type CommandSpec, type FlagSpec, usageLine } from './spec.js';

/**
 * Help laid out the way docker's (cobra + pflag) help is: usage line, description, aliases,
 * and the options table whose descriptions wrap at the terminal width (80 when not a TTY).
 */
export function renderCommandHelp(spec: CommandSpec, columns = 80): string {
  let out = `Usage:  ${usageLine(spec)}\n\n${spec.description}\n`;
  if (spec.aliases?.length) out += `\nAliases:\n  ${spec.aliases.join(', ')}\n`;
  const visible = spec.flags.filter((f) => !f.hidden);
  // docker wraps one column short of the terminal width.
  if (visible.length) out += `\nOptions:\n${renderFlags(visible, columns - 1)}`;
  if (spec.extraHelp) out += `\n${spec.extraHelp}`;
  return out;
}

function flagLeft(flag: FlagSpec): string {
  const names = flag.short ? `  -${flag.short}, --${flag.long}` : `      --${flag.long}`;
  return flag.typeName && flag.kind === 'value' ? `${names} ${flag.typeName}` : names;
}

/** pflag's options table: left parts padded to the longest, descriptions wrapped beside them. */
export function renderFlags(flags: FlagSpec[], columns: number): string {
  const lefts = flags.map(flagLeft);
  const width = Math.max(...lefts.map((l) => l.length));
  let out = '';
  flags.forEach((flag, i) => {
    const left = lefts[i]!;
    let text = flag.help;
    if (flag.defaultText !== undefined) text += ` (default ${flag.defaultText})`;
    out += `${left}${' '.repeat(width - left.length + 3)}${wrapText(width + 3, columns, text)}\n`;
  });
  return out;
}

/**
 * Wraps `text` to the columns right of `indent`, keeping the author's line breaks. Like pflag it
 * lets a line run up to five characters long rather than leave a short orphan word, and puts
 * the text on its own lines when the space beside the flags is too narrow.
 */
export function wrapText(indent: number, columns: number, text: string): string {
  let room = columns - indent;
  let out = '';
  if (room < 24) {
    indent = 16;
    room = columns - indent;
    out = `\n${' '.repeat(indent)}`;
  }
  const pad = ' '.repeat(indent);
  if (room < 24) return text.replaceAll('\n', out);
  const slop = 5;
  room -= slop;
  let rest = text;
  let first = true;
  while (first || rest !== '') {
    const [line, remaining] = takeLine(rest, room, slop);
    out += (first ? '' : `\n${pad}`) + line.replaceAll('\n', `\n${pad}`);
    rest = remaining;
    first = false;
  }
  return out;
}

function takeLine(text: string, room: number, slop: number): [string, string] {
  if (room + slop > text.length) return [text, ''];
  const head = text.slice(0, room);
  const space = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (space <= 0) return [text, ''];
  const newline = head.lastIndexOf('\n');
  if (newline > 0 && newline < space) return [text.slice(0, newline), text.slice(newline + 1)];
  return [text.slice(0, space), text.slice(space + 1)];
}

export interface CommandListing {
  name: string;
  description: string;
}

/** A management command's help (`docker image`): its subcommands and the hint line. */
export function renderGroupHelp(group: string, description: string, subcommands: CommandListing[]): string {
  let out = `Usage:  docker ${group} COMMAND\n\n${description}\n\nCommands:\n`;
  for (const sub of subcommands) out += `  ${sub.name.padEnd(11)} ${sub.description}\n`;
  out += `\nRun 'docker ${group} COMMAND --help' for more information on a command.\n`;
  return out;
}
