import * as readline from 'node:readline';
import type { CommandContext } from './context.js';

/**
 * A terminal session with a container's shell: its prompt, line editing and history (readline),
 * each line run in the container; `exit`, or Ctrl-D, ends it. Resolves with the shell's exit code.
 */
export async function terminalSession(ctx: CommandContext, session: string): Promise<number> {
  const engine = await ctx.engine();
  const input = ctx.stdin as NodeJS.ReadStream;
  const output = ctx.stdout as unknown as NodeJS.WriteStream;
  const rl = readline.createInterface({ input, output, terminal: true, historySize: 500 });
  let secret = false;
  const shown = rl as unknown as { _writeToOutput(text: string): void };
  const echo = shown._writeToOutput.bind(rl);
  shown._writeToOutput = (text: string) => {
    if (!secret || text.includes('\n') || text.endsWith(': ')) echo(text);
  };
  let interrupted = false;
  rl.on('SIGINT', () => {
    // Ctrl-C reaches the shell, not dockersim: a fresh prompt, as a shell gives.
    interrupted = true;
    output.write('^C\n');
    rl.write('', { ctrl: true, name: 'u' });
  });
  // docker's detach keys, Ctrl-P Ctrl-Q: leave the session and let the container run on.
  let detached = false;
  let sawCtrlP = false;
  readline.emitKeypressEvents(input, rl);
  input.on('keypress', (_text: string, key: { ctrl?: boolean; name?: string } | undefined) => {
    if (key?.ctrl && key.name === 'q' && sawCtrlP) {
      detached = true;
      rl.close();
    }
    sawCtrlP = key?.ctrl === true && key.name === 'p';
  });
  const ask = (prompt: string) =>
    new Promise<string | undefined>((resolve) => {
      const onClose = () => resolve(undefined);
      rl.once('close', onClose);
      rl.question(prompt, (answer) => {
        rl.off('close', onClose);
        resolve(answer);
      });
    });
  try {
    for (;;) {
      interrupted = false;
      // A client greets before its first prompt: the lines above the prompt are output.
      const full = await engine.shellPrompt(session);
      const cut = full.lastIndexOf('\n') + 1;
      if (cut > 0) output.write(full.slice(0, cut));
      const prompt = full.slice(cut);
      // `Enter password: ` is typed without echo, as the real clients read it.
      secret = /password: ?$/i.test(prompt);
      const line = await ask(prompt);
      // A password is not kept in the session's history.
      if (secret && line) (rl as unknown as { history: string[] }).history.shift();
      secret = false;
      if (detached) {
        // Ctrl-P also recalled the previous line into the prompt: clear it before leaving.
        output.write('\r\x1b[2K');
        ctx.stderr.write('read escape sequence\n');
        return 0;
      }
      if (line === undefined) {
        output.write('exit\n');
        await engine.shellClose(session, 0);
        return 0;
      }
      if (interrupted) continue;
      const result = await engine.shellLine(session, line, (chunk) => output.write(chunk.text));
      if (result.exited) {
        await engine.shellClose(session, result.code);
        return result.code;
      }
    }
  } finally {
    rl.close();
  }
}
