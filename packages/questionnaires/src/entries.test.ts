// One entry point per definition and per fragment (`@all-together/questionnaires/pupil-ks2.js`), so a
// page that needs one questionnaire bundles one. scripts/bundles.test.mjs (at the repository root)
// checks what each entry bundles; this file checks what it returns and that package.json, the
// generated files and the shipped content agree.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entrySources } from '../scripts/generate-catalogue.js';
import {
  getDefinition,
  getDocument,
  getFragment,
  listDefinitions,
  listDocuments,
  listFragments,
} from './index.js';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
};
const definitionIds = [...new Set(listDefinitions().map((e) => e.id))];
const fragmentIds = [...new Set(listFragments().map((e) => e.id))];
const documentIds = [...new Set(listDocuments().map((e) => e.id))];

interface DefinitionEntry {
  id: string;
  versions: readonly string[];
  definition(version?: string): { id: string; version: string; kind: string };
}
interface DocumentEntry {
  id: string;
  versions: readonly string[];
  document(version?: string): { id: string; version: string; kind: string };
}
interface FragmentEntry {
  id: string;
  versions: readonly string[];
  fragment(version?: string): { id: string; version: string; kind: string };
}

describe('one entry point per definition and fragment', () => {
  it('there are definitions and fragments to check', () => {
    assert.ok(definitionIds.includes('pupil-ks2'));
    assert.ok(fragmentIds.includes('identity-questions'));
  });

  it('no definition, fragment or document shares an id (they share one namespace of subpaths)', () => {
    const all = [...definitionIds, ...fragmentIds, ...documentIds];
    assert.equal(new Set(all).size, all.length);
  });

  it('every id is exported as ./<id>.js: source, types, default', () => {
    for (const id of [...definitionIds, ...fragmentIds, ...documentIds]) {
      assert.deepEqual(pkg.exports[`./${id}.js`], {
        '@all-together/source': `./src/entries/${id}.ts`,
        types: `./dist/entries/${id}.d.ts`,
        default: `./dist/entries/${id}.js`,
      });
    }
  });

  it('src/entries/ holds exactly the generated files, up to date (run `pnpm catalogue`)', () => {
    const expected = entrySources(root);
    const onDisk = readdirSync(join(root, 'src/entries')).sort();
    assert.deepEqual(onDisk, [...expected.keys()].sort());
    for (const [file, source] of expected) {
      assert.equal(readFileSync(join(root, 'src/entries', file), 'utf8'), source, file);
    }
  });

  for (const id of definitionIds) {
    it(`${id}.js: definition() is the newest version, parsed, as getDefinition gives it`, async () => {
      const entry = (await import(`./entries/${id}.js`)) as DefinitionEntry;
      assert.equal(entry.id, id);
      assert.deepEqual(entry.definition(), getDefinition(id));
      const newest = listDefinitions().find((e) => e.id === id)!.version;
      assert.equal(entry.definition().version, newest);
      for (const version of entry.versions)
        assert.deepEqual(entry.definition(version), getDefinition(id, version));
      assert.throws(() => entry.definition('99.0.0'), /no version 99\.0\.0 of "[a-z0-9-]+"/);
    });
  }

  for (const id of fragmentIds) {
    it(`${id}.js: fragment() is the newest version, parsed, as getFragment gives it`, async () => {
      const entry = (await import(`./entries/${id}.js`)) as FragmentEntry;
      assert.equal(entry.id, id);
      assert.deepEqual(entry.fragment(), getFragment(id));
      assert.throws(() => entry.fragment('99.0.0'), /no version 99\.0\.0/);
    });
  }

  for (const id of documentIds) {
    it(`${id}.js: document() is the newest version, parsed, as getDocument gives it`, async () => {
      const entry = (await import(`./entries/${id}.js`)) as DocumentEntry;
      assert.equal(entry.id, id);
      assert.deepEqual(entry.document(), getDocument(id));
      for (const version of entry.versions)
        assert.deepEqual(entry.document(version), getDocument(id, version));
      assert.throws(() => entry.document('99.0.0'), /no version 99\.0\.0/);
    });
  }
});
