import type { ContainerRecord } from '../containers/record.js';
import { hostResolverFiles, hostsFile, linkEntries, resolvConf } from '../network/resolver-files.js';
import { isPredefined } from '../network/store.js';
import { type DockerState, seconds } from './state.js';
import { listDir, staticDir, textFile, type VNode } from './vfs.js';

/** The last time docker wrote a container's files: its latest start or stop, else its creation. */
function touched(rec: ContainerRecord): number {
  return Math.max(seconds(rec.Created), seconds(rec.State.StartedAt), seconds(rec.State.FinishedAt));
}

/**
 * /var/lib/docker/containers/<id>/: the documents docker keeps for a container
 * (config.v2.json, hostconfig.json, the json-file log `docker logs` reads) and, once it has
 * started, the hostname, hosts and resolv.conf files bind-mounted into it.
 */
export function containersDir(state: DockerState): VNode {
  return listDir(
    { mode: 0o710, mtime: state.rootTime() },
    () => state.containers().map((c) => c.ID),
    (id) => {
      const rec = state.container(id);
      return rec && containerDir(state, rec);
    },
  );
}

function containerDir(state: DockerState, rec: ContainerRecord): VNode {
  const { store } = state;
  const dir = `containers/${rec.ID}`;
  const created = seconds(rec.Created);
  const changed = touched(rec);
  const started = rec.HasBeenStartedBefore || rec.State.Running;
  const startedAt = seconds(rec.State.StartedAt) || created;
  const stateFile = (name: string, mode: number, mtime: number) => () => {
    const text = store.readText(`${dir}/${name}`);
    return text === undefined ? undefined : textFile({ mode, mtime }, () => text);
  };
  const hostFiles = () => hostResolverFiles(state.deps.hostname);
  const ifStarted = (text: () => string) => () =>
    started ? textFile({ mode: 0o644, mtime: startedAt }, text) : undefined;
  const log = `${rec.ID}-json.log`;
  return staticDir({ mode: 0o710, mtime: changed }, () => ({
    [log]: stateFile(log, 0o640, rec.State.Running ? Math.floor(state.deps.now() / 1000) : changed),
    checkpoints: () => staticDir({ mode: 0o700, mtime: created }, () => ({})),
    'config.v2.json': stateFile('config.v2.json', 0o600, changed),
    'hostconfig.json': stateFile('hostconfig.json', 0o600, changed),
    hostname: ifStarted(() => `${rec.Config.Hostname}\n`),
    hosts: ifStarted(() => hostsFile(rec, linkEntries(rec, state.containerStore), hostFiles().hosts)),
    mounts: () => staticDir({ mode: 0o700, mtime: created }, () => ({})),
    'resolv.conf': ifStarted(() => {
      const user = Object.keys(rec.NetworkSettings.Networks).some((n) => !isPredefined(n));
      return resolvConf(rec, user, hostFiles().resolv);
    }),
  }));
}
