import * as nodefs from 'node:fs';
import type { MountSpec } from '../../api/containers.js';
import { invalidParameter } from '../../api/errors.js';
import { normalizePath } from '../../fs/path.js';
import { checkVolumeName } from './store.js';

/** A mount asked for at create, before volumes are made: what goes where, and how. */
export interface WantedMount {
  type: 'bind' | 'volume' | 'tmpfs';
  /** Host path (bind), volume name (volume; empty for a new anonymous one), empty (tmpfs). */
  source: string;
  target: string;
  readOnly: boolean;
  /** What inspect shows as Mode: `-v`'s mode text, `z` for a named `-v` volume. */
  mode: string;
  propagation: string;
  noCopy: boolean;
  labels?: Record<string, string>;
  driverOptions?: Record<string, string>;
}

const MODES = new Set([
  'rw',
  'ro',
  'z',
  'Z',
  'nocopy',
  'consistent',
  'cached',
  'delegated',
  'shared',
  'rshared',
  'slave',
  'rslave',
  'private',
  'rprivate',
]);
const PROPAGATION = ['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate'];

function checkTarget(spec: string | undefined, type: string, target: string): string {
  const prefix = spec === undefined ? '' : `invalid volume specification: '${spec}': `;
  if (!target.startsWith('/'))
    throw invalidParameter(
      `${prefix}invalid mount config for type "${type}": invalid mount path: '${target}' mount path must be absolute`,
    );
  const clean = normalizePath('/', target);
  if (clean === '/')
    throw invalidParameter(
      `${prefix}invalid mount config for type "${type}": invalid specification: destination can't be '/'`,
    );
  return clean;
}

/** `-v SRC:DST[:MODE]` (and a bare `DST` from the API): a bind mount, a named or an anonymous volume. */
export function parseBind(spec: string): WantedMount {
  const parts = spec.split(':');
  if (parts.some((p) => p === ''))
    throw invalidParameter(`invalid spec: ${spec}: empty section between colons`);
  if (parts.length > 3) throw invalidParameter(`invalid volume specification: '${spec}'`);
  const [first, second, modeText = ''] = parts as [string, string | undefined, string | undefined];
  if (second === undefined) {
    const target = checkTarget(spec, 'volume', first);
    return { type: 'volume', source: '', target, readOnly: false, mode: '', propagation: '', noCopy: false };
  }
  const modes = modeText ? modeText.split(',') : [];
  for (const m of modes)
    if (!MODES.has(m))
      throw invalidParameter(`invalid volume specification: '${spec}': invalid mode: ${modeText}`);
  const bind = first.startsWith('/');
  const target = checkTarget(spec, bind ? 'bind' : 'volume', second);
  if (!bind) checkVolumeName(first);
  return {
    type: bind ? 'bind' : 'volume',
    source: bind ? normalizePath('/', first) : first,
    target,
    readOnly: modes.includes('ro'),
    mode: bind ? modeText : modeText || 'z',
    propagation: bind ? (modes.find((m) => PROPAGATION.includes(m)) ?? 'rprivate') : '',
    noCopy: modes.includes('nocopy'),
  };
}

/** `--mount type=…,source=…,target=…`, checked as the daemon checks it. */
export function parseMount(m: MountSpec): WantedMount {
  const type = m.Type as string;
  if (!['bind', 'volume', 'tmpfs'].includes(type))
    throw invalidParameter(`invalid mount config for type "${type}": mount type unknown`);
  const target = checkTarget(undefined, type, m.Target ?? '');
  const base = { target, readOnly: m.ReadOnly ?? false, noCopy: false };
  if (type === 'tmpfs') {
    if (m.Source)
      throw invalidParameter('invalid mount config for type "tmpfs": field Source must not be specified');
    return { ...base, type: 'tmpfs', source: '', mode: '', propagation: '' };
  }
  if (type === 'bind') {
    if (!m.Source)
      throw invalidParameter('invalid mount config for type "bind": field Source must not be empty');
    if (!m.Source.startsWith('/'))
      throw invalidParameter(
        `invalid mount config for type "bind": invalid mount path: '${m.Source}' mount path must be absolute`,
      );
    if (!nodefs.existsSync(m.Source))
      throw invalidParameter(
        `invalid mount config for type "bind": bind source path does not exist: ${m.Source}`,
      );
    const propagation = m.BindOptions?.Propagation || 'rprivate';
    return { ...base, type: 'bind', source: normalizePath('/', m.Source), mode: '', propagation };
  }
  if (m.Source) checkVolumeName(m.Source);
  return {
    ...base,
    type: 'volume',
    source: m.Source ?? '',
    mode: 'z',
    propagation: '',
    noCopy: m.VolumeOptions?.NoCopy ?? false,
    ...(m.VolumeOptions?.Labels ? { labels: m.VolumeOptions.Labels } : {}),
    ...(m.VolumeOptions?.DriverConfig?.Options
      ? { driverOptions: m.VolumeOptions.DriverConfig.Options }
      : {}),
  };
}
