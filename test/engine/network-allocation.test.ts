import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineError } from '../../src/api/errors.js';
import { createNetwork } from '../../src/engine/network/create.js';
import { allocateAddress, macFor } from '../../src/engine/network/endpoints.js';
import { HostPorts } from '../../src/engine/network/ports.js';
import { type NetworkDoc, NetworkStore } from '../../src/engine/network/store.js';
import { StateStore } from '../../src/store/index.js';
import { SeededRandom } from '../../src/util/random.js';

let dir: string;
let store: StateStore;
let networks: NetworkStore;
const random = new SeededRandom('net');
const NOW = Date.UTC(2026, 0, 1);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'net-'));
  store = new StateStore(dir);
  networks = new NetworkStore(store, random, () => NOW);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function make(name: string, extra: Partial<Parameters<typeof createNetwork>[3]> = {}): NetworkDoc {
  return createNetwork(networks, random, NOW, { Name: name, ...extra });
}

function attach(doc: NetworkDoc, id: string, wanted?: string): string {
  const ip = allocateAddress(doc, wanted);
  doc.Endpoints[id] = {
    EndpointID: id,
    MacAddress: macFor(ip),
    IPv4Address: `${ip}/16`,
    ifindex: 0,
    veth: '',
    ifname: 'eth0',
  };
  return ip;
}

describe('network address allocation', () => {
  it('gives user networks the next default pools: 172.18/16 … 172.31/16, then 192.168.x.0/20', () => {
    const subnets = Array.from({ length: 17 }, (_, i) => make(`n${i}`).IPAM.Config[0]);
    expect(subnets[0]).toEqual({ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' });
    expect(subnets[1]!.Subnet).toBe('172.19.0.0/16');
    expect(subnets[13]!.Subnet).toBe('172.31.0.0/16');
    expect(subnets[14]).toEqual({ Subnet: '192.168.0.0/20', Gateway: '192.168.0.1' });
    expect(subnets[15]!.Subnet).toBe('192.168.16.0/20');
  });

  it('skips blocks a user subnet already holds, and refuses overlapping subnets', () => {
    make('mine', { IPAM: { Config: [{ Subnet: '172.18.0.0/16' }] } });
    expect(make('next').IPAM.Config[0]!.Subnet).toBe('172.19.0.0/16');
    expect(() => make('clash', { IPAM: { Config: [{ Subnet: '172.18.5.0/24' }] } })).toThrow(
      'invalid pool request: Pool overlaps with other one on this address space',
    );
    expect(() => make('bridge-too', { IPAM: { Config: [{ Subnet: '172.17.0.0/16' }] } })).toThrow(/overlaps/);
  });

  it('refuses a duplicate name and drivers it does not simulate', () => {
    make('app');
    expect(() => make('app')).toThrow('network with name app already exists');
    expect(() => make('x', { Driver: 'host' })).toThrow('only one instance of "host" network is allowed');
    expect(() => make('y', { Driver: 'foo' })).toThrow('plugin "foo" not found');
  });

  it('hands out the lowest free address, never the gateway, with a MAC made from it', () => {
    const doc = make('app');
    expect(attach(doc, 'a')).toBe('172.18.0.2');
    expect(attach(doc, 'b')).toBe('172.18.0.3');
    delete doc.Endpoints.a;
    expect(attach(doc, 'c')).toBe('172.18.0.2');
    expect(doc.Endpoints.c!.MacAddress).toBe('02:42:ac:12:00:02');
  });

  it('takes addresses from --ip-range, and an asked-for address only once', () => {
    const doc = make('ranged', {
      IPAM: { Config: [{ Subnet: '10.10.0.0/16', IPRange: '10.10.5.0/24', Gateway: '10.10.0.254' }] },
    });
    expect(attach(doc, 'a')).toBe('10.10.5.0');
    expect(attach(doc, 'b', '10.10.0.7')).toBe('10.10.0.7');
    expect(() => attach(doc, 'c', '10.10.0.7')).toThrow('Address already in use');
    expect(() => attach(doc, 'd', '10.99.0.1')).toThrow(
      /no configured subnet or ip-range contain the IP address 10.99.0.1/,
    );
  });

  it('makes the predefined networks once, with stable IDs', () => {
    const ids = networks.list().map((d) => `${d.Name}:${d.Driver}`);
    expect(ids.sort()).toEqual(['bridge:bridge', 'host:host', 'none:null']);
    const bridge = networks.find('bridge').Id;
    expect(networks.find('bridge').Id).toBe(bridge);
    expect(networks.find(bridge.slice(0, 5)).Name).toBe('bridge');
    expect(() => networks.find('nosuch')).toThrow('network nosuch not found');
  });
});

describe('published ports', () => {
  const clash = (ip: string, port: number) => `Bind for ${ip}:${port} failed: port is already allocated`;

  it('detects a host port clash, wildcard against any address', () => {
    const ports = new HostPorts(store);
    ports.claim('c1', { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }, '172.17.0.2', clash);
    expect(() =>
      ports.claim('c2', { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }, '172.17.0.3', clash),
    ).toThrow('Bind for 0.0.0.0:8080 failed: port is already allocated');
    expect(() =>
      ports.claim('c3', { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] }, 'x', clash),
    ).toThrow(EngineError);
    // Another protocol, or another port, is free.
    ports.claim('c4', { '53/udp': [{ HostIp: '', HostPort: '8080' }] }, '172.17.0.4', clash);
    ports.release('c1');
    const again = ports.claim('c2', { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }, '172.17.0.3', clash);
    expect(again.proxies.map((p) => p.hostIp)).toEqual(['0.0.0.0', '::']);
  });

  it('claims all of a container or none of it', () => {
    const ports = new HostPorts(store);
    ports.claim('c1', { '443/tcp': [{ HostIp: '', HostPort: '8443' }] }, 'a', clash);
    expect(() =>
      ports.claim(
        'c2',
        { '80/tcp': [{ HostIp: '', HostPort: '8080' }], '443/tcp': [{ HostIp: '', HostPort: '8443' }] },
        'b',
        clash,
      ),
    ).toThrow();
    expect(ports.all().filter((p) => p.containerId === 'c2')).toEqual([]);
  });

  it('gives -P ports from 32768', () => {
    const ports = new HostPorts(store);
    const r = ports.claim('c1', { '80/tcp': [{ HostIp: '', HostPort: '' }] }, 'a', clash);
    expect(r.bindings['80/tcp']![0]!.HostPort).toBe('32768');
  });
});
