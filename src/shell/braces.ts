import type { Word, WordPart } from './ast.js';

/** An unquoted character (where braces and commas count) or any other part, kept whole. */
type Atom = { ch: string } | { part: WordPart };

function atomsOf(word: Word): Atom[] {
  const out: Atom[] = [];
  for (const part of word.parts) {
    if (part.type === 'lit' && !part.quoted) for (const ch of part.value) out.push({ ch });
    else out.push({ part });
  }
  return out;
}

function wordOf(atoms: Atom[]): Word {
  const parts: WordPart[] = [];
  for (const a of atoms) {
    const last = parts[parts.length - 1];
    if (!('ch' in a)) parts.push(a.part);
    else if (last?.type === 'lit' && !last.quoted) last.value += a.ch;
    else parts.push({ type: 'lit', value: a.ch, quoted: false });
  }
  return { parts };
}

const isCh = (a: Atom | undefined, ch: string): boolean => a !== undefined && 'ch' in a && a.ch === ch;

/** `{1..5}`, `{01..10..2}`, `{a..e}`: the items, or undefined when the text is not a sequence. */
function sequence(inner: Atom[]): string[] | undefined {
  if (!inner.every((a) => 'ch' in a)) return undefined;
  const text = inner.map((a) => (a as { ch: string }).ch).join('');
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text);
  const chars = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?\d+))?$/.exec(text);
  const m = num ?? chars;
  if (!m) return undefined;
  const from = num ? Number(m[1]) : m[1]!.charCodeAt(0);
  const to = num ? Number(m[2]) : m[2]!.charCodeAt(0);
  const step = Math.abs(Number(m[3] ?? 1)) || 1;
  const width = num && /^-?0\d/.test(m[1]!) ? m[1]!.length : 0;
  const out: string[] = [];
  for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
    out.push(num ? String(v).padStart(width, '0') : String.fromCharCode(v));
    if (out.length > 10_000) break;
  }
  return out;
}

function expand(atoms: Atom[]): Atom[][] {
  for (let i = 0; i < atoms.length; i++) {
    if (!isCh(atoms[i], '{')) continue;
    let depth = 0;
    const commas: number[] = [];
    let end = -1;
    for (let j = i; j < atoms.length && end < 0; j++) {
      if (isCh(atoms[j], '{')) depth++;
      else if (isCh(atoms[j], '}') && --depth === 0) end = j;
      else if (isCh(atoms[j], ',') && depth === 1) commas.push(j);
    }
    if (end < 0) return [atoms];
    const prefix = atoms.slice(0, i);
    const suffix = atoms.slice(end + 1);
    let alternatives: Atom[][] | undefined;
    if (commas.length) {
      const bounds = [i, ...commas, end];
      alternatives = bounds.slice(1).map((b, k) => atoms.slice(bounds[k]! + 1, b));
    } else {
      alternatives = sequence(atoms.slice(i + 1, end))?.map((s) => [...s].map((ch) => ({ ch })));
    }
    if (!alternatives) continue;
    return alternatives.flatMap((alt) => expand([...prefix, ...alt, ...suffix]));
  }
  return [atoms];
}

/** bash's brace expansion, before any other: `a{b,c}d` → `abd acd`, `{1..3}` → `1 2 3`. */
export function braceExpand(word: Word): Word[] {
  if (!word.parts.some((p) => p.type === 'lit' && !p.quoted && p.value.includes('{'))) return [word];
  return expand(atomsOf(word)).map(wordOf);
}
