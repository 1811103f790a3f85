/**
 * Go's template parser, second half: text, actions and control structures (if, range, with, define,
 * template, block, break, continue), failing with Go's messages (`template: :1: unexpected {{end}}`).
 */
import { type Item, Lexer } from './lexer.js';
import type { BranchNode, DelimNode, ListNode, Node, PipeNode, TemplateNode } from './nodes.js';
import { type ParseContext, PipelineParser } from './parse-pipeline.js';
import { goQuote } from './quote.js';

export type { ParseContext, TreeSet } from './parse-pipeline.js';

function isEmptyTree(n: Node): boolean {
  if (n.type === 'list') return n.nodes.every(isEmptyTree);
  return n.type === 'text' && n.text.trim() === '';
}

export class Parser extends PipelineParser {
  private rangeDepth = 0;

  constructor(
    ctx: ParseContext,
    lex: Lexer,
    private treeName: string,
  ) {
    super(ctx, lex);
  }

  static lexerFor(text: string, ctx: ParseContext): Lexer {
    return new Lexer(text, { breakOK: !ctx.hasFunction('break'), continueOK: !ctx.hasFunction('continue') });
  }

  private add(root: ListNode): void {
    const old = this.ctx.trees.get(this.treeName);
    if (!old || isEmptyTree(old)) {
      this.ctx.trees.set(this.treeName, root);
      return;
    }
    if (!isEmptyTree(root))
      this.errorf(`template: multiple definition of template ${goQuote(this.treeName)}`);
  }

  // --- grammar ------------------------------------------------------------

  /** The whole input: text and actions, with {{define}} blocks set aside. */
  parseTop(): void {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().type === 'define') {
          new Parser(this.ctx, this.lex, 'definition').parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected {{${n.type}}}`);
      root.nodes.push(n);
    }
    this.add(root);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.nextNonSpace();
    if (name.type !== 'string' && name.type !== 'rawString') this.unexpected(name, context);
    this.treeName = this.unquote(name.val);
    this.expect('rightDelim', context);
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.errorf(`unexpected {{${end.type}}} in ${context}`);
    this.add(list);
  }

  private itemList(): [ListNode, DelimNode] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    return this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'text':
        return { type: 'text', pos: t.pos, text: t.val };
      case 'leftDelim':
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      default:
        return this.unexpected(t, 'input');
    }
  }

  private action(): Node {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue':
        return this.loopControl(t);
      case 'else':
        return this.elseControl();
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos, line: t.line };
      case 'if':
      case 'range':
      case 'with':
        return this.control(t.type);
      case 'template':
        return this.templateControl();
    }
    this.backup();
    const first = this.peek();
    return { type: 'action', pos: first.pos, line: first.line, pipe: this.pipeline('command', 'rightDelim') };
  }

  private loopControl(t: Item): Node {
    const word = t.type as 'break' | 'continue';
    const next = this.nextNonSpace();
    if (next.type !== 'rightDelim') this.unexpected(next, `{{${word}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
    return { type: word, pos: t.pos, line: t.line };
  }

  private elseControl(): DelimNode {
    const peek = this.peekNonSpace();
    // "{{else if …" and "{{else with …" leave the keyword for the enclosing control to read.
    if (peek.type === 'if' || peek.type === 'with') return { type: 'else', pos: peek.pos, line: peek.line };
    const t = this.expect('rightDelim', 'else');
    return { type: 'else', pos: t.pos, line: t.line };
  }

  private control(kind: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(kind, 'rightDelim');
      if (kind === 'range') this.rangeDepth++;
      let list: ListNode;
      let next: DelimNode;
      try {
        [list, next] = this.itemList();
      } finally {
        if (kind === 'range') this.rangeDepth--;
      }
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        const chained = kind !== 'range' ? this.peek().type : undefined;
        if (chained === kind) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.control(kind)] };
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found {{${next.type}}}`);
        }
      }
      return { type: kind, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private templateName(t: Item, context: string): string {
    if (t.type !== 'string' && t.type !== 'rawString') this.unexpected(t, context);
    return this.unquote(t.val);
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: t.pos, line: t.line, name, pipe };
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const block = new Parser(this.ctx, this.lex, name);
    const [list, end] = block.itemList();
    if (end.type !== 'end') this.errorf(`unexpected {{${end.type}}} in ${context}`);
    block.add(list);
    return { type: 'template', pos: t.pos, line: t.line, name, pipe };
  }
}
