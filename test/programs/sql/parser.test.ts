import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryCatalog } from '../../../src/programs/sql/catalog.js';
import { SqlSession } from '../../../src/programs/sql/exec.js';
import { type Dialect, SqlSyntaxError } from '../../../src/programs/sql/lexer.js';
import { parse } from '../../../src/programs/sql/parser.js';

const cases = readFileSync(new URL('./data/parse.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split(' | ') as [Dialect, string, string]);

function outcome(dialect: Dialect, sql: string): string {
  try {
    return parse(sql, dialect).kind;
  } catch (e) {
    if (!(e instanceof SqlSyntaxError)) throw e;
    return `syntax ${e.pos} ${e.atEnd ? '$' : e.token}`;
  }
}

describe('SQL parser, from data', () => {
  it.each(cases)('%s: %s', (dialect, sql, expected) => {
    expect(outcome(dialect, sql)).toBe(expected);
  });
});

function session(dialect: Dialect): SqlSession {
  return new SqlSession(new MemoryCatalog(['db']), {
    dialect,
    version: '8.0.38',
    now: Date.UTC(2026, 0, 1),
    db: 'db',
    user: 'root',
    host: 'localhost',
  });
}

const firstCell = (s: SqlSession, sql: string) => {
  const r = s.run(sql);
  if (r.kind !== 'rows') throw new Error(r.kind);
  return r.rows[0]![0];
};

describe('SQL parser, properties', () => {
  it('throws nothing but its syntax error, whatever it is given', () => {
    const sqlish = fc.array(
      fc.constantFrom(
        'SELECT',
        'FROM',
        'WHERE',
        '(',
        ')',
        ',',
        "'",
        '"',
        '`',
        '*',
        '=',
        'x',
        '1',
        ';',
        'INSERT',
        'VALUES',
        '--',
        ' ',
      ),
      { maxLength: 12 },
    );
    for (const dialect of ['mysql', 'postgres'] as const) {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            sqlish.map((w) => w.join(' ')),
          ),
          (sql) => {
            try {
              parse(sql, dialect);
            } catch (e) {
              expect(e).toBeInstanceOf(SqlSyntaxError);
            }
          },
        ),
      );
    }
  });

  it('gives back any string literal it was given, quotes doubled', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom<Dialect>('mysql', 'postgres'), (text, dialect) => {
        const quoted = `'${text.replaceAll("'", "''")}'`;
        const literal = dialect === 'mysql' ? quoted.replaceAll('\\', '\\\\') : quoted;
        expect(firstCell(session(dialect), `SELECT ${literal}`)).toBe(text);
      }),
    );
  });

  it('gives back any integer literal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        expect(firstCell(session('postgres'), `SELECT ${n}`)).toBe(String(n));
      }),
    );
  });
});
