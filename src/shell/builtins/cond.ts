import type { CondExpr, Word } from '../ast.js';
import { expandParts, expandPattern, expandString } from '../expand.js';
import type { Interp } from '../interp.js';
import { prefix } from '../messages.js';
import { matchPattern } from '../pattern.js';
import { binaryTest, compareNumbers, unaryTest } from './test.js';

/** bash's `[[ … ]]`: no splitting or globbing; `==` matches a pattern, `=~` a regex, `-eq` compares arithmetic. */
export async function testCond(ip: Interp, e: CondExpr): Promise<boolean> {
  switch (e.type) {
    case 'not':
      return !(await testCond(ip, e.expr));
    case 'and':
      return (await testCond(ip, e.left)) && testCond(ip, e.right);
    case 'or':
      return (await testCond(ip, e.left)) || testCond(ip, e.right);
    case 'word':
      return (await expandString(ip, e.arg)) !== '';
    case 'unary':
      return unaryTest(ip.fs, ip.state.cwd, e.op, await expandString(ip, e.arg));
    case 'binary': {
      const left = await expandString(ip, e.left);
      if (e.op === '==' || e.op === '=' || e.op === '!=') {
        const hit = matchPattern(await expandPattern(ip, e.right), left);
        return e.op === '!=' ? !hit : hit;
      }
      if (e.op === '=~') return regexTest(ip, e.right.parts, left);
      const right = await expandString(ip, e.right);
      if (e.op.startsWith('-') && e.op.length === 3 && !['-nt', '-ot', '-ef'].includes(e.op)) {
        return compareNumbers(e.op, ip.arith(left), ip.arith(right));
      }
      return binaryTest(e.op, left, right);
    }
  }
}

/** `=~`: unquoted text is an extended regex, quoted text matches itself. */
async function regexTest(ip: Interp, parts: Word['parts'], subject: string): Promise<boolean> {
  const segs = await expandParts(ip, parts, false);
  const source = segs
    .map((s) => ('brk' in s ? ' ' : s.quoted ? s.text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&') : s.text))
    .join('');
  try {
    return new RegExp(source).test(subject);
  } catch {
    ip.error(ip.curIO, `${prefix(ip.speaker())}syntax error in conditional expression`);
    return false;
  }
}
