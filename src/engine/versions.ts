/** The engine and component versions dockersim reports: a Docker Engine 28.2.2 host. */
export const ENGINE = {
  version: '28.2.2',
  apiVersion: '1.50',
  minApiVersion: '1.24',
  gitCommit: '45873be',
  goVersion: 'go1.24.3',
  buildTime: '2025-05-30T12:07:14.000000000+00:00',
  containerd: { version: '1.7.27', commit: '05044ec0a9a75232cad458027ca83437aae3f4da' },
  runc: { version: '1.2.5', commit: 'v1.2.5-0-g59923ef' },
  init: { version: '0.19.0', commit: 'de40ad0' },
} as const;
