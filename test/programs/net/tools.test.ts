import { describe, expect, it } from 'vitest';
import { curl } from '../../../src/programs/net/curl.js';
import { dig, nslookup } from '../../../src/programs/net/dns.js';
import { ping } from '../../../src/programs/net/ping.js';
import { wget } from '../../../src/programs/net/wget.js';
import { exitOf, stderrOf, stdoutOf } from '../../../src/programs/run.js';
import type { ProgramRun } from '../../../src/programs/types.js';
import { fakeNet, MemFs, netContext, nginxPeer } from './helpers.js';

const run = async (r: ProgramRun | Promise<ProgramRun>) => {
  const done = await r;
  return { out: stdoutOf(done), err: stderrOf(done), code: exitOf(done), events: done.events };
};

describe('ping', () => {
  it('BusyBox: replies from a container on the same network', async () => {
    const r = await run(ping(netContext(['ping', '-c', '2', 'web'], fakeNet({})), 'busybox'));
    expect(r.out).toMatch(
      /^PING web \(172\.18\.0\.2\): 56 data bytes\n64 bytes from 172\.18\.0\.2: seq=0 ttl=64 time=0\.\d{3} ms\n64 bytes from 172\.18\.0\.2: seq=1 ttl=64 time=0\.\d{3} ms\n\n--- web ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = [\d.]+\/[\d.]+\/[\d.]+ ms\n$/,
    );
    expect(r.code).toBe(0);
    // One echo a second: the last reply comes after a second.
    expect(r.events.at(-1)!.at).toBeGreaterThan(1000);
  });

  it('BusyBox: bad address; iputils: Name or service not known', async () => {
    const bb = await run(ping(netContext(['ping', '-c', '2', 'nosuch'], fakeNet({})), 'busybox'));
    expect(bb).toMatchObject({ err: "ping: bad address 'nosuch'\n", code: 1 });
    const gnu = await run(ping(netContext(['ping', '-c', '2', 'nosuch'], fakeNet({})), 'gnu'));
    expect(gnu).toMatchObject({ err: 'ping: nosuch: Name or service not known\n', code: 2 });
  });

  it('iputils: names the peer by its PTR record, and counts losses', async () => {
    const ok = await run(ping(netContext(['ping', '-c', '1', 'web'], fakeNet({})), 'gnu'));
    expect(ok.out).toMatch(
      /^PING web \(172\.18\.0\.2\) 56\(84\) bytes of data\.\n64 bytes from web\.app \(172\.18\.0\.2\): icmp_seq=1 ttl=64 time=0\.\d{3} ms\n/,
    );
    expect(ok.out).toContain('1 packets transmitted, 1 received, 0% packet loss, time 0ms\n');
    const lost = await run(ping(netContext(['ping', '-c', '2', '172.19.0.2'], fakeNet({})), 'gnu'));
    expect(lost.out).toBe(
      'PING 172.19.0.2 (172.19.0.2) 56(84) bytes of data.\n\n--- 172.19.0.2 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 1001ms\n',
    );
    expect(lost.code).toBe(1);
  });

  it('without -c runs until a signal, then prints its statistics', async () => {
    const r = await ping(netContext(['ping', 'web'], fakeNet({})), 'busybox');
    expect(r.events.some((e) => e.kind === 'exit')).toBe(false);
    const stop = r.onSignal!('SIGINT', 2500);
    expect(stdoutOf({ events: stop })).toContain('3 packets transmitted, 3 packets received');
  });
});

describe('nslookup and dig', () => {
  it('BusyBox nslookup asks the embedded DNS', async () => {
    const r = await run(nslookup(netContext(['nslookup', 'web'], fakeNet({})), 'busybox'));
    expect(r.out).toBe(
      "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\n*** Can't find web: No answer\n\n",
    );
    const nx = await run(nslookup(netContext(['nslookup', 'db'], fakeNet({})), 'busybox'));
    expect(nx.out).toContain("** server can't find db: NXDOMAIN\n");
    expect(nx.code).toBe(1);
  });

  it('dig +short prints the address alone', async () => {
    const r = await run(dig(netContext(['dig', '+short', 'web'], fakeNet({}))));
    expect(r.out).toBe('172.18.0.2\n');
    const full = await run(dig(netContext(['dig', 'web'], fakeNet({}))));
    expect(full.out).toContain(';; ANSWER SECTION:\nweb.\t\t\t600\tIN\tA\t172.18.0.2\n');
    expect(full.out).toContain(';; SERVER: 127.0.0.11#53(127.0.0.11) (UDP)');
  });
});

describe('curl', () => {
  const net = () => fakeNet({ listeners: { '172.18.0.2:80': nginxPeer('<h1>hi</h1>\n') } });

  it('gets nginx index.html; -i adds the status line and headers', async () => {
    const r = await run(curl(netContext(['curl', '-s', 'http://web/'], net())));
    expect(r).toMatchObject({ out: '<h1>hi</h1>\n', err: '', code: 0 });
    const i = await run(curl(netContext(['curl', '-si', 'web'], net())));
    expect(i.out).toMatch(
      /^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.0\r\nDate: .+ GMT\r\nContent-Type: text\/html\r\nContent-Length: 12\r\n/,
    );
    expect(i.out).toContain('ETag: "6681f180-c"\r\nAccept-Ranges: bytes\r\n\r\n<h1>hi</h1>\n');
    const missing = await run(curl(netContext(['curl', '-sf', 'web/nope'], net())));
    expect(missing.code).toBe(22);
  });

  it("says what went wrong in curl's words", async () => {
    expect((await run(curl(netContext(['curl', 'nosuch'], net())))).err).toContain(
      'curl: (6) Could not resolve host: nosuch\n',
    );
    const refused = await run(curl(netContext(['curl', '-sS', 'web:8080'], net())));
    expect(refused).toMatchObject({
      err: "curl: (7) Failed to connect to web port 8080 after 0 ms: Couldn't connect to server\n",
      code: 7,
    });
    const empty = fakeNet({ listeners: { '172.18.0.2:5432': { ...nginxPeer(''), program: 'postgres' } } });
    expect((await run(curl(netContext(['curl', '-sS', 'web:5432'], empty)))).err).toBe(
      'curl: (52) Empty reply from server\n',
    );
  });

  it('shows the progress meter on stderr when not silent', async () => {
    const r = await run(curl(netContext(['curl', 'web'], net())));
    expect(r.err).toContain(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n',
    );
    expect(r.err).toContain(
      '100    12  100    12    0     0  12000      0 --:--:-- --:--:-- --:--:-- 12000\n',
    );
  });
});

describe('wget (BusyBox)', () => {
  const net = () => fakeNet({ listeners: { '172.18.0.2:80': nginxPeer('<h1>hi</h1>\n') } });

  it('writes to stdout with -qO-, and saves index.html otherwise', async () => {
    const r = await run(wget(netContext(['wget', '-qO-', 'web'], net()), 'busybox'));
    expect(r).toMatchObject({ out: '<h1>hi</h1>\n', err: '', code: 0 });
    const fs = new MemFs(() => 0);
    const saved = await run(wget(netContext(['wget', 'http://web/'], net(), { fs }), 'busybox'));
    expect(saved.err).toBe(
      "Connecting to web (172.18.0.2:80)\nsaving to 'index.html'\nindex.html           100% |********************************|    12  0:00:00 ETA\n'index.html' saved\n",
    );
    expect(fs.readFile('/index.html').toString()).toBe('<h1>hi</h1>\n');
  });

  it('bad address and refused connections', async () => {
    expect((await run(wget(netContext(['wget', 'nosuch'], net()), 'busybox'))).err).toBe(
      "wget: bad address 'nosuch'\n",
    );
    const refused = await run(wget(netContext(['wget', 'web:81'], net()), 'busybox'));
    expect(refused.err).toBe(
      "Connecting to web (172.18.0.2:81)\nwget: can't connect to remote host (172.18.0.2): Connection refused\n",
    );
    expect(refused.code).toBe(1);
  });
});
