import * as fs from 'node:fs';
import * as path from 'node:path';

/** A lock nobody has touched for this long belongs to a process that died holding it. */
const STALE_MS = 10_000;
/** How often a holder shows it is alive (touches the lock file). */
const ALIVE_MS = 5_000;
/** How long a command waits for the lock before giving up (busy for over a minute). */
const GIVE_UP_MS = 60_000;

/**
 * One lock for the whole state folder, held by a command for as long as it mutates state,
 * so concurrent `dockersim` processes (a learner's two terminals, a test running sixteen at
 * once) see each other's changes whole. The lock is a file created exclusively (one system
 * call when nobody holds it, which keeps a playground command within a couple of
 * milliseconds); its holder touches it while alive, and a lock untouched for ten seconds is
 * taken over.
 */
export async function withStateLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  const file = path.join(root, 'engine.lock');
  // What this holder wrote into the lock file: a lock taken over by another process is not ours.
  const token = `${process.pid}-${process.hrtime.bigint()}`;
  await acquire(root, file, token);
  const ours = () => {
    try {
      return fs.readFileSync(file, 'utf8') === token;
    } catch {
      return false;
    }
  };
  const alive = setInterval(() => {
    if (!ours()) return;
    const now = new Date();
    try {
      fs.utimesSync(file, now, now);
    } catch {
      // Released meanwhile.
    }
  }, ALIVE_MS);
  alive.unref();
  try {
    return await fn();
  } finally {
    clearInterval(alive);
    if (ours()) fs.rmSync(file, { force: true });
  }
}

function tryCreate(file: string, token: string): boolean {
  try {
    const fd = fs.openSync(file, 'wx');
    try {
      fs.writeSync(fd, token);
    } finally {
      fs.closeSync(fd);
    }
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'ENOENT') throw e;
    // The state folder does not exist yet (the first command): lay it out and try again.
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return tryCreate(file, token);
  }
}

async function acquire(root: string, file: string, token: string): Promise<void> {
  if (tryCreate(file, token)) return;
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(file, token)) return;
    let mtime: number | undefined;
    try {
      mtime = fs.statSync(file).mtimeMs;
    } catch {
      continue; // released between the two calls: try again at once
    }
    if (Date.now() - mtime > STALE_MS) {
      // Its holder is gone (a crash, a killed terminal): take it over.
      fs.rmSync(file, { recursive: true, force: true });
      continue;
    }
    if (waited > GIVE_UP_MS) {
      throw Object.assign(new Error(`the state folder ${root} is locked by another dockersim process`), {
        code: 'ELOCKED',
      });
    }
    const delay = Math.min(60, 5 * 1.3 ** Math.min(attempt, 12));
    await new Promise((r) => setTimeout(r, delay));
    waited += delay;
  }
}
