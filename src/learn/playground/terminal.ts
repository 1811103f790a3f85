import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { Readable } from 'node:stream';
import type { Playground } from './session.js';

/** What tab completion offers for the line so far (the word under the cursor is the last one). */
export type Completer = (line: string) => Promise<string[]>;

export interface TerminalOptions {
  playground: Playground;
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  /** Where typed lines are kept between sessions (the state folder). */
  historyFile?: string;
  complete: Completer;
  color: boolean;
  /** Ctrl-C while a command runs: tell the engine to stop following. */
  interrupt(): void;
}

const HISTORY_SIZE = 1000;

function loadHistory(file: string | undefined): string[] {
  if (!file) return [];
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(-HISTORY_SIZE);
  } catch {
    return [];
  }
}

function saveLine(file: string | undefined, line: string): void {
  if (!file || line.trim() === '') return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, `${line.replace(/\n/g, ' ')}\n`);
  } catch {
    // History is a convenience: a read-only state folder must not stop the playground.
  }
}

/** Ubuntu's coloured prompt: user@host in bold green, the directory in bold blue. */
function colourPrompt(prompt: string): string {
  const m = /^([^@\s]+@[^:\s]+):(.*)([$#] )$/.exec(prompt);
  if (!m) return prompt;
  return `\x1b[01;32m${m[1]}\x1b[00m:\x1b[01;34m${m[2]}\x1b[00m${m[3]}`;
}

/**
 * The playground on a terminal: readline for editing, history and completion while a line is
 * typed; while a command runs the terminal is the command's (an `-it` session opens its own),
 * and Ctrl-C stops that command, not the playground.
 */
export async function runTerminal(opts: TerminalOptions): Promise<number> {
  const { playground, input, output } = opts;
  let history = loadHistory(opts.historyFile).reverse();
  const completer = (line: string, cb: (err: null, result: [string[], string]) => void) => {
    const word = line.slice(line.search(/\S*$/));
    opts.complete(line).then(
      (all) => {
        const hits = all.filter((c) => c.startsWith(word));
        // One match completes the word and the space after it, as bash does.
        cb(null, [hits.length === 1 ? [`${hits[0]} `] : hits, word]);
      },
      () => cb(null, [[], word]),
    );
  };
  // The playground never dies of Ctrl-C: between prompts it is ignored, during a command it
  // stops that command.
  let running = false;
  const onInterrupt = () => {
    if (!running) return;
    output.write('\n');
    opts.interrupt();
  };
  process.on('SIGINT', onInterrupt);
  try {
    return await loop();
  } finally {
    process.off('SIGINT', onInterrupt);
  }

  async function loop(): Promise<number> {
    for (;;) {
      const raw = await playground.prompt();
      const prompt = opts.color ? colourPrompt(raw) : raw;
      const rl = readline.createInterface({
        input,
        output,
        terminal: true,
        history,
        historySize: HISTORY_SIZE,
        completer,
      });
      const line = await new Promise<string | undefined>((resolve) => {
        rl.on('SIGINT', () => {
          // Ctrl-C at the prompt drops the line, as bash does.
          output.write('^C\n');
          resolve('');
          rl.close();
        });
        rl.once('close', () => resolve(undefined));
        rl.question(prompt, (answer) => resolve(answer));
      });
      history = (rl as unknown as { history: string[] }).history ?? history;
      rl.close();
      if (line === undefined) {
        output.write('logout\n');
        return playground.lastCode;
      }
      saveLine(opts.historyFile, line);
      running = true;
      try {
        const result = await playground.runLine(line);
        if (typeof result === 'object') {
          output.write('logout\n');
          return result.exit;
        }
      } finally {
        running = false;
      }
    }
  }
}

/** The playground without a terminal: `dockersim shell < script.sh` or `-c`, line by line. */
export async function runScript(playground: Playground, text: string): Promise<number> {
  let code = 0;
  for (const line of text.split('\n')) {
    const result = await playground.runLine(line);
    if (typeof result === 'object') return result.exit;
    code = result;
  }
  return code;
}

/** Stdin with nothing to give (what commands of a script see). */
export function emptyInput(): NodeJS.ReadableStream {
  return Readable.from([]);
}
