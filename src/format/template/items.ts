/** The tokens of Go's template lexer, and how the parser's messages print them. */
import { goQuote } from './quote.js';

const KEYWORD_LIST = [
  'block',
  'break',
  'continue',
  'dot',
  'define',
  'else',
  'end',
  'if',
  'range',
  'nil',
  'template',
  'with',
] as const;

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  | (typeof KEYWORD_LIST)[number];

export interface Item {
  type: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS = new Set<ItemType>(KEYWORD_LIST);

/** The keyword a word is, if any (`.` is lexed separately). */
export function keywordOf(word: string): ItemType | undefined {
  return word !== 'dot' && KEYWORDS.has(word as ItemType) ? (word as ItemType) : undefined;
}

/** Go's item.String(), used in "unexpected X in Y" messages. */
export function itemString(i: Item): string {
  if (i.type === 'eof') return 'EOF';
  if (i.type === 'error') return i.val;
  if (KEYWORDS.has(i.type)) return `<${i.val}>`;
  const runes = Array.from(i.val);
  if (runes.length > 10) return `${goQuote(runes.slice(0, 10).join(''))}...`;
  return goQuote(i.val);
}

export const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\r' || c === '\n';
export const isAlnum = (c: string | undefined): boolean => c !== undefined && /^[\p{L}\p{Nd}_]$/u.test(c);

/** Go's %#U: `U+007D '}'`, without the character when it is not printable. */
export function runeDesc(c: string): string {
  const cp = c.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return c !== ' ' && /[\p{C}\p{Z}]/u.test(c) ? hex : `${hex} '${c}'`;
}
