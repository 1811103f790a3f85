import { describe, expect, it } from 'vitest';
import { LOOPBACK } from '../../../src/engine/network/interfaces.js';
import { ip } from '../../../src/programs/net/ip.js';
import { connectRemote, psqlArgs, runQuery } from '../../../src/programs/net/pg.js';
import { stderrOf, stdoutOf } from '../../../src/programs/run.js';
import type { NetInterface, NetRoute } from '../../../src/programs/types.js';
import { fakeNet, MemFs, netContext } from './helpers.js';

const eth0: NetInterface = {
  index: 6,
  name: 'eth0',
  peer: 7,
  kind: 'veth',
  mac: '6a:1f:c2:8e:40:5b',
  mtu: 1500,
  qdisc: 'noqueue',
  carrier: true,
  linkNetnsId: 0,
  ipv4: { address: '172.17.0.3', prefix: 16, broadcast: '172.17.255.255' },
};
const routes: NetRoute[] = [
  { dst: 'default', via: '172.17.0.1', dev: 'eth0' },
  { dst: '172.17.0.0/16', dev: 'eth0', proto: 'kernel', scope: 'link', src: '172.17.0.3' },
];
const net = fakeNet({ interfaces: [LOOPBACK, eth0], routes });
const out = async (argv: string[], flavour: 'gnu' | 'busybox', n = net) =>
  stdoutOf(await ip(netContext(argv, n), flavour));

describe('ip', () => {
  it('BusyBox `ip addr` inside a container (host-kernel reference §3.9)', async () => {
    expect(await out(['ip', 'addr'], 'busybox')).toBe(
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '    inet6 ::1/128 scope host ',
        '       valid_lft forever preferred_lft forever',
        '6: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue ',
        '    link/ether 6a:1f:c2:8e:40:5b brd ff:ff:ff:ff:ff:ff',
        '    inet 172.17.0.3/16 brd 172.17.255.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
  });

  it('iproute2 `ip a` and both `ip route` flavours', async () => {
    const text = await out(['ip', 'a'], 'gnu');
    expect(text).toContain(
      '6: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n    link/ether 6a:1f:c2:8e:40:5b brd ff:ff:ff:ff:ff:ff link-netnsid 0\n',
    );
    expect(text).toContain(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n',
    );
    expect(await out(['ip', 'route'], 'gnu')).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.3 \n',
    );
    expect(await out(['ip', 'r'], 'busybox')).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.3 \n',
    );
  });

  it('--network none shows lo only; unknown devices are an error', async () => {
    expect(await out(['ip', 'a'], 'busybox', fakeNet({ interfaces: [LOOPBACK] }))).toMatch(
      /^1: lo:[\s\S]*forever\n$/,
    );
    const r = await ip(netContext(['ip', 'a', 'show', 'eth9'], net), 'gnu');
    expect(stderrOf(r)).toBe('Device "eth9" does not exist.\n');
  });
});

describe('psql over the network', () => {
  const pgPeer = (hba: string, env: Record<string, string>) => {
    const fs = new MemFs(() => 0).put('/var/lib/postgresql/data/pg_hba.conf', hba);
    return { program: 'postgres', argv: ['postgres'], env, cwd: '/', fs: () => fs };
  };
  const scram = pgPeer(
    'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all all scram-sha-256\n',
    {
      POSTGRES_PASSWORD: 'x',
    },
  );
  const pgNet = fakeNet({ names: { db: '172.18.0.2' }, listeners: { '172.18.0.2:5432': scram } });

  it('asks for a password the image requires from remote clients', () => {
    const ctx = netContext(['psql', '-h', 'db', '-U', 'postgres', '-c', 'select 1'], pgNet);
    expect(stderrOf(connectRemote(ctx, psqlArgs(ctx))!)).toBe(
      'psql: error: connection to server at "db" (172.18.0.2), port 5432 failed: fe_sendauth: no password supplied\n',
    );
    const wrong = netContext(['psql', '-h', 'db', '-U', 'postgres'], pgNet, { env: { PGPASSWORD: 'y' } });
    expect(stderrOf(connectRemote(wrong, psqlArgs(wrong))!)).toContain(
      'password authentication failed for user "postgres"',
    );
    const ok = netContext(['psql', '-h', 'db', '-U', 'postgres'], pgNet, { env: { PGPASSWORD: 'x' } });
    expect(connectRemote(ok, psqlArgs(ok))).toBeUndefined();
  });

  it("prints psql's aligned table for select 1", () => {
    const ctx = netContext(['psql', '-c', 'select 1'], pgNet);
    expect(stdoutOf(runQuery(psqlArgs(ctx), 'PostgreSQL 16.3')!)).toBe(
      ' ?column? \n----------\n        1\n(1 row)\n\n',
    );
  });

  it('cannot resolve or reach what is not there', () => {
    const ctx = netContext(['psql', '-h', 'nosuch'], pgNet);
    expect(stderrOf(connectRemote(ctx, psqlArgs(ctx))!)).toBe(
      'psql: error: could not translate host name "nosuch" to address: Name or service not known\n',
    );
  });
});
