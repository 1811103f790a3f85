import { describe, expect, it } from 'vitest';
import { MemFs, T0 } from './fake.js';
import { exitCode, golden, run, text } from './images.js';

describe('hello (hello-world /hello)', () => {
  it('prints the hello-world message and exits 0', async () => {
    const fs = new MemFs(() => T0).program('/hello', 'hello');
    const r = await run('hello', { argv: ['/hello'], fs });
    const out = text(r, 'stdout');
    golden('hello.golden', out);
    expect(out.split('\n').slice(0, 2)).toEqual(['', 'Hello from Docker!']);
    expect(out).toContain('\n    (amd64)\n');
    expect(text(r, 'stderr')).toBe('');
    expect(exitCode(r)).toBe(0);
  });
});
