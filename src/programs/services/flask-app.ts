import { programOf } from '../../fs/files.js';
import type { FsView } from '../../fs/view.js';
import type { HttpResponse } from '../net/http.js';
import type { NetPeer } from '../types.js';

/**
 * A Flask application as `flask run` finds it: the module named by `--app` or FLASK_APP (or
 * wsgi.py / app.py in the working directory), and the routes a small reading of its source
 * understands (`@app.route("/")` over a function that returns a string literal).
 */
export interface FlaskApp {
  /** What the banner names (`hello`, `/opt/app.py`); absent when found as wsgi.py or app.py. */
  importPath?: string;
  file: string;
  source: string;
  /** Path → the text its view returns; undefined for a route whose view is not understood. */
  routes: Map<string, { methods: string[]; body?: string }>;
}

export type FlaskFailure = { error: string };

/** The `--app` option of the command line, if any (`flask --app hello run`, `--app=hello`). */
export function appOption(argv: string[]): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--app' || a === '-A') return argv[i + 1];
    if (a.startsWith('--app=')) return a.slice('--app='.length);
  }
  return undefined;
}

function read(fs: FsView, path: string): string | undefined {
  try {
    return fs.stat(path)?.type === 'file' ? fs.readFile(path).toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The file a module name or path stands for, relative to the working directory. */
function moduleFile(fs: FsView, cwd: string, target: string): string | undefined {
  const base = cwd.replace(/\/$/, '');
  const name = target.split(':')[0]!.replace(/\(.*$/, '');
  if (name.endsWith('.py') || name.includes('/')) {
    const path = name.startsWith('/') ? name : `${base}/${name.replace(/^\.\//, '')}`;
    const file = path.endsWith('.py') ? path : `${path}.py`;
    return read(fs, file) === undefined ? undefined : file;
  }
  const rel = name.replace(/\./g, '/');
  for (const file of [`${base}/${rel}.py`, `${base}/${rel}/__init__.py`])
    if (read(fs, file) !== undefined) return file;
  return undefined;
}

/** Finds and reads the application, or says why not in Flask's words. */
export function locateApp(
  fs: FsView,
  cwd: string,
  env: Record<string, string>,
  argv: string[],
): FlaskApp | FlaskFailure {
  const target = appOption(argv) ?? env.FLASK_APP;
  if (!target) {
    for (const name of ['wsgi.py', 'app.py']) {
      const file = moduleFile(fs, cwd, name);
      if (file) return parsed(file, read(fs, file)!, undefined, name.replace('.py', ''));
    }
    return {
      error:
        "Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.",
    };
  }
  const file = moduleFile(fs, cwd, target);
  const module = target.split(':')[0]!.replace(/\.py$/, '').split('/').pop()!;
  if (!file) return { error: `Could not import '${module}'.` };
  return parsed(file, read(fs, file)!, target, module);
}

function parsed(file: string, source: string, importPath: string | undefined, module: string) {
  if (!/\bFlask\s*\(/.test(source) && !/def\s+(create_app|make_app)\s*\(/.test(source))
    return {
      error: `Failed to find Flask application or factory in module '${module}'. Use '${module}:name' to specify one.`,
    };
  return { ...(importPath === undefined ? {} : { importPath }), file, source, routes: routesOf(source) };
}

const STRING = /^\s*return\s+(?:[rRuU])?(["'])((?:\\.|(?!\1).)*)\1\s*(?:#.*)?$/;

/** `@app.route("/path", methods=[...])` and `@app.get("/path")`, with the view's literal return. */
export function routesOf(source: string): FlaskApp['routes'] {
  const routes: FlaskApp['routes'] = new Map();
  const lines = source.split('\n');
  lines.forEach((line, i) => {
    const m = /^\s*@\w+\.(route|get|post|put|delete|patch)\(\s*(["'])([^"']*)\2(.*)\)\s*$/.exec(line);
    if (!m) return;
    const verb = m[1]!;
    const listed = /methods\s*=\s*\[([^\]]*)\]/.exec(m[4] ?? '')?.[1];
    const methods =
      verb !== 'route'
        ? [verb.toUpperCase()]
        : listed
          ? listed.split(',').map((s) => s.trim().replace(/["']/g, '').toUpperCase())
          : ['GET'];
    let body: string | undefined;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      if (/^\s*@/.test(next) && j > i + 1 && !/^\s*@/.test(lines[j - 1]!)) break;
      if (/^\s*return\b/.test(next)) {
        const lit = STRING.exec(next);
        body = lit ? lit[2]!.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1') : undefined;
        break;
      }
    }
    if (!routes.has(m[3]!)) routes.set(m[3]!, { methods, ...(body === undefined ? {} : { body }) });
  });
  return routes;
}

const MESSAGES: Record<number, [string, string]> = {
  404: [
    'Not Found',
    'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
  ],
  405: ['Method Not Allowed', 'The method is not allowed for the requested URL.'],
};

/** Werkzeug's error page: a short HTML5 document. */
function errorPage(code: number): string {
  const [name, text] = MESSAGES[code]!;
  return `<!doctype html>\n<html lang=en>\n<title>${code} ${name}</title>\n<h1>${name}</h1>\n<p>${text}</p>\n`;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  404: 'NOT FOUND',
  405: 'METHOD NOT ALLOWED',
};

/**
 * What the development server answers: the view's text for a route it understands, Werkzeug's
 * error pages otherwise. Werkzeug closes the connection after each response.
 */
export function flaskResponse(
  app: FlaskApp,
  method: string,
  path: string,
  server: string,
  date: string,
): HttpResponse {
  const route = app.routes.get(path.split('?')[0] || '/');
  const allowed = route ? [...route.methods, ...(route.methods.includes('GET') ? ['HEAD'] : [])] : [];
  let status = 200;
  if (!route) status = 404;
  else if (!allowed.includes(method) && method !== 'OPTIONS') status = 405;
  // A view this reading does not understand answers as if the route were not there.
  if (status === 200 && route?.body === undefined) status = 404;
  const body = status === 200 ? route!.body! : errorPage(status);
  const bytes = Buffer.from(body);
  const headers: [string, string][] = [
    ['Server', server],
    ['Date', date],
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Content-Length', String(bytes.length)],
  ];
  if (status === 405) headers.splice(3, 0, ['Allow', [...allowed, 'OPTIONS'].sort().join(', ')]);
  headers.push(['Connection', 'close']);
  return { status, reason: REASONS[status] ?? 'ERROR', headers, body: bytes };
}

function dirs(fs: FsView, dir: string): string[] {
  try {
    return fs.readdir(dir);
  } catch {
    return [];
  }
}

/** The installed Flask and Werkzeug (from their dist-info) and the Python that runs them. */
export function flaskVersions(
  fs: FsView,
  env: Record<string, string>,
): { python: string; flask: string; werkzeug: string } {
  const roots = env.VIRTUAL_ENV ? [`${env.VIRTUAL_ENV}/lib`, '/usr/local/lib'] : ['/usr/local/lib'];
  const found: Record<string, string> = {};
  for (const root of roots)
    for (const py of dirs(fs, root).filter((d) => d.startsWith('python3')))
      for (const site of ['dist-packages', 'site-packages'])
        for (const entry of dirs(fs, `${root}/${py}/${site}`)) {
          const m = /^(flask|werkzeug)-([^-]+)\.dist-info$/i.exec(entry);
          if (m && !found[m[1]!.toLowerCase()]) found[m[1]!.toLowerCase()] = m[2]!;
        }
  let python = '3.10.12';
  try {
    const exe = fs.realpath('/usr/bin/python3');
    python = programOf(fs.readFile(exe))?.split('@')[1] ?? python;
  } catch {
    // no interpreter to read: keep the default
  }
  return { python, flask: found.flask ?? '3.0.3', werkzeug: found.werkzeug ?? '3.0.3' };
}

/** The answer of a listening `flask run` to one request, for the network simulation. */
export function serveFlask(peer: NetPeer, method: string, path: string, now: number): HttpResponse {
  const fs = peer.fs();
  const v = flaskVersions(fs, peer.env);
  const server = `Werkzeug/${v.werkzeug} Python/${v.python}`;
  const date = new Date(Math.floor(now / 1000) * 1000).toUTCString();
  const app = locateApp(fs, peer.cwd, peer.env, peer.argv);
  const none: FlaskApp = { file: '', source: '', routes: new Map() };
  return flaskResponse('error' in app ? none : app, method, path, server, date);
}
