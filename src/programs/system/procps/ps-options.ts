import { splitList } from '../common/text.js';

/** What `ps`'s command line asks for, once parsed (see ps-args.ts). */
export type ListKind = 'pid' | 'ppid' | 'comm' | 'euser' | 'ruser' | 'tty' | 'sid' | 'pgrp' | 'group';

export interface FormatSpec {
  key: string;
  header?: string;
  width?: number;
}

export interface PsOptions {
  all: boolean;
  simple: Set<'-a' | '-d' | 'a' | 'x' | 'g'>;
  lists: { kind: ListKind; values: string[] }[];
  negate: boolean;
  running: boolean;
  thisTty: boolean;
  format: FormatSpec[] | undefined;
  /** `-O`/`O`: a format added to the default columns. */
  extraFormat: FormatSpec[] | undefined;
  flags: Set<string>;
  forest: 'ascii' | 'indent' | undefined;
  headers: boolean;
  wide: number;
  cols: number | undefined;
  preferBsd: boolean;
  threads: 'L' | 'T' | 'H' | 'm' | undefined;
  sort: { key: string; desc: boolean }[];
  /** BSD `c`: command columns show the short name. */
  bsdC: boolean;
  help?: string;
  version?: boolean;
}

export type ParseResult = PsOptions | { error: string };

export function fresh(): PsOptions {
  return {
    all: false,
    simple: new Set(),
    lists: [],
    negate: false,
    running: false,
    thisTty: false,
    format: undefined,
    extraFormat: undefined,
    flags: new Set(),
    forest: undefined,
    headers: true,
    wide: 0,
    cols: undefined,
    preferBsd: false,
    threads: undefined,
    sort: [],
    bsdC: false,
  };
}

/** `pid,user:20,comm=NAME` → specs; a header runs to the end of its item. */
export function parseFormat(text: string): FormatSpec[] | string {
  const items = text.split(/[,\s]+/).filter(Boolean);
  if (items.length === 0) return 'empty format list';
  const out: FormatSpec[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    let key = eq < 0 ? item : item.slice(0, eq);
    const header = eq < 0 ? undefined : item.slice(eq + 1);
    let width: number | undefined;
    const colon = key.indexOf(':');
    if (colon >= 0) {
      const w = key.slice(colon + 1);
      if (!/^[1-9]\d*$/.test(w)) return 'column widths must be unsigned decimal numbers';
      width = Number(w);
      key = key.slice(0, colon);
    }
    out.push({ key, header, width });
  }
  return out;
}

export function parseSort(o: PsOptions, text: string): string | undefined {
  for (const item of splitList(text)) {
    const desc = item.startsWith('-');
    const key = item.replace(/^[-+]/, '');
    if (!key) return 'improper sort list';
    o.sort.push({ key, desc });
  }
  return undefined;
}
