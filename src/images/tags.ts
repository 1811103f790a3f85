import { object, record, type StateStore, str } from '../store/index.js';
import type { ImageId } from './digest.js';
import { familiarName, familiarString, parseNormalized, type Reference } from './reference.js';

const FILE = 'image/overlay2/repositories.json';

interface RepositoriesDoc {
  Repositories: Record<string, Record<string, string>>;
}

const check = object<RepositoriesDoc>({ Repositories: record(record(str)) });

/**
 * Names of images: `repositories.json` maps each familiar repository name to its references
 * (`nginx:latest`, `nginx@sha256:…`) and the image ID each points at.
 */
export class TagStore {
  private doc: RepositoriesDoc;

  constructor(private readonly store: StateStore) {
    this.doc = store.readJson(FILE, check) ?? { Repositories: {} };
  }

  private save(): void {
    this.store.writeJson(FILE, this.doc);
  }

  get(ref: Reference): ImageId | undefined {
    return this.doc.Repositories[familiarName(ref)]?.[familiarString(ref)] as ImageId | undefined;
  }

  /** Points `ref` at `id`, replacing what it pointed at; returns the previous image. */
  set(ref: Reference, id: ImageId): ImageId | undefined {
    const repo = familiarName(ref);
    const previous = this.get(ref);
    this.doc.Repositories[repo] ??= {};
    this.doc.Repositories[repo]![familiarString(ref)] = id;
    this.save();
    return previous;
  }

  delete(ref: Reference): boolean {
    const repo = familiarName(ref);
    const refs = this.doc.Repositories[repo];
    if (!refs || !(familiarString(ref) in refs)) return false;
    delete refs[familiarString(ref)];
    if (Object.keys(refs).length === 0) delete this.doc.Repositories[repo];
    this.save();
    return true;
  }

  /** References pointing at an image, in the order they were added. */
  referencesTo(id: ImageId): Reference[] {
    const out: Reference[] = [];
    for (const refs of Object.values(this.doc.Repositories)) {
      for (const [text, target] of Object.entries(refs)) if (target === id) out.push(parseNormalized(text));
    }
    return out;
  }

  all(): { ref: Reference; id: ImageId }[] {
    const out: { ref: Reference; id: ImageId }[] = [];
    for (const refs of Object.values(this.doc.Repositories)) {
      for (const [text, id] of Object.entries(refs))
        out.push({ ref: parseNormalized(text), id: id as ImageId });
    }
    return out;
  }
}
