import type {
  CommandLine,
  Dockerfile,
  FromInstruction,
  Instruction,
} from '../../src/builder/parser/index.js';

/**
 * A compact, unambiguous text for parsed instructions, so parser data files stay readable:
 * strings are JSON, stages and instructions are separated by ` ; `.
 */
const j = (v: unknown) => JSON.stringify(v);

function cmdLine(c: CommandLine): string {
  const form = c.prependShell ? `sh:${j(c.args[0] ?? '')}` : `exec:${j(c.args)}`;
  const docs = c.files.map(
    (f) => ` <<${f.name}${f.chomp ? '-' : ''}${f.expand ? '' : '(raw)'}:${j(f.content)}`,
  );
  return form + docs.join('');
}

function from(f: FromInstruction): string {
  return `FROM ${j(f.image)}${f.stage ? ` AS ${f.stage}` : ''}${f.platform ? ` platform=${j(f.platform)}` : ''}`;
}

export function describeInstruction(i: Instruction): string {
  switch (i.kind) {
    case 'RUN': {
      const flags = [
        ...i.mounts.map((m) => `mount=${j(m)}`),
        ...(i.network ? [`network=${i.network}`] : []),
        ...(i.security ? [`security=${i.security}`] : []),
      ];
      return `RUN ${flags.map((f) => `${f} `).join('')}${cmdLine(i.cmd)}`;
    }
    case 'CMD':
    case 'ENTRYPOINT':
      return `${i.kind} ${cmdLine(i.cmd)}`;
    case 'ENV':
    case 'LABEL':
      return `${i.kind} ${i.pairs.map((p) => `${j(p.key)}${p.noDelim ? '~' : '='}${j(p.value)}`).join(' ')}`;
    case 'ARG':
      return `ARG ${i.args.map((a) => (a.value === undefined ? j(a.key) : `${j(a.key)}=${j(a.value)}`)).join(' ')}`;
    case 'COPY':
    case 'ADD': {
      const flags = [
        i.from !== undefined ? `from=${j(i.from)}` : '',
        i.chown !== undefined ? `chown=${j(i.chown)}` : '',
        i.chmod !== undefined ? `chmod=${j(i.chmod)}` : '',
        i.checksum !== undefined ? `checksum=${j(i.checksum)}` : '',
        i.link ? 'link' : '',
      ].filter(Boolean);
      const docs = i.contents.map((c) => ` <<${c.path}${c.expand ? '' : '(raw)'}:${j(c.data)}`).join('');
      return `${i.kind} ${flags.map((f) => `${f} `).join('')}${j(i.sources)}${docs} -> ${j(i.dest)}`;
    }
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      return `${i.kind} ${j(i.value)}`;
    case 'EXPOSE':
    case 'VOLUME':
    case 'SHELL':
      return `${i.kind} ${j(i.values)}`;
    case 'HEALTHCHECK': {
      const opts = (['interval', 'timeout', 'startPeriod', 'startInterval', 'retries'] as const)
        .filter((k) => i[k] !== 0)
        .map((k) => ` ${k}=${i[k]}`);
      return `HEALTHCHECK ${j(i.test)}${opts.join('')}`;
    }
    case 'ONBUILD':
      return `ONBUILD ${j(i.expression)}`;
  }
}

export function describeDockerfile(d: Dockerfile): string {
  const parts: string[] = [];
  for (const a of d.metaArgs) parts.push(describeInstruction(a));
  for (const s of d.stages) {
    parts.push(from(s.from));
    for (const c of s.commands) parts.push(describeInstruction(c));
  }
  return parts.join(' ; ');
}
