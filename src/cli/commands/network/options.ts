import { FlagValueError, list } from '../../spec.js';

/** `key=value` flags (`--label`, `-o`, `--aux-address`) into a map; a bare key maps to ''. */
export function keyValues(values: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    out[eq < 0 ? v : v.slice(0, eq)] = eq < 0 ? '' : v.slice(eq + 1);
  }
  return out;
}

/** A `map` flag as pflag shows it (`-o, --opt map … (default map[])`). */
export function mapFlag(long: string, short: string | undefined, help: string) {
  return list(long, short, help, {
    typeName: 'map',
    defaultText: 'map[]',
    parse: (raw) => {
      if (!raw.includes('=')) throw new FlagValueError(`bad format for ${long}: ${raw}`);
      return raw;
    },
  });
}

/** Go's `%v` of a string list for "strings" flags. */
export const strings = (long: string, short: string | undefined, help: string) =>
  list(long, short, help, { typeName: 'strings' });
