/**
 * apt's SizeToStr in the C locale Docker containers run with: 9490 B, 34.4 kB, 2815 kB, 15.7 MB
 * (decimal units, no thousands separator).
 */
export function sizeToStr(bytes: number): string {
  const ext = ['', 'k', 'M', 'G', 'T'];
  let size = bytes;
  for (let i = 0; i < ext.length; i++) {
    if (size < 100 && i > 0) return `${size.toFixed(1)} ${ext[i]}`;
    if (size < 10000) return `${Math.round(size)} ${ext[i]}`;
    size /= 1000;
  }
  return `${Math.round(size)} P`;
}

/** apt's word lists: two spaces of indent, wrapped before a line would reach 79 columns. */
export function showList(title: string, words: string[]): string {
  if (words.length === 0) return '';
  const lines: string[] = [];
  let line = ' ';
  for (const w of words) {
    if (line.length + 1 + w.length >= 79 && line.trim()) {
      lines.push(line);
      line = ' ';
    }
    line += ` ${w}`;
  }
  lines.push(line);
  return `${title}\n${lines.join('\n')}\n`;
}

export function readingLists(tty: boolean): string {
  const done = tty ? ' Done' : '';
  return `Reading package lists...${done}\nBuilding dependency tree...${done}\nReading state information...${done}\n`;
}

/** Seconds as apt's TimeToStr prints them: `0s`, `12s`, `1min 5s`. */
export function timeToStr(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}min ${s % 60}s`;
}

/** The archive file name apt hands dpkg: the epoch's colon is escaped (`1%3a2.39.2-1.1`). */
export function debFile(name: string, version: string, arch: string): string {
  return `${name}_${version.replace(':', '%3a')}_${arch}.deb`;
}

export const APT_WARNING =
  '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n';
