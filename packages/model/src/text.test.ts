import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  LocaleCode,
  LocalisedText,
  PlainText,
  SafeUrl,
  collectLocalisedTexts,
  hasLoneSurrogate,
} from './index.js';
import { questionnaireInput } from './test-helpers/examples.js';

describe('text', () => {
  it('W1 keeps markup as literal text: it is data, never interpreted', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    assert.equal(LocalisedText.parse({ 'en-GB': hostile })['en-GB'], hostile);
  });

  for (const [name, value] of [
    ['NUL', 'a\u0000b'],
    ['a bell control character', 'a\u0007b'],
    ['a right-to-left override', 'abc\u202Edcb'],
    ['a bidi isolate', '\u2066x\u2069'],
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate', 'a\uDC00b'],
  ] as const) {
    it(`S4 refuses ${name}`, () => {
      assert.equal(PlainText(100).safeParse(value).success, false);
    });
  }

  it('accepts newlines, tabs, emoji and Welsh', () => {
    for (const ok of ['line one\nline two', 'a\tb', 'I feel 😊', 'Rwy’n teimlo’n ddiogel']) {
      assert.equal(PlainText(100).safeParse(ok).success, true, ok);
    }
    assert.equal(hasLoneSurrogate('😊'), false);
  });

  it('W1 links: https, mailto, tel and relative only', () => {
    for (const ok of [
      'https://www.childline.org.uk/',
      'mailto:help@example.org',
      'tel:08001111',
      '/help',
      'help.html',
    ]) {
      assert.equal(SafeUrl.safeParse(ok).success, true, ok);
    }
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'http://insecure.example',
      '//evil.example',
      'vbscript:x',
      '',
    ]) {
      assert.equal(SafeUrl.safeParse(bad).success, false, bad);
    }
  });

  it('locale codes follow BCP 47', () => {
    for (const ok of ['en-GB', 'cy-GB', 'en', 'zh-Hant-TW', 'en-XA', 'es-419'])
      assert.equal(LocaleCode.safeParse(ok).success, true, ok);
    for (const bad of ['EN-gb', 'english', 'en_GB', ''])
      assert.equal(LocaleCode.safeParse(bad).success, false, bad);
  });

  it('LocalisedText needs at least one locale and no empty text', () => {
    assert.equal(LocalisedText.safeParse({}).success, false);
    assert.equal(LocalisedText.safeParse({ 'en-GB': '' }).success, false);
  });

  it('collectLocalisedTexts finds every user-visible text of a definition (for the pseudo-locale)', () => {
    const found = collectLocalisedTexts(questionnaireInput());
    const paths = found.map((f) => f.path.join('.'));
    assert.ok(paths.includes('title'));
    assert.ok(paths.includes('sections.1.items.0.options.5.label'));
    assert.ok(paths.includes('help.links.0.title'));
    // Scored values are numbers, not text, so they are not mistaken for localised text.
    assert.ok(!paths.some((p) => p.includes('scoring')));
  });
});
