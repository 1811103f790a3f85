/**
 * Row contexts in the style of docker's formatter package: one object per row whose getters are the
 * placeholders (`{{.ID}}`, `{{.Names}}`), plus the header object a table's first row is rendered from.
 */
import { GO_MAP_TYPE, GO_TYPE, goJSON, jsonString, MARSHAL_JSON, withSignature } from './template/index.js';

/** `{{.Label "com.example.app-name"}}` → header `app name`: last dotted part, `-` and `_` as spaces. */
export function deriveHeader(name: string): string {
  const parts = name.split('.');
  return parts[parts.length - 1]!.replace(/[-_]/g, ' ');
}

/** Placeholder names of a row context: its exported getters and zero-argument methods, sorted. */
function placeholderNames(obj: object): string[] {
  const names = new Set<string>();
  for (let p = Object.getPrototypeOf(obj); p && p !== RowContext.prototype; p = Object.getPrototypeOf(p)) {
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) {
      if (!/^\p{Lu}/u.test(name)) continue;
      if (d.get || (typeof d.value === 'function' && d.value.length === 0)) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * Base class of a row context. Subclasses define getters named like docker's placeholders, and
 * methods with arguments (`Label(name)`) where docker has them. The type name shows in Go's error
 * `can't evaluate field Bogus in type *formatter.ContainerContext`.
 */
export abstract class RowContext {
  declare readonly [GO_TYPE]: string;

  constructor(typeName: string) {
    Object.defineProperty(this, GO_TYPE, { value: typeName, enumerable: false });
  }

  /**
   * `{{json .}}`: every placeholder without arguments, keys sorted, values as the table shows them;
   * `<`, `>`, `&` are escaped as \u003c… because docker marshals the row with json.Marshal.
   */
  [MARSHAL_JSON](): string {
    const self = this as unknown as Record<string, unknown>;
    const parts = placeholderNames(this).map((name) => {
      const v = self[name];
      const value = typeof v === 'function' ? (v as () => unknown).call(this) : v;
      return `${jsonString(name, true)}:${goJSON(value, true)}`;
    });
    return `{${parts.join(',')}}`;
  }
}

/**
 * The object a table header is rendered from (docker's SubHeaderContext, a map): each placeholder
 * resolves to its header text, and `.Label "x.y-z"` to the derived header `y z`.
 */
export function headerContext(headers: Record<string, string>): Record<string, unknown> {
  const h: Record<string | symbol, unknown> = { ...headers };
  Object.defineProperty(h, GO_MAP_TYPE, { value: 'formatter.SubHeaderContext', enumerable: false });
  Object.defineProperty(h, 'Label', {
    value: withSignature({ params: ['string'] }, (name: string) => deriveHeader(name)),
    enumerable: false,
  });
  return h as Record<string, unknown>;
}
