/**
 * Usage texts. BusyBox answers a usage mistake with its banner, the applet's usage line and
 * its one-line description (the option list that follows in a real build is left out here);
 * GNU tools answer `--help` with their usage line and description.
 */
export const BUSYBOX_BANNER = 'BusyBox v1.36.1 (2024-06-10 08:59:51 UTC) multi-call binary.';

const BUSYBOX: Record<string, [string, string]> = {
  ls: ['[-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...', 'List directory contents'],
  cat: ['[-nbvteA] [FILE]...', 'Print FILEs to stdout'],
  echo: ['[-neE] [ARG]...', 'Print ARGs to stdout'],
  printf: ['FORMAT [ARG]...', 'Format and print ARG(s) according to FORMAT (a-la C printf)'],
  mkdir: ['[-m MODE] [-p] DIRECTORY...', 'Create DIRECTORY'],
  rmdir: ['[-p] DIRECTORY...', 'Remove DIRECTORY if it is empty'],
  rm: ['[-irf] FILE...', 'Remove (unlink) FILEs'],
  cp: [
    '[-arPLHpfinlsTu] SOURCE DEST\nor: cp [-arPLHpfinlsu] SOURCE... { -t DIRECTORY | DIRECTORY }',
    'Copy SOURCEs to DEST',
  ],
  mv: [
    '[-finT] SOURCE DEST\nor: mv [-fin] SOURCE... { -t DIRECTORY | DIRECTORY }',
    'Rename SOURCE to DEST, or move SOURCEs to DIRECTORY',
  ],
  touch: ['[-cham] [-d DATE] [-t DATE] [-r FILE] FILE...', 'Update mtime of FILEs'],
  ln: [
    '[-sfnbtv] [-S SUF] TARGET... LINK|DIR',
    'Create a link LINK or DIR/TARGET to the specified TARGET(s)',
  ],
  chmod: [
    '[-Rcvf] MODE[,MODE]... FILE...',
    'MODE is octal number (bit pattern sstrwxrwxrwx) or [ugoa]{+|-|=}[rwxXst]',
  ],
  chown: ['[-RhLHPcvf]... USER[:[GRP]] FILE...', 'Change the owner and/or group of FILEs to USER and/or GRP'],
  find: ['[-HL] [PATH]... [OPTIONS] [ACTIONS]', 'Search for files and perform actions on them.'],
  grep: [
    '[-HhnlLoqvsrRiwFExz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...',
    'Search for PATTERN in FILEs (or stdin)',
  ],
  sed: [
    '[-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...',
    '\t-e CMD\tAdd CMD to sed commands to be executed',
  ],
  awk: ['[OPTIONS] [AWK_PROGRAM] [FILE]...', '\t-v VAR=VAL\tSet variable'],
  head: ['[OPTIONS] [FILE]...', 'Print first 10 lines of FILEs (or stdin).'],
  tail: ['[OPTIONS] [FILE]...', 'Print last 10 lines of FILEs (or stdin) to.'],
  wc: ['[-cmlwL] [FILE]...', 'Count lines, words, and bytes for FILEs (or stdin)'],
  sort: [
    '[-nrughMcszbdfiokt] [-o FILE] [-k START[.OFS][OPTS][,END[.OFS][OPTS]] [-t CHAR] [FILE]...',
    'Sort lines of text',
  ],
  uniq: ['[-cduiz] [-f,s,w N] [FILE [OUTFILE]]', 'Discard duplicate lines'],
  cut: ['[OPTIONS] [FILE]...', 'Print selected fields from FILEs to stdout'],
  tr: ['[-cds] STRING1 [STRING2]', 'Translate, squeeze, or delete characters from stdin, writing to stdout'],
  tee: ['[-ai] [FILE]...', 'Copy stdin to each FILE, and also to stdout'],
  seq: ['[-w] [-s SEP] [FIRST [INC]] LAST', 'Print numbers from FIRST to LAST, in steps of INC.'],
  shuf: ['[-n NUM] [-o FILE] [-z] [FILE | -e [ARG...] | -i L-H]', 'Randomly permute lines'],
  base64: ['[-d] [-w COL] [FILE]', 'Base64 encode or decode FILE to standard output'],
  md5sum: ['[-c[sw]] [FILE]...', 'Print or check MD5 checksums'],
  sha1sum: ['[-c[sw]] [FILE]...', 'Print or check SHA1 checksums'],
  sha256sum: ['[-c[sw]] [FILE]...', 'Print or check SHA256 checksums'],
  basename: ['FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...', 'Strip directory path and SUFFIX from FILE'],
  dirname: ['FILENAME', 'Strip non-directory suffix from FILENAME'],
  pwd: ['', 'Print the full filename of the current working directory'],
  stat: ['[-ltf] [-c FMT] FILE...', 'Display file (default) or filesystem status'],
  du: ['[-aHLdclsxhmk] [FILE]...', 'Summarize disk space used for FILEs (or directories)'],
  df: ['[-PkmhT] [-t TYPE] [FILESYSTEM]...', 'Print filesystem usage statistics'],
  which: ['[-a] COMMAND...', 'Locate COMMAND'],
  readlink: ['[-fnv] FILE', 'Display the value of a symlink'],
  realpath: ['FILE...', 'Print absolute pathnames of FILEs'],
  yes: ['[STRING]', "Repeatedly print a line with STRING, or 'y'"],
  xargs: ['[OPTIONS] [PROG ARGS]', 'Run PROG on every item given by stdin'],
  tar: [
    'c|x|t [-ZzJjahmvokO] [-f TARFILE] [-C DIR] [-T FILE] [-X FILE] [LONGOPT]... [FILE]...',
    'Create, extract, or list files from a tar file',
  ],
};

export function busyboxUsage(applet: string): string {
  const [trivial, full] = BUSYBOX[applet] ?? ['', ''];
  const usage = trivial ? `Usage: ${applet} ${trivial}` : `Usage: ${applet}`;
  return `${BUSYBOX_BANNER}\n\n${usage}\n\n${full}\n`;
}

const GNU: Record<string, [string, string]> = {
  ls: ['[OPTION]... [FILE]...', 'List information about the FILEs (the current directory by default).'],
  cat: ['[OPTION]... [FILE]...', 'Concatenate FILE(s) to standard output.'],
  mkdir: ['[OPTION]... DIRECTORY...', 'Create the DIRECTORY(ies), if they do not already exist.'],
  rmdir: ['[OPTION]... DIRECTORY...', 'Remove the DIRECTORY(ies), if they are empty.'],
  rm: ['[OPTION]... [FILE]...', 'Remove (unlink) the FILE(s).'],
  cp: ['[OPTION]... [-T] SOURCE DEST', 'Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.'],
  mv: ['[OPTION]... [-T] SOURCE DEST', 'Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.'],
  touch: [
    '[OPTION]... FILE...',
    'Update the access and modification times of each FILE to the current time.',
  ],
  ln: ['[OPTION]... [-T] TARGET LINK_NAME', 'Create links to TARGET.'],
  chmod: ['[OPTION]... MODE[,MODE]... FILE...', 'Change the mode of each FILE to MODE.'],
  chown: [
    '[OPTION]... [OWNER][:[GROUP]] FILE...',
    'Change the owner and/or group of each FILE to OWNER and/or GROUP.',
  ],
  grep: ['[OPTION]... PATTERNS [FILE]...', 'Search for PATTERNS in each FILE.'],
  head: ['[OPTION]... [FILE]...', 'Print the first 10 lines of each FILE to standard output.'],
  tail: ['[OPTION]... [FILE]...', 'Print the last 10 lines of each FILE to standard output.'],
  wc: ['[OPTION]... [FILE]...', 'Print newline, word, and byte counts for each FILE, and a total line if'],
  sort: ['[OPTION]... [FILE]...', 'Write sorted concatenation of all FILE(s) to standard output.'],
  uniq: ['[OPTION]... [INPUT [OUTPUT]]', 'Filter adjacent matching lines from INPUT (or standard input),'],
  cut: ['OPTION... [FILE]...', 'Print selected parts of lines from each FILE to standard output.'],
  tr: ['[OPTION]... STRING1 [STRING2]', 'Translate, squeeze, and/or delete characters from standard input,'],
  tee: ['[OPTION]... [FILE]...', 'Copy standard input to each FILE, and also to standard output.'],
  seq: ['[OPTION]... LAST', 'Print numbers from FIRST to LAST, in steps of INCREMENT.'],
  shuf: ['[OPTION]... [FILE]', 'Write a random permutation of the input lines to standard output.'],
  base64: ['[OPTION]... [FILE]', 'Base64 encode or decode FILE, or standard input, to standard output.'],
  md5sum: ['[OPTION]... [FILE]...', 'Print or check MD5 (128-bit) checksums.'],
  sha1sum: ['[OPTION]... [FILE]...', 'Print or check SHA1 (160-bit) checksums.'],
  sha256sum: ['[OPTION]... [FILE]...', 'Print or check SHA256 (256-bit) checksums.'],
  basename: ['NAME [SUFFIX]', 'Print NAME with any leading directory components removed.'],
  dirname: ['[OPTION] NAME...', 'Output each NAME with its last non-slash component and trailing slashes'],
  pwd: ['[OPTION]...', 'Print the full filename of the current working directory.'],
  stat: ['[OPTION]... FILE...', 'Display file or file system status.'],
  du: ['[OPTION]... [FILE]...', 'Summarize device usage of the set of FILEs, recursively for directories.'],
  df: ['[OPTION]... [FILE]...', 'Show information about the file system on which each FILE resides,'],
  readlink: ['[OPTION]... FILE...', 'Print value of a symbolic link or canonical file name'],
  realpath: ['[OPTION]... FILE...', 'Print the resolved absolute file name;'],
  yes: ['[STRING]...', "Repeatedly output a line with all specified STRING(s), or 'y'."],
  xargs: [
    '[OPTION]... COMMAND [INITIAL-ARGS]...',
    'Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.',
  ],
  find: ['[-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]', ''],
  sed: ['[OPTION]... {script-only-if-no-other-script} [input-file]...', ''],
  tar: [
    '[OPTION...] [FILE]...',
    "GNU 'tar' saves many files together into a single tape or disk archive, and can",
  ],
  printf: ['FORMAT [ARGUMENT]...', 'Print ARGUMENT(s) according to FORMAT, or execute according to OPTION:'],
  echo: ['[SHORT-OPTION]... [STRING]...', 'Echo the STRING(s) to standard output.'],
};

export function gnuHelp(applet: string, name: string): string {
  const [usage, description] = GNU[applet] ?? ['[OPTION]...', ''];
  return `Usage: ${name} ${usage}\n${description ? `${description}\n` : ''}`;
}
