import type { AwkProgram, Stmt } from './ast.js';
import { truth } from './eval.js';
import { execBlock } from './exec.js';
import { RecordReader, splitFields } from './record.js';
import { fromInput, toNum, toStr, type Value } from './values.js';

export class NextSignal {}
export class NextFileSignal {}
export class ExitSignal {
  constructor(readonly code: number) {}
}
export class AwkRuntimeError extends Error {}

/** What the interpreter needs from outside: output, files, randomness. */
export interface AwkHost {
  out(text: string): void;
  err(text: string): void;
  /** The contents of a file for `getline < file` (undefined when it cannot be read). */
  readFile(name: string): string | undefined;
  random(): number;
}

/** A main input: a file's text (or an error to report), or a `var=value` operand. */
export type AwkInput = { name: string; text?: string; error?: string } | { assign: string };

type Frame = Map<string, Value | Map<string, Value>>;

/** The running program: variables, arrays, the current record and its fields. */
export class Interp {
  readonly globals = new Map<string, Value>();
  readonly arrays = new Map<string, Map<string, Value>>();
  readonly frames: Frame[] = [];
  /** Output redirections: file or command → collected text. */
  readonly files = new Map<string, { text: string; append: boolean }>();
  readonly pipes = new Map<string, string>();
  readonly readers = new Map<string, RecordReader>();
  private record = '';
  private fields: Value[] | null = [];
  private current: RecordReader | undefined;
  private inputIndex = 0;
  seed = 0;
  seeded: (() => number) | undefined;

  constructor(
    readonly prog: AwkProgram,
    readonly host: AwkHost,
    readonly inputs: AwkInput[],
  ) {
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', NR: 0, NF: 0, FNR: 0 }))
      this.globals.set(k, v);
    for (const [k, v] of Object.entries({
      SUBSEP: '\x1c',
      CONVFMT: '%.6g',
      OFMT: '%.6g',
      FILENAME: '',
      RSTART: 0,
      RLENGTH: -1,
    })) {
      this.globals.set(k, v);
    }
  }

  get convfmt(): string {
    return toStr(this.globals.get('CONVFMT'));
  }

  str(v: Value): string {
    return toStr(v, this.convfmt);
  }

  /** Variable lookup: function locals first, then globals (NF is computed from the record). */
  getVar(name: string): Value {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.has(name)) {
      const v = frame.get(name);
      return v instanceof Map ? undefined : v;
    }
    if (name === 'NF') return this.splitRecord().length;
    return this.globals.get(name);
  }

  setVar(name: string, v: Value): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.has(name)) {
      frame.set(name, v);
      return;
    }
    if (name === 'NF') {
      this.setNF(Math.max(0, Math.trunc(toNum(v))));
      return;
    }
    this.globals.set(name, v);
  }

  /** The array a name denotes (created on first use; locals may alias the caller's arrays). */
  getArray(name: string): Map<string, Value> {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.has(name)) {
      let v = frame.get(name);
      if (!(v instanceof Map)) {
        v = new Map();
        frame.set(name, v);
      }
      return v;
    }
    let arr = this.arrays.get(name);
    if (!arr) {
      arr = new Map();
      this.arrays.set(name, arr);
    }
    return arr;
  }

  isArrayName(name: string): boolean {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.has(name)) return frame.get(name) instanceof Map;
    return this.arrays.has(name);
  }

  setRecord(text: string): void {
    this.record = text;
    this.fields = null;
  }

  private splitRecord(): Value[] {
    if (!this.fields) this.fields = splitFields(this.record, toStr(this.globals.get('FS'))).map(fromInput);
    return this.fields;
  }

  getField(i: number): Value {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    if (i === 0) return fromInput(this.record);
    return this.splitRecord()[i - 1];
  }

  setField(i: number, v: Value): void {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    if (i === 0) {
      this.setRecord(this.str(v));
      return;
    }
    const fields = this.splitRecord();
    while (fields.length < i) fields.push('');
    fields[i - 1] = v;
    this.rebuild();
  }

  private setNF(n: number): void {
    const fields = this.splitRecord();
    fields.length = Math.min(fields.length, n);
    while (fields.length < n) fields.push('');
    this.rebuild();
  }

  private rebuild(): void {
    const fields = this.fields ?? [];
    this.record = fields.map((f) => this.str(f)).join(toStr(this.globals.get('OFS')));
  }

  /** The next main-input record (for the rule loop and plain `getline`). */
  nextRecord(): string | undefined {
    for (;;) {
      if (!this.current) {
        const input = this.inputs[this.inputIndex++];
        if (!input) return undefined;
        if ('assign' in input) {
          const eq = input.assign.indexOf('=');
          this.setVar(input.assign.slice(0, eq), fromInput(input.assign.slice(eq + 1)));
          continue;
        }
        if (input.error !== undefined) throw new AwkRuntimeError(input.error);
        this.current = new RecordReader(input.name, input.text ?? '');
        this.globals.set('FILENAME', input.name === '-' ? '' : input.name);
        this.globals.set('FNR', 0);
      }
      const rec = this.current.next(toStr(this.globals.get('RS')));
      if (rec === undefined) {
        this.current = undefined;
        continue;
      }
      this.globals.set('NR', toNum(this.globals.get('NR')) + 1);
      this.globals.set('FNR', toNum(this.globals.get('FNR')) + 1);
      return rec;
    }
  }

  skipFile(): void {
    this.current = undefined;
  }

  /** Runs BEGIN, the rules over every record, then END; returns the exit status. */
  run(): number {
    const { prog } = this;
    let code = 0;
    let exited = false;
    try {
      for (const b of prog.begin) execBlock(this, b);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      code = e.code;
      exited = true;
    }
    const needInput = prog.rules.length > 0 || prog.end.length > 0;
    const active = new Set<number>();
    try {
      while (!exited && needInput) {
        const rec = this.nextRecord();
        if (rec === undefined) break;
        this.setRecord(rec);
        try {
          prog.rules.forEach((rule, idx) => {
            this.applyRule(rule, idx, active);
          });
        } catch (e) {
          if (e instanceof NextFileSignal) this.skipFile();
          else if (!(e instanceof NextSignal)) throw e;
        }
      }
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      code = e.code;
    }
    try {
      for (const b of prog.end) execBlock(this, b);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      code = e.code;
    }
    return code;
  }

  private applyRule(rule: AwkProgram['rules'][number], idx: number, active: Set<number>): void {
    let selected: boolean;
    if (rule.range) {
      if (active.has(idx)) {
        selected = true;
        if (truth(this, rule.range[1])) active.delete(idx);
      } else if (truth(this, rule.range[0])) {
        selected = true;
        if (!truth(this, rule.range[1])) active.add(idx);
      } else selected = false;
    } else selected = rule.pattern ? truth(this, rule.pattern) : true;
    if (!selected) return;
    const body: Stmt[] = rule.body ?? [{ k: 'print', args: [] }];
    execBlock(this, body);
  }
}
