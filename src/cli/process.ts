import type { Io } from './context.js';
import { main } from './main.js';

/** Entry point of the bundled CLI: real process streams, exit code set when output has drained. */
export async function run(argv: string[]): Promise<void> {
  const io: Io = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // A closed pipe (`dockersim ps | head -1`) ends the command quietly, as docker does.
    if (e.code === 'EPIPE') process.exit(0);
  });
  process.exitCode = await main(argv, io);
}
