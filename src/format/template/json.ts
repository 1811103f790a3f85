/**
 * Go's encoding/json output for template values: compact, map keys sorted, struct fields in order,
 * `\u2028`/`\u2029` always escaped, `<`, `>`, `&` escaped only when asked (json.Marshal does, docker's
 * `json` template function does not).
 */
import { formatFloat } from '../gofloat.js';
import { kindOf, MARSHAL_JSON, mapKeys, num, structFields } from './values.js';

const SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A Go JSON string literal. */
export function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const short = SHORT[ch];
    if (short) out += short;
    else if (cp < 0x20) out += `\\u00${cp.toString(16).padStart(2, '0')}`;
    else if (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) out += `\\u00${cp.toString(16)}`;
    else if (cp === 0x2028 || cp === 0x2029) out += `\\u${cp.toString(16)}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

/** How Go writes a float64 in JSON: plain digits unless very large or small. */
function jsonFloat(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`json: unsupported value: ${formatFloat(x, 'g', -1)}`);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    // Go prints e-07 as e-7 in JSON.
    return formatFloat(x, 'e', -1).replace(/e([+-])0(\d)$/, 'e$1$2');
  }
  return formatFloat(x, 'f', -1);
}

/** Encodes a value as compact Go JSON; throws Error (Go's error text) for NaN or Inf. */
export function goJSON(v: unknown, escapeHTML = false): string {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
    case 'func':
      return 'null';
    case 'string':
      return jsonString(v as string, escapeHTML);
    case 'bool':
      return v ? 'true' : 'false';
    case 'int':
      return String(num(v));
    case 'float':
      return jsonFloat(num(v));
    case 'slice':
      return `[${(v as unknown[]).map((e) => goJSON(e, escapeHTML)).join(',')}]`;
    case 'map': {
      const m = v as Record<string, unknown>;
      return `{${mapKeys(m)
        .map((k) => `${jsonString(k, escapeHTML)}:${goJSON(m[k], escapeHTML)}`)
        .join(',')}}`;
    }
    default: {
      const custom = (v as { [MARSHAL_JSON]?: () => string })[MARSHAL_JSON];
      if (typeof custom === 'function') return custom.call(v);
      const fields = structFields(v as object).filter(([, val]) => val !== undefined);
      return `{${fields.map(([k, val]) => `${jsonString(k, escapeHTML)}:${goJSON(val, escapeHTML)}`).join(',')}}`;
    }
  }
}
