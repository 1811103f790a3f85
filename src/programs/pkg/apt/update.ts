import type { Output } from '../../run.js';
import type { ProcessContext } from '../../types.js';
import { downloadMs, writeText } from '../common.js';
import type { Release } from './data.js';
import { sizeToStr, timeToStr } from './text.js';

const LISTS = '/var/lib/apt/lists';

/**
 * `apt-get update`: the release's InRelease and Packages files. The Packages list written is a
 * short one (our index's names and versions), enough for `grep` and for apt to find packages.
 */
export function aptUpdate(ctx: ProcessContext, out: Output, release: Release, tty: boolean): number {
  let bytes = 0;
  let elapsed = 0;
  release.update.forEach(([what, size, file], i) => {
    out.out(`Get:${i + 1} ${what} [${sizeToStr(size)}B]\n`);
    const ms = downloadMs(size);
    out.wait(ms);
    elapsed += ms;
    bytes += size;
    const body = file.includes('_Packages')
      ? release.packages
          .filter(() => file.includes(`_${release.codename}_main_`))
          .map(
            (p) =>
              `Package: ${p.name}\nVersion: ${p.version}\nArchitecture: ${p.arch}\nInstalled-Size: ${p.isize}\nSize: ${p.size}\n`,
          )
          .join('\n')
      : `Origin: ${release.distro === 'debian' ? 'Debian' : 'Ubuntu'}\nCodename: ${release.codename}\n`;
    writeText(ctx, `${LISTS}/${file}`, body);
  });
  out.out(
    `Fetched ${sizeToStr(bytes)}B in ${timeToStr(elapsed)} (${sizeToStr((bytes * 1000) / Math.max(elapsed, 1))}B/s)\n`,
  );
  out.out(`Reading package lists...${tty ? ' Done' : ''}\n`);
  return 0;
}
