import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IgnoreMatcher, readContext } from '../../src/cli/commands/image/build-context.js';

/** `.dockerignore` rules, with the examples of docker's documentation. */
describe('.dockerignore patterns', () => {
  const docs = new IgnoreMatcher('# comment\n*/temp*\n*/*/temp*\ntemp?\n');

  it.each([
    ['somedir/temporary.txt', true],
    ['somedir/temp', true],
    ['somedir/subdir/temporary.txt', true],
    ['tempa', true],
    ['tempb', true],
    ['temp', false],
    ['temporary.txt', false],
    ['a/b/c/temp.txt', false],
    ['# comment', false],
  ])('docs example: %s excluded = %s', (file, excluded) => {
    expect(docs.matches(file)).toBe(excluded);
  });

  it('** matches any number of directories', () => {
    const m = new IgnoreMatcher('**/*.go\nbuild/**\n');
    expect(m.matches('main.go')).toBe(true);
    expect(m.matches('cmd/app/main.go')).toBe(true);
    expect(m.matches('main.go.txt')).toBe(false);
    expect(m.matches('build/x/y')).toBe(true);
    expect(m.matches('builder')).toBe(false);
  });

  it('exceptions with ! and their order', () => {
    const readme = new IgnoreMatcher('*.md\n!README.md\n');
    expect(readme.matches('CHANGELOG.md')).toBe(true);
    expect(readme.matches('README.md')).toBe(false);
    const secret = new IgnoreMatcher('*.md\n!README*.md\nREADME-secret.md\n');
    expect(secret.matches('README-secret.md')).toBe(true);
    expect(secret.matches('README-public.md')).toBe(false);
    const noEffect = new IgnoreMatcher('*.md\nREADME-secret.md\n!README*.md\n');
    expect(noEffect.matches('README-secret.md')).toBe(false);
    expect(noEffect.hasExceptions).toBe(true);
  });

  it('a directory excludes what is under it; slashes and dots are cleaned', () => {
    const m = new IgnoreMatcher('node_modules\n/secrets/\n./logs//\n  .env  \n');
    expect(m.matches('node_modules/a/index.js')).toBe(true);
    expect(m.matches('secrets/key.pem')).toBe(true);
    expect(m.matches('logs/today.log')).toBe(true);
    expect(m.matches('.env')).toBe(true);
    expect(m.matches('src/node_modules')).toBe(false);
    expect(m.matches('.envrc')).toBe(false);
  });

  it('escapes and character classes', () => {
    const m = new IgnoreMatcher('file[0-9].txt\nweird\\*name\na.b\n');
    expect(m.matches('file7.txt')).toBe(true);
    expect(m.matches('filex.txt')).toBe(false);
    expect(m.matches('weird*name')).toBe(true);
    expect(m.matches('weirdXname')).toBe(false);
    expect(m.matches('axb')).toBe(false);
  });
});

describe('reading the context folder', () => {
  function folder(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-ctx-'));
    const put = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    put('Dockerfile', 'FROM alpine\n');
    put('app.js', 'x');
    put('.env', 'SECRET=1');
    put('node_modules/a/index.js', 'a');
    put('keep/node_modules/b.js', 'b');
    put('docs/README.md', 'r');
    put('docs/notes.md', 'n');
    fs.chmodSync(path.join(root, 'app.js'), 0o755);
    fs.symlinkSync('/etc/passwd', path.join(root, 'outside'));
    return root;
  }

  it('applies .dockerignore, keeps modes, and sends symlinks as symlinks', () => {
    const root = folder();
    const files = readContext(root, new IgnoreMatcher('.env\nnode_modules\n*/*.md\n!docs/README.md\n'));
    expect(files.map((f) => `${f.type} ${f.path}`)).toEqual([
      'file Dockerfile',
      'file app.js',
      'dir docs',
      'file docs/README.md',
      'dir keep',
      'dir keep/node_modules',
      'file keep/node_modules/b.js',
      'symlink outside',
    ]);
    expect(files.find((f) => f.path === 'app.js')!.mode).toBe(0o755);
    expect(files.find((f) => f.path === 'outside')!.target).toBe('/etc/passwd');
    expect(files.find((f) => f.path === 'outside')!.content).toBeUndefined();
  });

  it('the classic client always sends the Dockerfile and .dockerignore', () => {
    const root = folder();
    const files = readContext(root, new IgnoreMatcher('*\n'), new Set(['Dockerfile', '.dockerignore']));
    expect(files.map((f) => f.path)).toEqual(['Dockerfile']);
  });
});
