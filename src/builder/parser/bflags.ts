import { withSuggestion } from './suggest.js';

/**
 * The `--name=value` flags of an instruction (`COPY --from=build`, `RUN --mount=…`), checked as
 * BuildKit checks them. Each instruction declares the flags it knows; anything else is an error.
 */
type FlagType = 'bool' | 'string' | 'strings';

export class InstructionFlags {
  private readonly types = new Map<string, FlagType>();
  private readonly values = new Map<string, string[]>();

  constructor(private readonly args: readonly string[]) {}

  declare(name: string, type: FlagType): this {
    this.types.set(name, type);
    return this;
  }

  parse(): this {
    for (const a of this.args) {
      if (a === '--') break;
      if (!a.startsWith('--')) throw new Error(`arg should start with -- : ${a}`);
      const eq = a.indexOf('=');
      const flagName = eq < 0 ? a : a.slice(0, eq);
      const hasValue = eq >= 0;
      const value = hasValue ? a.slice(eq + 1) : '';
      const name = flagName.slice(2);
      const type = this.types.get(name);
      if (!type) {
        throw new Error(
          withSuggestion(`unknown flag: ${flagName}`, name, [...this.types.keys()].sort(), true),
        );
      }
      if (this.values.has(name) && type !== 'strings')
        throw new Error(`duplicate flag specified: ${flagName}`);
      if (type === 'bool') {
        if (hasValue && value === '') throw new Error(`missing a value on flag: ${flagName}`);
        const lower = value.toLowerCase();
        if (lower !== 'true' && lower !== '' && lower !== 'false') {
          throw new Error(`expecting boolean value for flag ${flagName}, not: ${value}`);
        }
        this.values.set(name, [lower === 'false' ? 'false' : 'true']);
        continue;
      }
      if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
      this.values.set(name, [...(this.values.get(name) ?? []), value]);
    }
    return this;
  }

  string(name: string): string | undefined {
    const v = this.values.get(name);
    return v && v[0] !== '' ? v[0] : undefined;
  }

  bool(name: string): boolean {
    return this.values.get(name)?.[0] === 'true';
  }

  strings(name: string): string[] {
    return this.values.get(name) ?? [];
  }
}
