/**
 * The value printer behind Go's fmt verbs (%v %s %d %q %x %f …) with flags, width and precision,
 * including its error forms (`%!d(string=x)`).
 */
import { fmtFloat, fmtInteger } from './fmt-numbers.js';
import { canBackquote, goQuote } from './quote.js';
import { kindOf, mapKeys, num, structFields, typeName } from './values.js';

export interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

export function clearFlags(): Flags {
  return {
    plus: false,
    minus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    widPresent: false,
    prec: 0,
    precPresent: false,
  };
}

const runeCount = (s: string): number => Array.from(s).length;

export class Printer {
  buf = '';
  f: Flags = clearFlags();

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  /** Pads to the width, counting runes, on the left unless `-`. */
  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s;
      return;
    }
    const n = this.f.wid - runeCount(s);
    if (this.f.minus) {
      this.buf += s;
      this.writePadding(n);
    } else {
      this.writePadding(n);
      this.buf += s;
    }
  }

  withoutZero(fn: () => void): void {
    const old = this.f.zero;
    this.f.zero = false;
    fn();
    this.f.zero = old;
  }

  private truncate(s: string): string {
    if (!this.f.precPresent) return s;
    const chars = Array.from(s);
    return chars.length > this.f.prec ? chars.slice(0, this.f.prec).join('') : s;
  }

  badVerb(verb: string, v: unknown): void {
    this.buf += `%!${verb}(`;
    if (v === undefined || v === null) {
      this.buf += '<nil>';
    } else {
      this.buf += `${typeName(v)}=`;
      this.printArg(v, 'v');
    }
    this.buf += ')';
  }

  printArg(arg: unknown, verb: string): void {
    if (arg === undefined || arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    this.printValue(arg, verb, 0);
  }

  printValue(v: unknown, verb: string, depth: number): void {
    const kind = kindOf(v);
    switch (kind) {
      case 'invalid':
      case 'nil':
        if (depth === 0) this.printArg(v, verb);
        else this.buf += '<nil>';
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
        else this.badVerb(verb, v);
        return;
      case 'int':
        fmtInteger(this, num(v), verb, v);
        return;
      case 'float':
        fmtFloat(this, num(v), verb, v);
        return;
      case 'string':
        this.fmtString(v as string, verb);
        return;
      case 'slice':
        this.printList(v as unknown[], verb, depth);
        return;
      case 'map':
        this.printMap(v as Record<string, unknown>, verb, depth);
        return;
      case 'struct':
        this.printStruct(v as object, verb, depth);
        return;
      default:
        this.buf += verb === 'v' ? '0xc000000000' : `%!${verb}(${typeName(v)}=0xc000000000)`;
    }
  }

  private printList(items: unknown[], verb: string, depth: number): void {
    if (this.f.sharpV) {
      this.buf += `${typeName(items)}{`;
      items.forEach((e, i) => {
        if (i > 0) this.buf += ', ';
        this.printValue(e, verb, depth + 1);
      });
      this.buf += '}';
      return;
    }
    this.buf += '[';
    items.forEach((e, i) => {
      if (i > 0) this.buf += ' ';
      this.printValue(e, verb, depth + 1);
    });
    this.buf += ']';
  }

  private printMap(m: Record<string, unknown>, verb: string, depth: number): void {
    this.buf += this.f.sharpV ? `${typeName(m)}{` : 'map[';
    mapKeys(m).forEach((k, i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      this.printValue(k, verb, depth + 1);
      this.buf += ':';
      this.printValue(m[k], verb, depth + 1);
    });
    this.buf += this.f.sharpV ? '}' : ']';
  }

  private printStruct(s: object, verb: string, depth: number): void {
    const name = typeName(s);
    if (this.f.sharpV) this.buf += name.startsWith('*') ? `&${name.slice(1)}` : name;
    else if (depth === 0 && name.startsWith('*')) this.buf += '&';
    this.buf += '{';
    structFields(s).forEach(([k, val], i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      if (this.f.plusV || this.f.sharpV) this.buf += `${k}:`;
      this.printValue(val, verb, depth + 1);
    });
    this.buf += '}';
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  private fmtString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case 's':
        this.fmtS(s);
        return;
      case 'q':
        this.fmtQ(s);
        return;
      case 'x':
      case 'X':
        this.fmtSx(s, verb === 'X');
        return;
      default:
        this.badVerb(verb, s);
    }
  }

  private fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) this.pad(`\`${s}\``);
    else this.pad(goQuote(s, this.f.plus));
  }

  private fmtSx(s: string, upper: boolean): void {
    let bytes = [...Buffer.from(s, 'utf8')];
    if (this.f.precPresent && this.f.prec < bytes.length) bytes = bytes.slice(0, this.f.prec);
    const x = upper ? 'X' : 'x';
    let out = '';
    bytes.forEach((b, i) => {
      if (this.f.space && i > 0) out += ' ';
      if (this.f.sharp && (this.f.space || i === 0)) out += `0${x}`;
      const h = b.toString(16).padStart(2, '0');
      out += upper ? h.toUpperCase() : h;
    });
    if (out === '') this.writePadding(this.f.widPresent ? this.f.wid : 0);
    else this.pad(out);
  }
}
