import { describe, expect, it } from 'vitest';
import { flaskProgram } from '../../../src/programs/services/flask.js';
import { flaskResponse, locateApp, routesOf, serveFlask } from '../../../src/programs/services/flask-app.js';
import type { NetInterface, NetView, ProgramRun } from '../../../src/programs/types.js';
import { fakeContext, MemFs } from './fake.js';
import { exitCode, kinds, text } from './images.js';

const HELLO = `from flask import Flask
app = Flask(__name__)

@app.route("/")
def hello():
    return "Hello World!"

@app.route('/items', methods=['POST'])
def add():
    return 'added'

@app.route("/computed")
def computed():
    return render_template("x.html")
`;

/** The image the tutorial builds: ubuntu's python3, Flask in /usr/local, hello.py in /. */
function flaskFs(): MemFs {
  const fs = new MemFs(() => Date.UTC(2026, 0, 1));
  fs.program('/usr/bin/python3.10', 'python3@3.10.12');
  fs.symlink('python3.10', '/usr/bin/python3');
  fs.program('/usr/local/bin/flask', 'flask');
  fs.mkdir('/usr/local/lib/python3.10/dist-packages/flask-3.0.3.dist-info', { recursive: true });
  fs.mkdir('/usr/local/lib/python3.10/dist-packages/werkzeug-3.0.3.dist-info', { recursive: true });
  fs.put('/hello.py', HELLO);
  return fs;
}

const eth0: NetInterface = {
  index: 7,
  name: 'eth0',
  kind: 'veth',
  mac: '02:42:ac:11:00:02',
  mtu: 1500,
  qdisc: 'noqueue',
  carrier: true,
  ipv4: { address: '172.17.0.2', prefix: 16 },
};

function start(argv: string[], env: Record<string, string> = { FLASK_APP: 'hello' }, fs = flaskFs()) {
  const ctx = fakeContext({ argv, path: '/usr/local/bin/flask', env, fs });
  ctx.net = { interfaces: () => [eth0] } as unknown as NetView;
  return flaskProgram.run(ctx) as ProgramRun;
}

const ESC = '\u001b';

describe('flask run', () => {
  it('prints Flask and Werkzeug start-up lines and listens on the port', () => {
    const r = start(['flask', 'run', '--host', '0.0.0.0', '--port', '8000']);
    expect(text(r, 'stdout')).toBe(" * Serving Flask app 'hello'\n * Debug mode: off\n");
    expect(text(r, 'stderr')).toBe(
      `${ESC}[31m${ESC}[1mWARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.${ESC}[0m\n` +
        ' * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:8000\n * Running on http://172.17.0.2:8000\n' +
        `${ESC}[33mPress CTRL+C to quit${ESC}[0m\n`,
    );
    expect(kinds(r, 'listen').map((l) => l.port)).toEqual([8000]);
    expect(exitCode(r)).toBeUndefined();
  });

  it('defaults to 127.0.0.1:5000 and reads FLASK_RUN_PORT and --port=', () => {
    expect(text(start(['flask', 'run']), 'stderr')).toContain(' * Running on http://127.0.0.1:5000\n');
    const env = { FLASK_APP: 'hello', FLASK_RUN_PORT: '8080' };
    expect(kinds(start(['flask', 'run'], env), 'listen')[0]?.port).toBe(8080);
    expect(kinds(start(['flask', 'run', '--port=9000']), 'listen')[0]?.port).toBe(9000);
  });

  it('says it cannot import a module that is not there, with click exit status 2', () => {
    const r = start(['flask', 'run'], { FLASK_APP: 'missing' });
    expect(text(r, 'stderr')).toBe(
      "Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: Could not import 'missing'.\n",
    );
    expect(exitCode(r)).toBe(2);
  });

  it('finds app.py without FLASK_APP, and says so when there is none', () => {
    const fs = flaskFs();
    fs.put('/app.py', HELLO);
    expect(text(start(['flask', 'run'], {}, fs), 'stdout')).toBe(' * Debug mode: off\n');
    const none = start(['flask', 'run'], {});
    expect(text(none, 'stderr')).toContain('Error: Could not locate a Flask application.');
    expect(exitCode(none)).toBe(2);
  });

  it('ends quietly on Ctrl-C and ignores SIGTERM as PID 1 (no Python handler)', () => {
    const r = start(['flask', 'run']);
    expect(exitCode(r.onSignal!('SIGINT', 1000) as ProgramRun['events'])).toBe(0);
    expect(r.onSignal!('SIGTERM', 1000)).toEqual([]);
  });

  it('reports its versions', () => {
    const r = start(['flask', '--version']);
    expect(text(r, 'stdout')).toBe('Python 3.10.12\nFlask 3.0.3\nWerkzeug 3.0.3\n');
  });
});

describe('the Flask application answering HTTP', () => {
  it('reads routes and the string literal their views return', () => {
    const routes = routesOf(HELLO);
    expect(routes.get('/')).toEqual({ methods: ['GET'], body: 'Hello World!' });
    expect(routes.get('/items')).toEqual({ methods: ['POST'], body: 'added' });
    expect(routes.get('/computed')).toEqual({ methods: ['GET'] });
  });

  it('answers GET / with the view text and unknown paths with 404', () => {
    const fs = flaskFs();
    const peer = {
      program: 'flask',
      argv: ['flask', 'run', '--host', '0.0.0.0', '--port', '8000'],
      env: { FLASK_APP: 'hello' },
      cwd: '/',
      fs: () => fs,
    };
    const ok = serveFlask(peer, 'GET', '/', Date.UTC(2026, 0, 1));
    expect(ok.status).toBe(200);
    expect(ok.body.toString()).toBe('Hello World!');
    expect(ok.headers).toEqual([
      ['Server', 'Werkzeug/3.0.3 Python/3.10.12'],
      ['Date', 'Thu, 01 Jan 2026 00:00:00 GMT'],
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Length', '12'],
      ['Connection', 'close'],
    ]);
    const missing = serveFlask(peer, 'GET', '/nope', Date.UTC(2026, 0, 1));
    expect([missing.status, missing.reason, missing.body.length]).toEqual([404, 'NOT FOUND', 207]);
  });

  it('refuses a method the route does not take; a view it cannot read is not found', () => {
    const app = locateApp(flaskFs(), '/', { FLASK_APP: 'hello.py' }, ['flask', 'run']);
    if ('error' in app) throw new Error(app.error);
    const wrong = flaskResponse(app, 'GET', '/items', 'Werkzeug/3.0.3 Python/3.10.12', 'x');
    expect(wrong.status).toBe(405);
    expect(wrong.headers).toContainEqual(['Allow', 'OPTIONS, POST']);
    expect(flaskResponse(app, 'GET', '/computed', 's', 'x').status).toBe(404);
  });
});
