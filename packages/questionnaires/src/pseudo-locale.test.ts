import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check, collectLocalisedTexts } from '@all-together/model';
import {
  Definition,
  InformationDocument,
  QuestionnaireFragment,
  getDefinition,
  getDocument,
  listDocuments,
  getFragment,
  listDefinitions,
  listFragments,
  pseudoLocalise,
  pseudoTranslate,
} from './index.js';

/**
 * Keys whose string values are data, never shown to a person: ids, option values, enum fields,
 * links' URLs. Anything else that is a string outside a LocalisedText would be an untranslatable
 * user-visible string.
 */
const DATA_KEYS = new Set([
  'kind',
  'id',
  'version',
  'audience',
  'locales',
  'defaultLocale',
  'type',
  'value',
  'values',
  'item',
  'op',
  'face',
  'url',
  'indicator',
  'scale',
  'characteristic',
  'method',
  'direction',
  'missing',
  'statements',
  'groups',
  'definition',
  'before',
  'after',
  'audiences',
  'key',
  'population',
  'of',
  'allOf',
  'comparableAs',
]);

function strayStrings(value: unknown, path: string[] = [], out: string[] = []): string[] {
  const texts = new Set(collectLocalisedTexts(value).map((t) => t.text));
  const walk = (v: unknown, p: string[]) => {
    if (typeof v === 'string') {
      if (!p.some((k) => DATA_KEYS.has(k))) out.push(`${p.join('.')}: ${v}`);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, String(i)]));
    else if (v && typeof v === 'object' && !texts.has(v as Record<string, string>)) {
      for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
    }
  };
  walk(value, path);
  return out;
}

describe('pseudo-locale: every user-visible string is localisable', () => {
  it('pseudoTranslate accents text, lengthens it and keeps {parameters}', () => {
    const t = pseudoTranslate('Since {referencePeriod}, I feel safe');
    assert.match(t, /^\[Šíñçé \{referencePeriod\}, Í ƒééĺ šáƒé·+\]$/);
  });

  for (const entry of listDefinitions()) {
    it(`${entry.path}: en-XA built from en-GB parses, and no visible string is left outside a LocalisedText`, () => {
      const pseudo = pseudoLocalise(getDefinition(entry.id, entry.version));
      const result = check(Definition, pseudo);
      if (!result.ok)
        assert.fail(
          result.problems
            .slice(0, 5)
            .map((p) => `${p.at}: ${p.message}`)
            .join('\n'),
        );
      for (const { path, text } of collectLocalisedTexts(result.value)) {
        assert.notEqual(text['en-XA'], text['en-GB'], path.join('.'));
      }
      assert.deepEqual(strayStrings(result.value), []);
    });
  }

  for (const { id } of listFragments()) {
    it(`fragment ${id} is localisable too`, () => {
      const result = check(QuestionnaireFragment, pseudoLocalise(getFragment(id)));
      assert.ok(result.ok);
      assert.deepEqual(strayStrings(result.value), []);
    });
  }

  for (const { id, version } of listDocuments()) {
    it(`document ${id} ${version} is localisable too`, () => {
      const result = check(InformationDocument, pseudoLocalise(getDocument(id, version)));
      if (!result.ok) assert.fail(result.problems.map((p) => `${p.at}: ${p.message}`).join('\n'));
      for (const { path, text } of collectLocalisedTexts(result.value))
        assert.notEqual(text['en-XA'], text['en-GB'], path.join('.'));
      assert.deepEqual(strayStrings(result.value), []);
    });
  }

  it('a text missing from the new locale is caught with its path', () => {
    const def = pseudoLocalise(getDefinition('pupil-ks2')) as {
      sections: { title: Record<string, string> }[];
    };
    delete def.sections[0]!.title['en-XA'];
    const result = check(Definition, def);
    assert.equal(result.ok, false);
    if (!result.ok) assert.ok(result.problems.some((p) => p.at === 'sections.0.title.en-XA'));
  });
});
