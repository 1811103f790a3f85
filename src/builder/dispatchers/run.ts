import { goQuote } from '../../images/reference-grammar.js';
import { StepError } from '../errors.js';
import { vertexName } from '../messages.js';
import { parseHeredoc } from '../parser/heredoc.js';
import type { RunInstruction } from '../parser/index.js';
import { PROXY_ARGS, proxyArgs, type Session } from '../session.js';
import type { StageState } from '../state.js';
import { runStep } from '../step.js';

/**
 * RUN command | RUN ["executable", "arg"…] | RUN <<EOF … EOF — runs a command in a container made
 * from the stage's image so far, with its Env, WorkingDir and User and the stage's ARGs; what
 * the command changes becomes a layer. The shell form runs through SHELL (`/bin/sh -c`). A
 * non-zero exit fails the build. `--mount`, `--network` and `--security` are accepted and ignored.
 */
export async function dispatchRun(s: Session, st: StageState, ins: RunInstruction): Promise<void> {
  let args = ins.cmd.args;
  let name = ins.code;
  const files = ins.cmd.files;
  if (files.length > 0 && args.length === 1) {
    const only = parseHeredoc(args[0]!);
    if (only && files.length === 1) {
      // A lone heredoc is the script itself; BuildKit names the step after its first line.
      args = [files[0]!.chomp ? files[0]!.content.replace(/^\t+/gm, '') : files[0]!.content];
      name += ` (${summarize(files[0]!.content)})`;
    } else {
      args = [files.reduce((full, f) => `${full}\n${f.content}${f.name}`, args[0]!)];
    }
  }
  const argv = ins.cmd.prependShell ? [...st.shell(), ...args] : [...args];
  const recorded = s.legacy ? legacyCommand(st, argv) : `RUN ${buildkitCommand(st, argv)} # buildkit`;
  await runStep(s, st, { vertex: vertexName(name, st.lookup(), s.dockerfile.escape) }, () => ({
    createdBy: recorded,
    key: recorded,
    config: st.config,
    keepEmptyLayer: true,
    execute: async (log) => {
      const start = s.backend.now();
      const config = { ...st.config, Env: st.runEnv(proxyArgs(s)) };
      const result = await s.backend.run(st.imageId, config, argv);
      for (const out of result.output) {
        for (const line of splitLines(out.text)) log(out.stream, line, start + out.at);
      }
      s.backend.elapse(result.duration);
      if (result.exitCode !== 0) {
        const joined = argv.join(' ');
        throw new StepError(
          `process ${goQuote(joined)} did not complete successfully: exit code: ${result.exitCode}`,
          {
            exitCode: result.exitCode,
            legacy: `The command '${joined}' returned a non-zero code: ${result.exitCode}`,
          },
        );
      }
      return result.changes;
    },
  }));
}

/** BuildKit's record of the command: declared ARGs first (`|2 A=1 B=2 /bin/sh -c …`). */
function buildkitCommand(st: StageState, argv: string[]): string {
  const seen = new Map<string, string>();
  for (const arg of st.args) seen.set(arg.key, st.env.get(arg.key) ?? arg.value ?? '');
  const env = [...seen].map(([k, v]) => `${k}=${v}`);
  return [...(env.length ? [`|${env.length}`, ...env] : []), ...argv].join(' ');
}

/** The classic builder's: only ARGs with a value, sorted, proxies left out. */
function legacyCommand(st: StageState, argv: string[]): string {
  const env = st.args
    .filter((a) => st.env.has(a.key) && !PROXY_ARGS.includes(a.key))
    .map((a) => `${a.key}=${st.env.get(a.key)}`)
    .sort();
  return [...(env.length ? [`|${env.length}`, ...env] : []), ...argv].join(' ');
}

function summarize(doc: string): string {
  const lines = doc.trim().replace(/\r\n/g, '\n').split('\n');
  return lines.length > 1 ? `${lines[0]}...` : (lines[0] ?? '');
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
