import type { Address, SedCommand } from './sed-parse.js';
import { substitute } from './sed-subst.js';

export interface SedInput {
  lines: string[];
  /** Whether the last line ended with a newline (sed keeps a missing one missing). */
  finalNewline: boolean;
  name: string;
}

export interface SedHooks {
  /** Contents of a file for `r` (undefined: silently nothing, as sed does). */
  read(file: string): string | undefined;
  /** Text for `w` files, collected per file name. */
  written: Map<string, string>;
}

export interface SedResult {
  out: string;
  quit: boolean;
  code: number;
}

/** Runs a parsed script over one input stream, as one sed process would. */
export function runSed(cmds: SedCommand[], input: SedInput, quiet: boolean, hooks: SedHooks): SedResult {
  const labels = new Map<string, number>();
  cmds.forEach((c, i) => {
    if (c.name === ':') labels.set(c.label!, i);
  });
  let out = '';
  let hold = '';
  let index = 0;
  let lineNo = 0;
  let lastRe: RegExp | null = null;
  const isLast = (): boolean => index >= input.lines.length;
  const end = (): string => (isLast() && !input.finalNewline ? '' : '\n');
  const readLine = (): string | undefined => {
    if (index >= input.lines.length) return undefined;
    lineNo++;
    return input.lines[index++];
  };
  const useRe = (re: RegExp | null | undefined): RegExp => {
    const r = re ?? lastRe;
    if (!r) throw new Error('no previous regular expression');
    lastRe = r;
    r.lastIndex = 0;
    return r;
  };
  const hit = (a: Address, ps: string): boolean => {
    switch (a.kind) {
      case 'line':
        return lineNo === a.n;
      case 'last':
        return isLast();
      case 're':
        return useRe(a.re).test(ps);
      case 'step':
        return a.step <= 0 ? lineNo === a.first : lineNo >= a.first && (lineNo - a.first) % a.step === 0;
      default:
        return false;
    }
  };
  const selects = (c: SedCommand, ps: string): boolean => {
    if (!c.a1) return true;
    if (!c.a2) return hit(c.a1, ps) !== c.negate;
    let inside = false;
    if (c.active) {
      inside = true;
      const a2 = c.a2;
      if (a2.kind === 'line' || a2.kind === 'plus')
        c.active = lineNo < (a2.kind === 'line' ? a2.n : c.rangeEnd!);
      else if (a2.kind === 'multiple') c.active = a2.n > 0 && lineNo % a2.n !== 0;
      else c.active = !hit(a2, ps);
    } else if (
      (c.a1.kind === 'line' && c.a1.n === 0 && lineNo === 1) ||
      (!(c.a1.kind === 'line' && c.a1.n === 0) && hit(c.a1, ps))
    ) {
      inside = true;
      const a2 = c.a2;
      c.rangeEnd = a2.kind === 'plus' ? lineNo + a2.n : undefined;
      if (a2.kind === 'line') c.active = a2.n > lineNo;
      else if (a2.kind === 'plus') c.active = a2.n > 0;
      else if (a2.kind === 'multiple') c.active = a2.n > 0 && lineNo % a2.n !== 0;
      else if (a2.kind === 'last') c.active = !isLast();
      else c.active = c.a1.kind === 'line' && c.a1.n === 0 ? !hit(a2, ps) : true;
    }
    return inside !== c.negate;
  };
  let ps = readLine();
  let appended = '';
  let code = 0;
  let quit = false;
  while (ps !== undefined && !quit) {
    let tFlag = false;
    let autoprint = !quiet;
    let pc = 0;
    cycle: while (pc < cmds.length) {
      const c = cmds[pc]!;
      pc++;
      if (c.name === '}' || c.name === ':' || c.name === '#') continue;
      if (!selects(c, ps)) {
        if (c.name === '{') pc = c.end! + 1;
        continue;
      }
      switch (c.name) {
        case '{':
          break;
        case 's': {
          const r = substitute(c, ps, useRe(c.re));
          if (r !== undefined) {
            ps = r;
            tFlag = true;
            if (c.print) out += `${ps}\n`;
            if (c.file) hooks.written.set(c.file, `${hooks.written.get(c.file) ?? ''}${ps}\n`);
          }
          break;
        }
        case 'y':
          ps = [...ps]
            .map((ch) => {
              const k = [...c.from!].indexOf(ch);
              return k < 0 ? ch : [...c.to!][k]!;
            })
            .join('');
          break;
        case 'p':
          out += `${ps}\n`;
          break;
        case 'P':
          out += `${ps.split('\n')[0]}\n`;
          break;
        case '=':
          out += `${lineNo}\n`;
          break;
        case 'l':
          out += `${JSON.stringify(ps).slice(1, -1).replaceAll('\\"', '"')}$\n`;
          break;
        case 'F':
          out += `${input.name}\n`;
          break;
        case 'z':
          ps = '';
          break;
        case 'd':
          autoprint = false;
          break cycle;
        case 'D':
          if (!ps.includes('\n')) {
            autoprint = false;
            break cycle;
          }
          ps = ps.slice(ps.indexOf('\n') + 1);
          out += appended;
          appended = '';
          pc = 0;
          continue;
        case 'n': {
          if (autoprint) out += `${ps}${end()}`;
          out += appended;
          appended = '';
          const next = readLine();
          if (next === undefined) {
            autoprint = false;
            quit = true;
            break cycle;
          }
          ps = next;
          break;
        }
        case 'N': {
          const next = readLine();
          if (next === undefined) {
            quit = true;
            break cycle;
          }
          ps = `${ps}\n${next}`;
          break;
        }
        case 'h':
          hold = ps;
          break;
        case 'H':
          hold = `${hold}\n${ps}`;
          break;
        case 'g':
          ps = hold;
          break;
        case 'G':
          ps = `${ps}\n${hold}`;
          break;
        case 'x':
          [ps, hold] = [hold, ps];
          break;
        case 'a':
          appended += `${c.text}\n`;
          break;
        case 'r': {
          const text = hooks.read(c.file!);
          if (text !== undefined) appended += text.endsWith('\n') || text === '' ? text : `${text}\n`;
          break;
        }
        case 'w':
          hooks.written.set(c.file!, `${hooks.written.get(c.file!) ?? ''}${ps}\n`);
          break;
        case 'i':
          out += `${c.text}\n`;
          break;
        case 'c':
          if (!c.a2 || !c.active || c.negate) out += `${c.text}\n`;
          autoprint = false;
          break cycle;
        case 'b':
        case 't':
        case 'T': {
          const jump = c.name === 'b' || (c.name === 't' ? tFlag : !tFlag);
          if (c.name !== 'b') tFlag = false;
          if (!jump) break;
          if (!c.label) break cycle;
          pc = labels.get(c.label) ?? cmds.length;
          break;
        }
        case 'q':
          code = c.code ?? 0;
          quit = true;
          break cycle;
        case 'Q':
          code = c.code ?? 0;
          quit = true;
          autoprint = false;
          break cycle;
      }
    }
    if (autoprint) out += `${ps}${end()}`;
    out += appended;
    appended = '';
    if (!quit) ps = readLine();
  }
  return { out, quit, code };
}
