import type { ContainerInspect } from '../../api/containers.js';
import type { ImageServices } from '../images/services.js';
import type { ContainerRecord } from './record.js';

/**
 * The overlay2 directories of a container, as `GraphDriver.Data` shows them: its init layer and
 * the image's layers (top first) below, its writable layer above.
 */
export function graphDriverData(rec: ContainerRecord, svc: ImageServices) {
  const stack = rec.ParentLayer ? svc.layers.stack(rec.ParentLayer as never) : [];
  const lower = [
    `/var/lib/docker/overlay2/${rec.RWLayer}-init/diff`,
    ...stack.reverse().map((l) => `/var/lib/docker/overlay2/${l.cacheId}/diff`),
  ];
  return {
    ID: rec.ID,
    LowerDir: lower.join(':'),
    MergedDir: `/var/lib/docker/overlay2/${rec.RWLayer}/merged`,
    UpperDir: `/var/lib/docker/overlay2/${rec.RWLayer}/diff`,
    WorkDir: `/var/lib/docker/overlay2/${rec.RWLayer}/work`,
  };
}

/** `GET /containers/{id}/json` in the API's key order. */
export function inspectContainer(
  rec: ContainerRecord,
  svc: ImageServices,
  sizes?: [number, number],
): ContainerInspect {
  const dir = `/var/lib/docker/containers/${rec.ID}`;
  const networks = rec.NetworkSettings.Networks;
  const primary = Object.values(networks)[0];
  const { RemovalInProgress: _r, ...state } = rec.State;
  return {
    Id: rec.ID,
    Created: rec.Created,
    Path: rec.Path,
    Args: rec.Args,
    State: state,
    Image: rec.Image,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${rec.ID}-json.log`,
    Name: rec.Name,
    RestartCount: rec.RestartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: rec.HostConfig.Privileged ? 'unconfined' : 'docker-default',
    ExecIDs: null,
    HostConfig: rec.HostConfig,
    GraphDriver: { Data: graphDriverData(rec, svc), Name: 'overlay2' },
    ...(sizes ? { SizeRw: sizes[0], SizeRootFs: sizes[1] } : {}),
    Mounts: rec.MountPoints,
    Config: rec.Config,
    NetworkSettings: {
      Bridge: '',
      SandboxID: rec.NetworkSettings.SandboxID,
      SandboxKey: rec.NetworkSettings.SandboxID
        ? `/var/run/docker/netns/${rec.NetworkSettings.SandboxID.slice(0, 12)}`
        : '',
      Ports: rec.State.Running ? (rec.NetworkSettings.Ports ?? {}) : {},
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: primary?.EndpointID ?? '',
      Gateway: primary?.Gateway ?? '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: primary?.IPAddress ?? '',
      IPPrefixLen: primary?.IPPrefixLen ?? 0,
      IPv6Gateway: '',
      MacAddress: primary?.MacAddress ?? '',
      Networks: networks,
    },
  };
}
