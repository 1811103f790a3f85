import { Output } from '../../run.js';
import type { ProcessContext, Program, ProgramRun } from '../../types.js';
import { has, readText, splitArgs } from '../common.js';
import { canonical, compareVersions, pypi } from './data.js';
import { pipInstall, type Root } from './install.js';
import { installedDists, type PyEnv, pyEnv, removeDist } from './site.js';

const VALUE_FLAGS = [
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-i',
  '--index-url',
  '-t',
  '--target',
  '--root-user-action',
];

const DEBIAN_MANAGED = `To install Python packages system-wide, try apt install
python3-xyz, where xyz is the package you are trying to
install.

If you wish to install a non-Debian-packaged Python package,
create a virtual environment using python3 -m venv path/to/venv.
Then use path/to/venv/bin/python3 and path/to/venv/bin/pip. Make
sure you have python3-full installed.

If you wish to install a non-Debian packaged Python application,
it may be easiest to use pipx install xyz, which will manage a
virtual environment for you. Make sure you have pipx installed.

See /usr/share/doc/python3.11/README.venv for more information.`;

const ALPINE_MANAGED = `The system-wide python installation should be maintained using the system
package manager (apk) only.

If the package in question is not packaged already (and hence installable via
"apk add py3-somepackage"), please consider installing it inside a virtual
environment, e.g.:

python3 -m venv /path/to/venv
. /path/to/venv/bin/activate
pip install mypackage

To exit the virtual environment, run:

deactivate`;

function externallyManaged(out: Output, env: PyEnv): number {
  const text = (env.managed === 'alpine' ? ALPINE_MANAGED : DEBIAN_MANAGED)
    .split('\n')
    .map((l) => (l ? `    ${l}` : '    '))
    .join('\n');
  out.err(
    `error: externally-managed-environment\n\n× This environment is externally managed\n╰─> ${text.trimStart()}\n\n`,
  );
  out.err(
    'note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.\n',
  );
  out.err('hint: See PEP 668 for the detailed specification.\n');
  return 1;
}

/** Requirement lines of a file: comments, blank lines and options are skipped. */
function requirementsFile(ctx: ProcessContext, out: Output, file: string): Root[] | undefined {
  const path = file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`;
  const text = readText(ctx, path);
  if (text === undefined) {
    out.err(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`);
    return undefined;
  }
  return text.split('\n').flatMap((line, i) => {
    const t = line.replace(/(^|\s)#.*$/, '').trim();
    return t && !t.startsWith('-') ? [{ text: t, from: `-r ${file} (line ${i + 1})` }] : [];
  });
}

/** The end of most pip commands: the root warning and the new-release notice. */
function epilogue(
  ctx: ProcessContext,
  out: Output,
  env: PyEnv,
  flags: Map<string, string>,
  install: boolean,
): void {
  const action = flags.get('--root-user-action') ?? ctx.env.PIP_ROOT_USER_ACTION;
  if (install && ctx.uid === 0 && !env.venv && action !== 'ignore')
    out.err(
      "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv\n",
    );
  const latest = pypi().pip.latest;
  // pip only offers to upgrade itself when pip installed it: not a distribution's package in /usr/lib.
  const distro = env.pipDir.startsWith('/usr/lib/');
  const off = distro || has(flags, '--disable-pip-version-check') || ctx.env.PIP_DISABLE_PIP_VERSION_CHECK;
  if (!off && compareVersions(env.pip, latest) < 0) {
    const self = (ctx.argv[0] ?? 'pip').split('/').pop();
    out.err(
      `\n[notice] A new release of pip is available: ${env.pip} -> ${latest}\n[notice] To update, run: ${self} install --upgrade pip\n`,
    );
  }
}

function run(ctx: ProcessContext): ProgramRun {
  const out = new Output();
  const env = pyEnv(ctx);
  const { flags, words } = splitArgs(ctx.argv.slice(1), VALUE_FLAGS);
  const [cmd, ...names] = words;
  if (has(flags, '-V', '--version') && !cmd)
    return out.out(`pip ${env.pip} from ${env.pipDir} (python ${env.python})\n`).exit(0);
  if (cmd === 'install') {
    if (env.managed && !has(flags, '--break-system-packages')) return out.exit(externallyManaged(out, env));
    const roots: Root[] = names.map((text) => ({ text }));
    const file = flags.get('-r') ?? flags.get('--requirement');
    if (file !== undefined) {
      const fromFile = requirementsFile(ctx, out, file);
      if (!fromFile) return out.exit(1);
      roots.push(...fromFile);
    }
    if (roots.length === 0) {
      out.err('ERROR: You must give at least one requirement to install (see "pip help install")\n');
      return out.exit(1);
    }
    const cache = !has(flags, '--no-cache-dir') && !ctx.env.PIP_NO_CACHE_DIR;
    const opts = {
      upgrade: has(flags, '-U', '--upgrade'),
      noDeps: has(flags, '--no-deps'),
      cache,
      quiet: has(flags, '-q', '--quiet'),
    };
    const code = pipInstall(ctx, out, env, roots, opts);
    epilogue(ctx, out, env, flags, code === 0);
    return out.exit(code);
  }
  const dists = [...installedDists(ctx, env).values()].sort((a, b) =>
    a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1,
  );
  if (cmd === 'list') {
    const w = Math.max(7, ...dists.map((d) => d.name.length));
    const v = Math.max(7, ...dists.map((d) => d.version.length));
    out.out(`${'Package'.padEnd(w)} Version\n${'-'.repeat(w)} ${'-'.repeat(v)}\n`);
    for (const d of dists) out.out(`${d.name.padEnd(w)} ${d.version}\n`);
    epilogue(ctx, out, env, flags, false);
    return out.exit(0);
  }
  if (cmd === 'freeze') {
    for (const d of dists.filter(
      (x) => !['pip', 'setuptools', 'wheel', 'distribute'].includes(canonical(x.name)),
    ))
      out.out(`${d.name}==${d.version}\n`);
    return out.exit(0);
  }
  if (cmd === 'show' || cmd === 'uninstall') {
    const byKey = installedDists(ctx, env);
    const missing = names.filter((n) => !byKey.has(canonical(n)));
    for (const n of names) {
      const d = byKey.get(canonical(n));
      if (!d) continue;
      if (cmd === 'show') {
        const reqs =
          (readText(ctx, `${d.dir}/METADATA`) ?? '').match(/^Requires-Dist: ([A-Za-z0-9._-]+)/gm) ?? [];
        const requires = reqs.map((r) => r.replace('Requires-Dist: ', '')).join(', ');
        out.out(`Name: ${d.name}\nVersion: ${d.version}\nLocation: ${env.site}\nRequires: ${requires}\n`);
        continue;
      }
      out.out(`Found existing installation: ${d.name} ${d.version}\nUninstalling ${d.name}-${d.version}:\n`);
      if (!has(flags, '-y', '--yes')) {
        out.out('Proceed (Y/n)? ');
        if (!/^y/i.test(ctx.stdin ?? '')) return out.out('\n').exit(1);
      }
      removeDist(ctx, d);
      out.out(`  Successfully uninstalled ${d.name}-${d.version}\n`);
    }
    if (missing.length > 0 && cmd === 'show')
      out.err(`WARNING: Package(s) not found: ${missing.join(', ')}\n`);
    if (missing.length > 0 && cmd === 'uninstall')
      for (const n of missing) out.err(`WARNING: Skipping ${n} as it is not installed.\n`);
    if (cmd === 'uninstall') epilogue(ctx, out, env, flags, true);
    return out.exit(missing.length > 0 && cmd === 'show' ? 1 : 0);
  }
  out.err(`pip: the command '${cmd ?? ''}' is not simulated by dockersim\n`);
  return out.exit(1);
}

/** pip 24 (and the distributions' 23.0.1 and 22.0.2): install (-r, -U, --no-deps, --no-cache-dir), uninstall, list, freeze, show. */
export const pipProgram: Program = { name: 'pip', run };
