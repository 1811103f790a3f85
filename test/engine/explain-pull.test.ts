import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ExplainFact, PullFact } from '../../src/api/explain.js';
import type { JsonMessage } from '../../src/api/images.js';
import { pullImage } from '../../src/engine/images/pull.js';
import { ImageServices } from '../../src/engine/images/services.js';
import { Runtime } from '../../src/engine/runtime.js';
import { renderNarration } from '../../src/learn/explain/index.js';
import { StateStore } from '../../src/store/index.js';

function setup() {
  const store = new StateStore(fs.mkdtempSync(path.join(os.tmpdir(), 'dockersim-explain-pull-')));
  const facts: ExplainFact[] = [];
  const svc = new ImageServices(store, facts);
  const rt = Runtime.load(store, { DOCKERSIM_CLOCK: '2026-01-01T00:00:00Z', DOCKERSIM_SEED: '1' });
  const pull = (ref: string) => {
    const messages: JsonMessage[] = [];
    pullImage(svc, rt, ref, (m) => messages.push(m));
    return { messages, fact: facts.at(-1) as PullFact };
  };
  return { pull, facts };
}

/** The 12-digit layer IDs `docker pull` printed with a status. */
const idsWith = (messages: JsonMessage[], status: string) =>
  messages.filter((m) => m.status === status).map((m) => m.id);

describe('pull facts: each layer by digest, downloaded or already present', () => {
  test('agree with the layers docker pull reports', () => {
    const { pull } = setup();
    const first = pull('debian:bookworm-slim');
    expect(first.fact.kind).toBe('pull');
    expect(first.fact.layers.every((l) => !l.present)).toBe(true);
    expect(first.fact.layers.map((l) => l.digest.slice(7, 19))).toEqual(
      idsWith(first.messages, 'Pull complete'),
    );
    const nginx = pull('nginx');
    const present = nginx.fact.layers.filter((l) => l.present).map((l) => l.digest.slice(7, 19));
    const fetched = nginx.fact.layers.filter((l) => !l.present).map((l) => l.digest.slice(7, 19));
    expect(present).toEqual(idsWith(nginx.messages, 'Already exists'));
    expect(fetched).toEqual(idsWith(nginx.messages, 'Pull complete'));
    expect(present.length).toBeGreaterThan(0);
    expect(nginx.messages.at(-2)?.status).toBe(`Digest: ${nginx.fact.manifestDigest}`);
    const text = renderNarration([nginx.fact], { lang: 'en', color: false });
    expect(text).toContain(
      `already in the layer store, not downloaded (${present.length}): ${present.join(', ')}`,
    );
    expect(text).toContain(`downloaded (${fetched.length}): ${fetched.join(', ')}`);
  });

  test('an image already pulled is up to date: nothing downloaded', () => {
    const { pull, facts } = setup();
    pull('alpine');
    const again = pull('alpine');
    expect(facts).toHaveLength(2);
    expect(again.fact.upToDate).toBe(true);
    expect(again.fact.layers.every((l) => l.present)).toBe(true);
    expect(renderNarration([again.fact], { lang: 'ko', color: false })).toContain('이미 최신입니다');
  });
});
