import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCommandHelp } from '../../src/cli/help.js';
import { findCommand } from '../../src/cli/registry.js';

/**
 * `--help` of every simulated docker command against the text the real docker 28.2.2 client
 * prints (captured once into test/cli/help/, one file per command path).
 */
const DIR = path.join(import.meta.dirname, 'help');

describe('help texts match docker', () => {
  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
    const cmdPath = file.replace(/\.txt$/, '').replaceAll('_', ' ');
    it(`docker ${cmdPath} --help`, async () => {
      const entry = findCommand(cmdPath);
      expect(entry, `no command ${cmdPath}`).toBeDefined();
      const mod = await entry!.load();
      const text = renderCommandHelp({ ...mod.spec, path: cmdPath }, 80);
      expect(text).toBe(fs.readFileSync(path.join(DIR, file), 'utf8'));
    });
  }
});
