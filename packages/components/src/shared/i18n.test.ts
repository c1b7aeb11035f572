import { html } from 'lit';
import { expect, fixture } from '@open-wc/testing';
import {
  defaultLang,
  format,
  matchLang,
  registerTranslation,
  resolveLang,
  translate,
  type PluralMessage,
} from './i18n.js';
import { enGB } from '../en-gb.js';
import '../progress/progress.js'; // registers the progress strings these tests format

describe('i18n', () => {
  describe('format', () => {
    it('fills {name} placeholders and formats numbers for the locale', () => {
      expect(format('en-GB', 'Question {current} of {total}', { current: 3, total: 12 })).to.equal(
        'Question 3 of 12',
      );
      expect(format('en-GB', '{n} pupils', { n: 12345 })).to.equal('12,345 pupils');
      expect(format('de', '{n} Kinder', { n: 12345 })).to.equal('12.345 Kinder');
      expect(format('en-GB', 'Hello {name}', { name: 'Sam' })).to.equal('Hello Sam');
    });

    it('writes whole numbers under 1,000 as plain digits without building an Intl.NumberFormat where the language writes Latin digits', () => {
      // A first Intl.NumberFormat costs a slow laptop 80-270 ms (measured at 4x CPU in Chromium),
      // on the way to a pupil's first question ("It takes about 5 minutes").
      const real = Intl.NumberFormat;
      const built: string[] = [];
      const spy = function (this: unknown, ...args: ConstructorParameters<typeof real>) {
        built.push(String(args[0]));
        return new real(...args);
      } as unknown as typeof Intl.NumberFormat;
      Intl.NumberFormat = spy;
      try {
        expect(format('ga', '{n} nóiméad', { n: 5 })).to.equal('5 nóiméad');
        expect(format('en-GB', '{a}-{b}', { a: 0, b: 999 })).to.equal('0-999');
        expect(built, 'no Intl.NumberFormat for small whole numbers').to.deep.equal([]);
        // Everything else is the locale's: digits of another script, grouping, signs, fractions.
        expect(format('ar-EG', '{n}', { n: 12 })).to.equal('١٢');
        expect(format('fa', '{n}', { n: 7 })).to.equal('۷');
        expect(format('en-u-nu-arab', '{n}', { n: 7 })).to.equal('٧');
        expect(format('ga', '{n}', { n: 1000 })).to.equal(new real('ga').format(1000));
        expect(format('ga', '{n}', { n: -3 })).to.equal(new real('ga').format(-3));
        expect(format('ga', '{n}', { n: 2.5 })).to.equal(new real('ga').format(2.5));
        expect(built).to.include.members(['ar-EG', 'fa', 'ga']);
      } finally {
        Intl.NumberFormat = real;
      }
    });

    it('leaves a placeholder without a value visible, and ignores extra values', () => {
      expect(format('en-GB', 'Question {current} of {total}', { current: 3, spare: 1 })).to.equal(
        'Question 3 of {total}',
      );
    });

    it('does not treat values as templates', () => {
      expect(format('en-GB', '{a} {b}', { a: '{b}', b: 'x' })).to.equal('{b} x');
    });

    it('picks plural forms with Intl.PluralRules for the locale', () => {
      const questionsLeft: PluralMessage = {
        one: '{count} question left',
        other: '{count} questions left',
      };
      expect(format('en-GB', questionsLeft, { count: 1 })).to.equal('1 question left');
      expect(format('en-GB', questionsLeft, { count: 0 })).to.equal('0 questions left');
      expect(format('en-GB', questionsLeft, { count: 2 })).to.equal('2 questions left');

      // Welsh has six categories; the rules, not the number, choose the form.
      const cy: PluralMessage = {
        zero: 'zero',
        one: 'one',
        two: 'two',
        few: 'few',
        many: 'many',
        other: 'other',
      };
      const forms = [0, 1, 2, 3, 6, 7].map((count) => format('cy', cy, { count }));
      expect(forms).to.deep.equal(['zero', 'one', 'two', 'few', 'many', 'other']);
    });

    it('falls back to "other" when a form is missing or count is not a number', () => {
      const message: PluralMessage = { other: '{count} left' };
      expect(format('en-GB', message, { count: 1 })).to.equal('1 left');
      expect(format('en-GB', { one: 'one', other: 'many' }, {})).to.equal('many');
      expect(format('en-GB', { one: 'one', other: 'many' }, { count: Number.NaN })).to.equal(
        'many',
      );
    });

    it('never throws on an invalid locale', () => {
      expect(format('not a tag!', '{n}', { n: 1000 })).to.equal('1,000');
    });
  });

  describe('tables', () => {
    it('en-GB is the default and complete', () => {
      expect(defaultLang).to.equal('en-GB');
      for (const [key, value] of Object.entries(enGB)) {
        // A message is a string or a PluralMessage; either way its text must not be empty.
        const forms: unknown[] = typeof value === 'string' ? [value] : Object.values(value);
        expect(typeof value === 'string' || typeof value.other === 'string', key).to.equal(true);
        for (const form of forms) expect(form, key).to.be.a('string').and.not.equal('');
      }
    });

    it('matches exact tags, then the language, then the default', () => {
      registerTranslation('pl', { progressLabel: 'Pytanie {current} z {total}' });
      expect(matchLang('pl')).to.equal('pl');
      expect(matchLang('PL-pl')).to.equal('pl');
      expect(matchLang('en-US')).to.equal('en-GB');
      expect(matchLang('en')).to.equal('en-GB');
      expect(matchLang('ja')).to.equal('en-GB');
      expect(matchLang('')).to.equal('en-GB');
      // Asked again (the canonical forms are remembered): the same answers, valid or not.
      for (const tag of ['pl', 'PL-pl', 'en-US', 'not a tag!', 'not a tag!'])
        expect(matchLang(tag)).to.equal(
          tag.startsWith('p') || tag.startsWith('P') ? 'pl' : 'en-GB',
        );
      // Past the memo's bound, still right.
      for (let i = 0; i < 100; i++) expect(matchLang(`x-tag${i}`)).to.equal('en-GB');
      expect(matchLang('pl-PL')).to.equal('pl');
      expect(matchLang('%%%')).to.equal('en-GB');
    });

    it('a partial table falls back to en-GB per string; registering merges', () => {
      registerTranslation('ro', {});
      expect(translate('ro', 'progressLabel', { current: 1, total: 2 })).to.equal(
        'Question 1 of 2',
      );
      registerTranslation('ro', { progressLabel: 'Întrebarea {current} din {total}' });
      registerTranslation('ro', {});
      expect(translate('ro', 'progressLabel', { current: 1, total: 2 })).to.equal(
        'Întrebarea 1 din 2',
      );
    });

    it('refuses to register an invalid language tag', () => {
      expect(() => registerTranslation('not a tag!', {})).to.throw(RangeError);
    });
  });

  describe('resolveLang', () => {
    it('finds the nearest lang, crossing shadow roots through their hosts', async () => {
      const outer = await fixture<HTMLDivElement>(html`<div lang="cy"><span></span></div>`);
      const span = outer.querySelector('span')!;
      expect(resolveLang(span)).to.equal('cy');

      const shadow = span.attachShadow({ mode: 'open' });
      const deep = document.createElement('b');
      const middle = document.createElement('i');
      middle.append(deep);
      shadow.append(middle);
      expect(resolveLang(deep)).to.equal('cy');

      middle.lang = 'pl';
      expect(resolveLang(deep)).to.equal('pl');
      deep.lang = ' de ';
      expect(resolveLang(deep)).to.equal('de');
    });

    it('returns "" with no lang, and for lang="" (unknown)', async () => {
      const detached = document.createElement('div');
      expect(resolveLang(detached)).to.equal('');
      const outer = await fixture<HTMLDivElement>(html`<div lang=""><span></span></div>`);
      expect(resolveLang(outer.querySelector('span')!)).to.equal('');
    });
  });
});
