import { hexOf } from '../images/digest.js';
import { familiarString, fullString, parseNormalized, withDefaultTag } from '../images/reference.js';
import { rfc3339Nano } from '../util/text.js';
import type { Session } from './session.js';
import type { StageState } from './state.js';
import { BUILDKIT_COMMENT } from './step.js';

/**
 * The end of a build: the target stage's image gets every `-t` name. BuildKit reports it as the
 * `exporting to image` step; the classic builder as `Successfully built` / `Successfully tagged`,
 * after warning about build-args no ARG consumed.
 */
export async function exportImage(s: Session, target: StageState): Promise<string> {
  const start = s.backend.now();
  const v = s.progress.vertex('exporting to image');
  const imageId = await finalImage(s, target);
  if (!s.legacy) {
    s.backend.elapse(s.executed > 0 ? 30 : 0);
    v.status('exporting layers', { done: true, since: start });
    v.status(`writing image ${imageId}`, { done: true });
  } else warnUnused(s);
  if (s.legacy) s.progress.line(`Successfully built ${hexOf(imageId).slice(0, 12)}`);
  for (const tag of s.opts.tags) {
    await s.backend.tag(imageId, tag);
    const ref = withDefaultTag(parseNormalized(tag));
    v.status(`naming to ${fullString(ref)}`, { done: true });
    s.progress.line(`Successfully tagged ${familiarString(ref)}`);
  }
  v.done();
  return imageId;
}

/** The target's image; a stage that only has FROM ends as its base (a new image only for --label). */
async function finalImage(s: Session, target: StageState): Promise<string> {
  const labels = target.extraLabels;
  if (target.imageId && (target.committed || !labels)) return target.imageId;
  const config = target.withExtraLabels(target.config);
  const text = labels
    ? `LABEL ${Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`
    : 'FROM scratch';
  const id = await s.backend.commit(target.imageId, undefined, config, {
    created: rfc3339Nano(s.backend.now()),
    created_by: text,
    comment: BUILDKIT_COMMENT,
    empty_layer: true,
  });
  target.imageId = id;
  return id;
}

/** `[Warning] One or more build-args [X Y] were not consumed` (classic builder only). */
function warnUnused(s: Session): void {
  const proxies = new Set([
    'HTTP_PROXY',
    'http_proxy',
    'HTTPS_PROXY',
    'https_proxy',
    'FTP_PROXY',
    'ftp_proxy',
  ]);
  for (const k of ['NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']) proxies.add(k);
  const unused = Object.keys(s.opts.buildArgs)
    .filter((k) => !s.consumed.has(k) && !proxies.has(k))
    .sort();
  if (unused.length)
    s.progress.line(`[Warning] One or more build-args [${unused.join(' ')}] were not consumed`);
}
