import type { ImageInspect } from '../../api/images.js';
import type { ImageServices } from './services.js';

/** `GET /images/{name}/json` in the API's key order. */
export function inspectImage(svc: ImageServices, name: string): ImageInspect {
  const record = svc.find(name);
  const { tags, digests } = svc.names(record.id);
  const c = record.config.config ?? {};
  const stack = record.topLayer ? svc.layers.stack(record.topLayer) : [];
  const dir = (cacheId: string) => `/var/lib/docker/overlay2/${cacheId}/diff`;
  const top = stack.at(-1);
  const lower = stack
    .slice(0, -1)
    .reverse()
    .map((l) => dir(l.cacheId))
    .join(':');
  const data: Record<string, string> = {};
  if (lower) data.LowerDir = lower;
  if (top) {
    data.MergedDir = `/var/lib/docker/overlay2/${top.cacheId}/merged`;
    data.UpperDir = dir(top.cacheId);
    data.WorkDir = `/var/lib/docker/overlay2/${top.cacheId}/work`;
  }
  return {
    Id: record.id,
    RepoTags: tags,
    RepoDigests: digests,
    Parent: record.parent ?? '',
    Comment: record.config.comment ?? '',
    Created: record.config.created,
    DockerVersion: record.config.docker_version ?? '',
    Author: record.config.author ?? '',
    Config: {
      Hostname: '',
      Domainname: '',
      User: c.User ?? '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ...(c.ExposedPorts ? { ExposedPorts: c.ExposedPorts } : {}),
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: c.Env ?? null,
      Cmd: c.Cmd ?? null,
      ...(c.Healthcheck ? { Healthcheck: c.Healthcheck } : {}),
      ...(c.ArgsEscaped ? { ArgsEscaped: true } : {}),
      Image: '',
      Volumes: c.Volumes ?? null,
      WorkingDir: c.WorkingDir ?? '',
      Entrypoint: c.Entrypoint ?? null,
      OnBuild: c.OnBuild ?? null,
      Labels: c.Labels ?? null,
      ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
      ...(c.Shell ? { Shell: c.Shell } : {}),
    },
    Architecture: record.config.architecture,
    Os: record.config.os,
    Size: svc.size(record),
    GraphDriver: { Data: data, Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: record.config.rootfs.diff_ids },
    Metadata: { LastTagTime: svc.images.lastTagTime(record.id) ?? '0001-01-01T00:00:00Z' },
  };
}
