import { describe, expect, it } from 'vitest';
import { deterministicEnv, runCli, tempHome } from '../../../helpers/cli.js';

describe('--desktop: the client on macOS or Windows, the engine in a Linux VM', () => {
  it('docker version: a darwin client in the desktop-linux context, a linux server', async () => {
    const r = await runCli(['--desktop', 'version'], deterministicEnv(tempHome()));
    expect(r.stdout).toMatch(/^ OS\/Arch:\s+darwin\/amd64$/m);
    expect(r.stdout).toMatch(/^ Context:\s+desktop-linux$/m);
    expect(r.stdout).toMatch(/^Server: Docker Desktop /m);
    const server = r.stdout.slice(r.stdout.indexOf('Server:'));
    expect(server).toMatch(/OS\/Arch:\s+linux\/amd64/);
  });

  it('a Windows client with DOCKERSIM_DESKTOP=windows; docker info names the context', async () => {
    const env = deterministicEnv(tempHome(), { DOCKERSIM_DESKTOP: 'windows' });
    expect((await runCli(['version'], env)).stdout).toMatch(/^ OS\/Arch:\s+windows\/amd64$/m);
    expect((await runCli(['info'], env)).stdout).toContain(' Context:    desktop-linux\n');
  });

  it('without it, a linux client in the default context', async () => {
    const r = await runCli(['version'], deterministicEnv(tempHome()));
    expect(r.stdout).toMatch(/^ OS\/Arch:\s+linux\/amd64$/m);
    expect(r.stdout).toMatch(/^ Context:\s+default$/m);
  });
});
