import { describe, expect, it } from 'vitest';
import { exitOf, stderrOf, stdoutOf } from '../../../src/programs/run.js';
import { redisCli } from '../../../src/programs/services/clients.js';
import type { NetPeer } from '../../../src/programs/types.js';
import { fakeNet, netContext } from '../net/helpers.js';
import { clock, fakeContext, MemFs, T0 } from './fake.js';

const cli = redisCli('redis-cli@7.2.5');
const SERVER = [
  { pid: 1, comm: 'redis-server', args: ['redis-server', '*:6379'], startTime: T0 },
  { pid: 30, comm: 'redis-cli' },
];

function dataFs(): MemFs {
  const fs = new MemFs(() => clock.now);
  fs.mkdir('/data', { recursive: true });
  return fs;
}

async function redis(fs: MemFs, args: string[], o: { tty?: boolean; now?: number; stdin?: string } = {}) {
  const r = await cli.run(
    fakeContext({ argv: ['redis-cli', ...args], fs, processes: SERVER, self: 30, ...o }),
  );
  return { out: stdoutOf(r), err: stderrOf(r), code: exitOf(r) };
}

describe('redis-cli', () => {
  it("keeps keys between commands, in the server's /data", async () => {
    const fs = dataFs();
    expect((await redis(fs, ['SET', 'greeting', 'hello'])).out).toBe('OK\n');
    expect((await redis(fs, ['GET', 'greeting'])).out).toBe('hello\n');
    expect((await redis(fs, ['GET', 'greeting'], { tty: true })).out).toBe('"hello"\n');
    expect((await redis(fs, ['INCR', 'visits'], { tty: true })).out).toBe('(integer) 1\n');
    expect((await redis(fs, ['INCR', 'visits'])).out).toBe('2\n');
    expect((await redis(fs, ['GET', 'nope'], { tty: true })).out).toBe('(nil)\n');
    expect((await redis(fs, ['GET', 'nope'])).out).toBe('\n');
    expect((await redis(fs, ['EXISTS', 'greeting', 'nope'])).out).toBe('1\n');
    expect((await redis(fs, ['DEL', 'greeting'])).out).toBe('1\n');
    expect((await redis(fs, ['DBSIZE'])).out).toBe('1\n');
    expect(fs.stat('/data/.dockersim-keys.json')?.uid).toBe(999);
  });

  it('lists, hashes and key patterns, as a terminal shows them', async () => {
    const fs = dataFs();
    await redis(fs, ['RPUSH', 'l', 'a', 'b', 'c']);
    expect((await redis(fs, ['LRANGE', 'l', '0', '-1'], { tty: true })).out).toBe('1) "a"\n2) "b"\n3) "c"\n');
    await redis(fs, ['HSET', 'h', 'f1', 'v1', 'f2', 'v2']);
    expect((await redis(fs, ['HGETALL', 'h'])).out).toBe('f1\nv1\nf2\nv2\n');
    expect((await redis(fs, ['KEYS', '*'], { tty: true })).out).toBe('1) "l"\n2) "h"\n');
    expect((await redis(fs, ['KEYS', 'x*'], { tty: true })).out).toBe('(empty array)\n');
    expect((await redis(fs, ['GET', 'l'], { tty: true })).out).toBe(
      '(error) WRONGTYPE Operation against a key holding the wrong kind of value\n',
    );
    expect((await redis(fs, ['FLUSHALL'])).out).toBe('OK\n');
    expect((await redis(fs, ['DBSIZE'])).out).toBe('0\n');
  });

  it('expires keys as the clock moves on', async () => {
    const fs = dataFs();
    await redis(fs, ['SET', 'k', 'v', 'EX', '10'], { now: T0 });
    expect((await redis(fs, ['TTL', 'k'], { now: T0 + 3000 })).out).toBe('7\n');
    expect((await redis(fs, ['TTL', 'nope'], { now: T0 })).out).toBe('-2\n');
    expect((await redis(fs, ['GET', 'k'], { now: T0 + 11_000, tty: true })).out).toBe('(nil)\n');
  });

  it('words unknown commands and wrong arities as redis 7 does', async () => {
    const fs = dataFs();
    expect((await redis(fs, ['FOO', 'bar'], { tty: true })).out).toBe(
      "(error) ERR unknown command 'FOO', with args beginning with: 'bar' \n",
    );
    const r = await redis(fs, ['GET']);
    expect(r.out).toBe("ERR wrong number of arguments for 'get' command\n");
    expect(r.code).toBe(0);
    expect((await redis(fs, ['-e', 'GET'])).code).toBe(1);
  });

  it('reads commands from a pipe, and prints INFO raw', async () => {
    const fs = dataFs();
    const r = await redis(fs, [], { stdin: 'SET a 1\nINCR a\nGET "a"\n' });
    expect(r.out).toBe('OK\n2\n2\n');
    const info = await redis(fs, ['INFO', 'server'], { tty: true });
    expect(info.out).toMatch(/^# Server\r\nredis_version:7\.2\.5\r\n/);
  });

  it('has a prompt on a terminal', async () => {
    const fs = dataFs();
    const s = (await cli.session!(
      fakeContext({ argv: ['redis-cli'], fs, processes: SERVER, self: 30, tty: true }),
    ))!;
    expect(s.prompt()).toBe('127.0.0.1:6379> ');
    expect((await s.line('SET greeting "hello world"')).output).toBe('OK\n');
    expect((await s.line('GET greeting')).output).toBe('"hello world"\n');
    expect((await s.line('SELECT 2')).output).toBe('OK\n');
    expect(s.prompt()).toBe('127.0.0.1:6379[2]> ');
    expect((await s.line('"unbalanced')).output).toBe('Invalid argument(s)\n');
    expect(await s.line('quit')).toEqual({ output: '', exit: 0 });
  });

  it('reaches a server by name, and says so when it cannot', async () => {
    const fs = dataFs();
    const peer: NetPeer = {
      program: 'redis-server',
      argv: ['redis-server'],
      env: {},
      cwd: '/data',
      fs: () => fs,
    };
    const net = fakeNet({ names: { cache: '172.18.0.2' }, listeners: { '172.18.0.2:6379': peer } });
    const set = await cli.run(netContext(['redis-cli', '-h', 'cache', 'SET', 'k', 'v'], net));
    expect(stdoutOf(set)).toBe('OK\n');
    expect((await redis(fs, ['GET', 'k'])).out).toBe('v\n');
    const lost = await cli.run(netContext(['redis-cli', '-h', 'nosuch', 'PING'], net));
    expect(stderrOf(lost)).toBe('Could not connect to Redis at nosuch:6379: Name or service not known\n');
    expect(exitOf(lost)).toBe(1);
  });
});
