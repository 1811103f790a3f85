import { DockerfileParseError } from '../errors.js';
import { convert, convertFrom } from './convert.js';
import type { ArgInstruction, Dockerfile, Stage } from './instructions.js';
import { type RawNode, scan } from './scan.js';

/**
 * Dockerfile text → stages of typed instructions. Every failure is a DockerfileParseError with
 * BuildKit's message; instruction-level ones start `dockerfile parse error on line N: `.
 */
export function parseDockerfile(text: string): Dockerfile {
  const scanned = scan(text);
  const metaArgs: ArgInstruction[] = [];
  const stages: Stage[] = [];
  for (const node of scanned.nodes) {
    const instruction = typed(node);
    if (instruction.kind === 'FROM') {
      stages.push({ from: instruction, commands: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (stage) stage.commands.push(instruction);
    else if (instruction.kind === 'ARG') metaArgs.push(instruction);
    else throw new DockerfileParseError('no build stage in current context', node.line, node.endLine);
  }
  if (stages.length === 0) {
    const last = scanned.nodes[scanned.nodes.length - 1]!;
    throw new DockerfileParseError('dockerfile contains no stages to build', last.line, last.endLine);
  }
  const syntax = scanned.directives.get('syntax');
  return {
    metaArgs,
    stages,
    escape: scanned.escape,
    ...(syntax ? { syntax } : {}),
    warnings: scanned.warnings,
  };
}

function typed(node: RawNode) {
  try {
    return node.cmd.toLowerCase() === 'from' ? convertFrom(node) : convert(node);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new DockerfileParseError(
      `dockerfile parse error on line ${node.line}: ${reason}`,
      node.line,
      node.endLine,
    );
  }
}

/** Parses one ONBUILD trigger (as stored in an image) as an instruction. */
export function parseTrigger(expression: string, line: number) {
  const { nodes } = scan(expression);
  if (nodes.length !== 1)
    throw new DockerfileParseError('onbuild trigger should be a single expression', line);
  try {
    return convert({ ...nodes[0]!, line, endLine: line });
  } catch (e) {
    throw new DockerfileParseError(e instanceof Error ? e.message : String(e), line);
  }
}

export type * from './instructions.js';
