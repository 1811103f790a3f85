import type { Compound, List } from './ast.js';
import { testCond } from './builtins/cond.js';
import { LoopSignal } from './errors.js';
import { expandFields, expandPattern, expandString } from './expand.js';
import type { Interp } from './interp.js';
import type { IO } from './io.js';
import { matchPattern } from './pattern.js';

/** Runs a condition list: `set -e` does not apply inside it. */
async function condition(ip: Interp, list: List, io: IO): Promise<number> {
  ip.errexitOff++;
  try {
    return await ip.runList(list, io);
  } finally {
    ip.errexitOff--;
  }
}

/** Runs one pass of a loop body; false when `break` ends the loop. */
async function loopBody(ip: Interp, body: List, io: IO, status: { code: number }): Promise<boolean> {
  ip.tick();
  try {
    status.code = await ip.runList(body, io);
    return true;
  } catch (e) {
    if (!(e instanceof LoopSignal)) throw e;
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    return e.kind === 'continue';
  }
}

async function loop(ip: Interp, pass: (status: { code: number }) => Promise<boolean>): Promise<number> {
  const status = { code: 0 };
  ip.state.loopDepth++;
  try {
    while (await pass(status)) {}
  } finally {
    ip.state.loopDepth--;
  }
  return status.code;
}

export async function runCompound(ip: Interp, cmd: Compound, io: IO): Promise<number> {
  switch (cmd.type) {
    case 'group':
      return ip.runList(cmd.body, io);
    case 'subshell':
      return ip.subshell(io, (sub) => sub.runList(cmd.body, io));
    case 'if': {
      for (const clause of cmd.clauses) {
        if ((await condition(ip, clause.cond, io)) === 0) return ip.runList(clause.body, io);
      }
      return cmd.otherwise ? ip.runList(cmd.otherwise, io) : 0;
    }
    case 'while':
      return loop(ip, async (status) => {
        const c = await condition(ip, cmd.cond, io);
        if ((c === 0) === cmd.until) return false;
        return loopBody(ip, cmd.body, io, status);
      });
    case 'for': {
      ip.curIO = io;
      const items = cmd.items ? await expandFields(ip, cmd.items) : [...ip.state.positional];
      let i = 0;
      return loop(ip, async (status) => {
        if (i >= items.length) return false;
        if (!ip.state.set(cmd.name, items[i++]!)) return false;
        return loopBody(ip, cmd.body, io, status);
      });
    }
    case 'cfor': {
      ip.curIO = io;
      const arith = async (w: typeof cmd.init): Promise<bigint> =>
        w ? ip.arith(await expandString(ip, w)) : 1n;
      if (cmd.init) await arith(cmd.init);
      let first = true;
      return loop(ip, async (status) => {
        if (!first && cmd.step) await arith(cmd.step);
        first = false;
        if ((await arith(cmd.cond)) === 0n) return false;
        return loopBody(ip, cmd.body, io, status);
      });
    }
    case 'case': {
      ip.curIO = io;
      const subject = await expandString(ip, cmd.word);
      for (let i = 0; i < cmd.items.length; i++) {
        const item = cmd.items[i]!;
        let hit = false;
        for (const p of item.patterns)
          if (!hit && matchPattern(await expandPattern(ip, p), subject)) hit = true;
        if (!hit) continue;
        let status = await ip.runList(item.body, io);
        for (let j = i; cmd.items[j]?.fallthrough && cmd.items[j + 1]; j++) {
          status = await ip.runList(cmd.items[j + 1]!.body, io);
        }
        return status;
      }
      return 0;
    }
    case 'cond':
      ip.curIO = io;
      return (await testCond(ip, cmd.expr)) ? 0 : 1;
    case 'arithcmd':
      ip.curIO = io;
      return ip.arith(await expandString(ip, cmd.expr)) !== 0n ? 0 : 1;
  }
}
