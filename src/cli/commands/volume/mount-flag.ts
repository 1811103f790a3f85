import * as path from 'node:path';
import type { MountSpec } from '../../../api/containers.js';
import { parseMemoryBytes } from '../../../format/size.js';
import { FlagValueError, parseGoBool } from '../../spec.js';

const BARE = ['readonly', 'ro', 'volume-nocopy', 'bind-nonrecursive'];

/** A CSV record as Go's encoding/csv reads one line (quotes group commas). */
function csvFields(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"') {
      if (quoted && value[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function boolValue(key: string, val: string | undefined): boolean {
  if (val === undefined) return true;
  try {
    return parseGoBool(val);
  } catch {
    throw new FlagValueError(`invalid value for ${key}: ${val}`);
  }
}

/** `--mount type=bind,source=./src,target=/app,readonly` as the docker client parses it. */
export function parseMountFlag(raw: string, cwd: string): MountSpec {
  // The type is the daemon's to check (`mount type unknown`); the client passes any word on.
  const m = { Type: 'volume', Source: '', Target: '' } as Omit<MountSpec, 'Type'> & { Type: string };
  const volume = (): NonNullable<MountSpec['VolumeOptions']> => {
    m.VolumeOptions ??= {};
    return m.VolumeOptions;
  };
  for (const field of csvFields(raw)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? undefined : field.slice(eq + 1);
    if (val === undefined && !BARE.includes(key))
      throw new FlagValueError(`invalid field '${field}' must be a key=value pair`);
    switch (key) {
      case 'type':
        m.Type = (val ?? '').toLowerCase();
        break;
      case 'source':
      case 'src':
        m.Source =
          val === '.' || val?.startsWith('./') || val?.startsWith('../')
            ? path.resolve(cwd, val)
            : (val ?? '');
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.Target = val ?? '';
        break;
      case 'readonly':
      case 'ro':
        m.ReadOnly = boolValue(key, val);
        break;
      case 'volume-nocopy':
        volume().NoCopy = boolValue(key, val);
        break;
      case 'volume-label': {
        const [k, v = ''] = (val ?? '').split('=');
        volume().Labels = { ...(volume().Labels ?? {}), [k!]: v };
        break;
      }
      case 'volume-driver':
        volume().DriverConfig = { ...(volume().DriverConfig ?? {}), Name: val ?? '' };
        break;
      case 'volume-opt': {
        const e = (val ?? '').indexOf('=');
        if (e < 0) throw new FlagValueError(`invalid value for ${key}: ${val}`);
        const dc = volume().DriverConfig ?? {};
        dc.Options = { ...(dc.Options ?? {}), [val!.slice(0, e)]: val!.slice(e + 1) };
        volume().DriverConfig = dc;
        break;
      }
      case 'bind-propagation':
        m.BindOptions = { ...(m.BindOptions ?? {}), Propagation: (val ?? '').toLowerCase() };
        break;
      case 'bind-nonrecursive':
      case 'bind-recursive':
      case 'consistency':
        break;
      case 'tmpfs-size':
        try {
          m.TmpfsOptions = { ...(m.TmpfsOptions ?? {}), SizeBytes: parseMemoryBytes(val ?? '') };
        } catch {
          throw new FlagValueError(`invalid value for ${key}: ${val}`);
        }
        break;
      case 'tmpfs-mode':
        if (!/^[0-7]+$/.test(val ?? '')) throw new FlagValueError(`invalid value for ${key}: ${val}`);
        m.TmpfsOptions = { ...(m.TmpfsOptions ?? {}), Mode: Number.parseInt(val!, 8) };
        break;
      default:
        throw new FlagValueError(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (!m.Type) throw new FlagValueError('type is required');
  if (!m.Target) throw new FlagValueError('target is required');
  if (m.VolumeOptions && m.Type !== 'volume')
    throw new FlagValueError(`cannot mix 'volume-*' options with mount type '${m.Type}'`);
  if (m.BindOptions && m.Type !== 'bind')
    throw new FlagValueError(`cannot mix 'bind-*' options with mount type '${m.Type}'`);
  if (m.TmpfsOptions && m.Type !== 'tmpfs')
    throw new FlagValueError(`cannot mix 'tmpfs-*' options with mount type '${m.Type}'`);
  return m as MountSpec;
}

/**
 * `-v` values as the client sorts them: `SRC:DST[:MODE]` goes to Binds (a source starting with
 * `.` made absolute against the working folder), a bare `/path` is an anonymous volume of the
 * container's config. Returns the message of docker's `invalid spec` error for a bad one.
 */
export function splitVolumeFlags(
  values: string[],
  cwd: string,
): { binds: string[]; volumes: Record<string, Record<string, never>> } | { error: string } {
  const binds: string[] = [];
  const volumes: Record<string, Record<string, never>> = {};
  for (const v of values) {
    const parts = v.split(':');
    if (parts.some((p) => p === '')) return { error: `invalid spec: ${v}: empty section between colons` };
    if (parts.length > 3) return { error: `invalid spec: ${v}: too many colons` };
    if (parts.length === 1) {
      volumes[v] = {};
      continue;
    }
    const [host, ...rest] = parts as [string, ...string[]];
    const source = host.startsWith('.') ? path.resolve(cwd, host) : host;
    binds.push([source, ...rest].join(':'));
  }
  return { binds, volumes };
}

/** `--tmpfs /run:rw,size=64m` → HostConfig.Tmpfs. */
export function tmpfsFlags(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const colon = v.indexOf(':');
    out[colon < 0 ? v : v.slice(0, colon)] = colon < 0 ? '' : v.slice(colon + 1);
  }
  return out;
}
