import * as commander from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkArgCount, parseWith } from '../../src/cli/argv.js';

const parseCommand = (spec: CommandSpec, argv: string[]) => parseWith(commander, spec, argv);

import { CliError } from '../../src/cli/errors.js';
import {
  atLeast,
  atMost,
  bool,
  type CommandSpec,
  exactly,
  int,
  list,
  NO_ARGS,
  str,
} from '../../src/cli/spec.js';

const ps: CommandSpec = {
  path: 'ps',
  usage: '[OPTIONS]',
  description: 'List containers',
  args: NO_ARGS,
  flags: [
    bool('all', 'a', 'Show all containers'),
    list('filter', 'f', 'Filter output', { typeName: 'filter' }),
    str('format', undefined, 'Format output'),
    int('last', 'n', 'Show n last created containers', { default: -1 }),
    bool('no-trunc', undefined, "Don't truncate output"),
    bool('quiet', 'q', 'Only display container IDs'),
  ],
};

const run: CommandSpec = {
  path: 'run',
  usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  description: 'Create and run a new container from an image',
  args: atLeast(1),
  stopAtFirstArg: true,
  flags: [
    bool('detach', 'd', 'Run container in background'),
    bool('interactive', 'i', 'Keep STDIN open'),
    bool('tty', 't', 'Allocate a pseudo-TTY'),
    bool('rm', undefined, 'Remove when it exits'),
    str('name', undefined, 'Assign a name'),
    list('env', 'e', 'Set environment variables'),
    list('publish', 'p', 'Publish ports'),
  ],
};

function errorOf(fn: () => unknown): CliError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('expected a CliError');
}

describe('parseCommand', () => {
  it('parses combined short flags, values and repeats', () => {
    const p = parseCommand(run, [
      '-itd',
      '--name=web',
      '-e',
      'A=1',
      '-eB=2',
      '-p8080:80',
      'nginx',
      'nginx',
      '-g',
      'x',
    ]);
    expect(p.opts).toMatchObject({
      interactive: true,
      tty: true,
      detach: true,
      name: 'web',
      env: ['A=1', 'B=2'],
    });
    expect(p.opts.publish).toEqual(['8080:80']);
    expect(p.args).toEqual(['nginx', 'nginx', '-g', 'x']);
  });

  it('stops at the image for run: flags after it belong to the command', () => {
    const p = parseCommand(run, ['--rm', 'alpine', 'ls', '-la', '--name', 'x']);
    expect(p.opts.rm).toBe(true);
    expect(p.opts.name).toBeUndefined();
    expect(p.args).toEqual(['alpine', 'ls', '-la', '--name', 'x']);
  });

  it('a value flag takes the next argument even when it looks like a flag or the image', () => {
    expect(parseCommand(run, ['--name', 'alpine', 'busybox']).opts.name).toBe('alpine');
    expect(parseCommand(ps, ['-n', '-1']).opts.last).toBe(-1);
    expect(parseCommand(run, ['-e=FOO=bar', 'alpine']).opts.env).toEqual(['FOO=bar']);
  });

  it('treats --no-trunc as a plain flag and accepts --flag=false', () => {
    expect(parseCommand(ps, ['--no-trunc']).opts['no-trunc']).toBe(true);
    expect(parseCommand(ps, ['--all=false']).opts.all).toBe(false);
    expect(parseCommand(ps, ['-a=true']).opts.all).toBe(true);
    expect(parseCommand(ps, []).opts.last).toBe(-1);
  });

  it('reports flag errors in pflag words with exit 125', () => {
    const unknown = errorOf(() => parseCommand(ps, ['--foo']));
    expect(unknown.exitCode).toBe(125);
    expect(unknown.message).toBe(
      "unknown flag: --foo\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information",
    );
    expect(errorOf(() => parseCommand(ps, ['--foo=bar'])).message).toMatch(/^unknown flag: --foo\n/);
    expect(errorOf(() => parseCommand(run, ['-itx', 'alpine'])).message).toMatch(
      /^unknown shorthand flag: 'x' in -x\n/,
    );
    expect(errorOf(() => parseCommand(ps, ['-n'])).message).toMatch(/^flag needs an argument: 'n' in -n\n/);
    expect(errorOf(() => parseCommand(ps, ['--format'])).message).toMatch(
      /^flag needs an argument: --format\n/,
    );
    expect(errorOf(() => parseCommand(ps, ['-n', 'x'])).message).toMatch(
      /^invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax\n/,
    );
    expect(errorOf(() => parseCommand(ps, ['--no-trunc=maybe'])).message).toMatch(
      /^invalid argument "maybe" for "--no-trunc" flag: strconv.ParseBool: parsing "maybe": invalid syntax\n/,
    );
  });

  it('sees -h and --help', () => {
    expect(parseCommand(ps, ['--help']).help).toBe(true);
    expect(parseCommand(ps, ['-h']).help).toBe(true);
  });

  it('never throws anything but a CliError, whatever the arguments', () => {
    const token = fc.oneof(
      fc.constantFrom(
        '-a',
        '--all',
        '-q',
        '-n',
        '--last',
        '--format',
        '-f',
        '--',
        '-',
        '--no-trunc',
        '-aq',
        '-x',
        '--all=maybe',
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), fc.boolean(), (args, useRun) => {
        try {
          const parsed = parseCommand(useRun ? run : ps, args);
          checkArgCount(useRun ? run : ps, parsed.args);
        } catch (e) {
          if (!(e instanceof CliError)) throw e;
          expect([1, 125]).toContain(e.exitCode);
        }
      }),
    );
  });
});

describe('checkArgCount', () => {
  const spec = (args: CommandSpec['args'], usage: string): CommandSpec => ({
    path: 'x',
    usage,
    description: '',
    args,
    flags: [],
  });

  it('words every validator as cobra does', () => {
    expect(
      errorOf(() =>
        checkArgCount({ ...spec(atLeast(1), '[OPTIONS] CONTAINER [CONTAINER...]'), path: 'rm' }, []),
      ).message,
    ).toBe(
      "docker: 'docker rm' requires at least 1 argument\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker rm --help' for more information",
    );
    expect(
      errorOf(() =>
        checkArgCount({ ...spec(atMost(1), '[OPTIONS] [REPOSITORY[:TAG]]'), path: 'images' }, ['a', 'b']),
      ).message,
    ).toBe(
      "docker: 'docker images' requires at most 1 argument\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nSRun 'docker images --help' for more information",
    );
    expect(
      errorOf(() => checkArgCount({ ...spec(exactly(1), '[OPTIONS] IMAGE'), path: 'history' }, [])).message,
    ).toBe(
      "docker: 'docker history' requires 1 argument\n\nUsage:  docker history [OPTIONS] IMAGE\n\nRun 'docker history --help' for more information",
    );
    expect(
      errorOf(() =>
        checkArgCount({ ...spec(atLeast(2), '[OPTIONS] CONTAINER COMMAND [ARG...]'), path: 'exec' }, ['c']),
      ).message,
    ).toMatch(/^docker: 'docker exec' requires at least 2 arguments\n/);
    expect(errorOf(() => checkArgCount({ ...spec(NO_ARGS, '[OPTIONS]'), path: 'ps' }, ['x'])).message).toBe(
      "docker: 'docker ps' accepts no arguments\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information",
    );
    expect(
      errorOf(() => checkArgCount({ ...spec(exactly(2), 'SOURCE TARGET'), path: 'tag' }, ['a'])).message,
    ).toMatch(/^docker: 'docker tag' requires 2 arguments\n/);
    expect(() => checkArgCount(spec(atLeast(1), ''), ['a', 'b', 'c'])).not.toThrow();
  });
});
