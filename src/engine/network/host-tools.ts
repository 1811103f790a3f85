import { programContent } from '../../fs/files.js';
import type { FsView } from '../../fs/view.js';
import { hostResolverFiles } from './resolver-files.js';

/** The network tools of an Ubuntu server (iputils-ping, iproute2, curl, wget, bind9-dnsutils). */
const TOOLS: [string, string][] = [
  ['/usr/bin/curl', 'curl'],
  ['/usr/bin/wget', 'wget'],
  ['/usr/bin/ping', 'iputils:ping'],
  ['/usr/bin/ip', 'iproute2:ip'],
  ['/usr/bin/nslookup', 'bind-tools:nslookup'],
  ['/usr/bin/dig', 'bind-tools:dig'],
];

/** Adds the host's network tools and resolver files to its (in-memory) root filesystem. */
export function addHostNetworkTools(fs: FsView, hostname: string): void {
  for (const [path, program] of TOOLS) {
    if (!fs.stat(path)) fs.writeFile(path, programContent(program), { mode: 0o755 });
  }
  if (!fs.stat('/etc/resolv.conf')) fs.writeFile('/etc/resolv.conf', hostResolverFiles(hostname).resolv);
}
