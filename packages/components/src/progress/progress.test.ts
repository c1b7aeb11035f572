import { html, LitElement, render, type TemplateResult } from 'lit';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { defineElement } from '../shared/define.js';
import { registerTranslation } from '../shared/i18n.js';
import { AtProgress } from './progress.js';
import './at-progress.js';

/** The element's visible, accessible text (whitespace collapsed), or '' when it renders nothing. */
const text = (el: AtProgress) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const part = (el: AtProgress, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const fill = (el: AtProgress) => el.style.getPropertyValue('--_at-progress-fill').trim();
/**
 * An element as its markup, for assertions: a failing assertion whose actual value is a DOM node,
 * an event or a function stalls wtr 0.20's result reporting until testsFinishTimeout, so tests
 * compare strings, numbers and booleans only.
 */
const markup = (node: Element | null) => node?.outerHTML ?? null;

/** Every fixture the element must render accessibly (one set for axe and the text checks). */
const examples = [
  { name: 'first question', current: 1, total: 12, label: 'Question 1 of 12', fill: 1 / 12 },
  { name: 'middle', current: 3, total: 12, label: 'Question 3 of 12', fill: 3 / 12 },
  { name: 'last question', current: 12, total: 12, label: 'Question 12 of 12', fill: 1 },
  { name: 'a single question', current: 1, total: 1, label: 'Question 1 of 1', fill: 1 },
  {
    name: 'large numbers',
    current: 1250,
    total: 2000,
    label: 'Question 1,250 of 2,000',
    fill: 0.625,
  },
] as const;

describe('<at-progress>', () => {
  it('A11 has no axe violations', async () => {
    const el = await fixture<AtProgress>(html`<at-progress current="3" total="12"></at-progress>`);
    await expect(el).to.be.accessible();
  });

  it('A11 has no axe violations in any example, nor when it renders nothing', async () => {
    for (const example of examples) {
      const el = await fixture<AtProgress>(
        html`<at-progress .current=${example.current} .total=${example.total}></at-progress>`,
      );
      await expect(el, example.name).to.be.accessible();
    }
    const empty = await fixture<AtProgress>(html`<at-progress total="0"></at-progress>`);
    await expect(empty).to.be.accessible();
  });

  it('is registered as <at-progress> by its registration file', () => {
    expect(customElements.get('at-progress') === AtProgress).to.equal(true);
    expect(document.createElement('at-progress') instanceof AtProgress).to.equal(true);
  });

  describe('text and bar', () => {
    for (const example of examples) {
      it(`says "${example.label}" with the bar ${Math.round(example.fill * 100)}% full (${example.name})`, async () => {
        const el = await fixture<AtProgress>(
          html`<at-progress .current=${example.current} .total=${example.total}></at-progress>`,
        );
        expect(text(el)).to.equal(example.label);
        expect(parseFloat(fill(el))).to.be.closeTo(example.fill * 100, 1e-9);
        const bar = part(el, 'bar')!.getBoundingClientRect().width;
        const filled = part(el, 'bar__fill')!.getBoundingClientRect().width;
        // The bar has a 1px border on each side; the fill spans its content box.
        expect(filled).to.be.closeTo((bar - 2) * example.fill, 1);
      });
    }

    it('reads numbers from attributes and follows attribute changes', async () => {
      const el = await fixture<AtProgress>(html`<at-progress current="2" total="5"></at-progress>`);
      expect(el.current).to.equal(2);
      expect(el.total).to.equal(5);
      expect(text(el)).to.equal('Question 2 of 5');
      el.setAttribute('current', '4');
      await el.updateComplete;
      expect(text(el)).to.equal('Question 4 of 5');
      expect(fill(el)).to.equal('80%');
    });

    it('A11 the text is the accessible content and the bar is hidden from assistive technology', async () => {
      const el = await fixture<AtProgress>(
        html`<at-progress current="3" total="12"></at-progress>`,
      );
      const label = part(el, 'label')!;
      const bar = part(el, 'bar')!;
      expect(markup(label.closest('[aria-hidden]'))).to.equal(null);
      expect(bar.getAttribute('aria-hidden')).to.equal('true');
      expect(bar.textContent!.trim()).to.equal('');
      expect(markup(el.shadowRoot!.querySelector('[role]'))).to.equal(null);
    });

    it('exposes the parts base, label, bar and bar__fill', async () => {
      const el = await fixture<AtProgress>(
        html`<at-progress current="3" total="12"></at-progress>`,
      );
      const parts = [...el.shadowRoot!.querySelectorAll('[part]')].map((p) =>
        p.getAttribute('part'),
      );
      expect(parts).to.deep.equal(['base', 'label', 'bar', 'bar__fill']);
    });

    it('W2 writes no style attribute in its shadow DOM (strict CSP)', async () => {
      for (const example of examples) {
        const el = await fixture<AtProgress>(
          html`<at-progress .current=${example.current} .total=${example.total}></at-progress>`,
        );
        expect(el.shadowRoot!.querySelectorAll('[style]').length, example.name).to.equal(0);
      }
    });

    it('the host colour hooks reach the bar', async () => {
      const el = await fixture<AtProgress>(
        html`<at-progress current="1" total="2" class="themed"></at-progress>`,
      );
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '.themed { --at-progress-bar-color: rgb(0, 128, 0); --at-progress-track-color: rgb(255, 255, 0); }',
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      try {
        expect(getComputedStyle(part(el, 'bar__fill')!).backgroundColor).to.equal('rgb(0, 128, 0)');
        expect(getComputedStyle(part(el, 'bar')!).backgroundColor).to.equal('rgb(255, 255, 0)');
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    });
  });

  describe('bad values', () => {
    const clamped = [
      { current: 0, total: 12, label: 'Question 1 of 12', why: 'current 0 → 1' },
      { current: -5, total: 12, label: 'Question 1 of 12', why: 'negative current → 1' },
      { current: 15, total: 12, label: 'Question 12 of 12', why: 'current past the end → total' },
      { current: Infinity, total: 12, label: 'Question 12 of 12', why: 'current Infinity → total' },
      { current: 2.9, total: 12, label: 'Question 2 of 12', why: 'fractions round down' },
      { current: 3, total: 12.6, label: 'Question 3 of 12', why: 'fractional total rounds down' },
    ];
    for (const c of clamped) {
      it(`clamps: ${c.why}`, async () => {
        const el = await fixture<AtProgress>(
          html`<at-progress .current=${c.current} .total=${c.total}></at-progress>`,
        );
        expect(text(el)).to.equal(c.label);
        const ratio = parseFloat(fill(el));
        expect(ratio).to.be.within(0, 100);
      });
    }

    const nothingShown: { attrs: Record<string, string>; why: string }[] = [
      { attrs: { current: '1', total: '0' }, why: 'total 0' },
      { attrs: { current: '1', total: '-3' }, why: 'negative total' },
      { attrs: { current: '1', total: 'twelve' }, why: 'total not a number' },
      { attrs: { current: '1', total: 'Infinity' }, why: 'infinite total' },
      { attrs: { current: 'abc', total: '12' }, why: 'current not a number' },
      { attrs: { current: '1' }, why: 'no total' },
      { attrs: { current: '1', total: '0.5' }, why: 'total below 1 after rounding down' },
    ];
    for (const c of nothingShown) {
      it(`renders nothing misleading: ${c.why}`, async () => {
        const el = await fixture<AtProgress>(html`<at-progress></at-progress>`);
        for (const [name, value] of Object.entries(c.attrs)) el.setAttribute(name, value);
        await el.updateComplete;
        expect(text(el)).to.equal('');
        expect(markup(part(el, 'bar'))).to.equal(null);
        expect(fill(el)).to.equal('');
        expect(el.hasAttribute('style')).to.equal(false);
        expect(el.getBoundingClientRect().height).to.equal(0);
      });
    }

    it('recovers when a bad value is corrected, and removes an attribute cleanly', async () => {
      const el = await fixture<AtProgress>(html`<at-progress current="2" total="4"></at-progress>`);
      el.total = Number.NaN;
      await el.updateComplete;
      expect(text(el)).to.equal('');
      el.total = 8;
      await el.updateComplete;
      expect(text(el)).to.equal('Question 2 of 8');
      el.removeAttribute('current'); // Lit sets null: the position is unknown
      await el.updateComplete;
      expect(text(el)).to.equal('');
    });

    it('keeps a style the host page set itself', async () => {
      // Markup as a host page writes it (a string, not a Lit template: our templates never carry style=).
      const el = await fixture<AtProgress>(
        '<at-progress current="1" total="4" style="margin-top: 3px"></at-progress>',
      );
      el.total = 0;
      await el.updateComplete;
      expect(el.style.marginTop).to.equal('3px');
      el.total = 4;
      await el.updateComplete;
      expect(el.style.marginTop).to.equal('3px');
      expect(fill(el)).to.equal('25%');
    });
  });

  describe('language', () => {
    before(() => {
      // A pseudo-locale: every string visibly transformed, to catch hard-coded English.
      registerTranslation('qps-ploc', { progressLabel: '[Ǭüéšţîöñ {current} öƒ {total}]' });
      // A language whose number format differs from English.
      registerTranslation('de', { progressLabel: 'Frage {current} von {total}' });
    });

    it('uses the lang of the nearest ancestor, crossing shadow roots', async () => {
      const { shadow } = await inShadow(
        'qps-ploc',
        html`<section><at-progress current="3" total="12"></at-progress></section>`,
      );
      const el = shadow.querySelector('at-progress')!;
      await el.updateComplete;
      expect(text(el)).to.equal('[Ǭüéšţîöñ 3 öƒ 12]');
    });

    it('prefers the nearest lang: its own, then inside a shadow root, over outer ones', async () => {
      const { shadow } = await inShadow(
        'de',
        html`<div lang="qps-ploc"><at-progress current="1" total="2"></at-progress></div>
          <at-progress lang="en-GB" current="1" total="2"></at-progress>`,
      );
      const [inner, own] = [...shadow.querySelectorAll('at-progress')];
      await inner!.updateComplete;
      await own!.updateComplete;
      expect(text(inner!)).to.equal('[Ǭüéšţîöñ 1 öƒ 2]');
      expect(text(own!)).to.equal('Question 1 of 2');
    });

    it('formats numbers for the language', async () => {
      const el = await fixture<AtProgress>(
        html`<div lang="de-DE"><at-progress current="1250" total="2000"></at-progress></div>`,
      );
      const progress = el.querySelector('at-progress')!;
      expect(text(progress)).to.equal('Frage 1.250 von 2.000');
    });

    it('falls back to en-GB for an unknown, empty or invalid lang, without throwing', async () => {
      for (const lang of ['fr', '', 'not a language tag!', 'en-US']) {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div lang=${lang}><at-progress current="3" total="12"></at-progress></div>`,
        );
        expect(text(wrapper.querySelector('at-progress')!), `lang="${lang}"`).to.equal(
          'Question 3 of 12',
        );
      }
    });

    it('re-renders when an ancestor lang changes, also inside a shadow root', async () => {
      const { outer, shadow } = await inShadow(
        'en-GB',
        html`<div><at-progress current="3" total="12"></at-progress></div>`,
      );
      const el = shadow.querySelector('at-progress')!;
      await el.updateComplete;
      outer.lang = 'qps-ploc';
      await waitUntil(() => text(el) === '[Ǭüéšţîöñ 3 öƒ 12]', 'outer lang change not applied');
      shadow.querySelector('div')!.lang = 'de';
      await waitUntil(() => text(el) === 'Frage 3 von 12', 'shadow lang change not applied');
    });

    it('re-renders when a table registered later covers its language', async () => {
      const el = await fixture<AtProgress>(
        html`<at-progress lang="eo" current="1" total="3"></at-progress>`,
      );
      expect(text(el)).to.equal('Question 1 of 3');
      registerTranslation('eo', { progressLabel: 'Demando {current} el {total}' });
      await waitUntil(() => text(el) === 'Demando 1 el 3', 'late table not applied');
    });
  });

  describe('A8 motion and forced colours', () => {
    afterEach(async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      await executeServerCommand('at-emulate-forced-colors', 'none');
    });

    it('animates the fill only without a reduced-motion preference', async () => {
      const el = await fixture<AtProgress>(html`<at-progress current="1" total="2"></at-progress>`);
      const duration = () => getComputedStyle(part(el, 'bar__fill')!).transitionDuration;
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(duration()).to.equal('0.2s');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(duration()).to.equal('0s');
    });

    it('keeps the fill visible against the track in forced colours', async () => {
      const el = await fixture<AtProgress>(html`<at-progress current="1" total="2"></at-progress>`);
      await executeServerCommand('at-emulate-forced-colors', 'active');
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const fillColour = getComputedStyle(part(el, 'bar__fill')!).backgroundColor;
      const trackColour = getComputedStyle(part(el, 'bar')!).backgroundColor;
      expect(fillColour).to.not.equal(trackColour);
      expect(fillColour).to.not.equal('rgba(0, 0, 0, 0)');
    });
  });

  describe('W9 two copies on one page', () => {
    it('W9 defining <at-progress> again with the same class is silent', () => {
      const warnings = captureWarnings(() => {
        expect(defineElement('at-progress', AtProgress)).to.equal(true);
      });
      expect(warnings).to.deep.equal([]);
      expect(customElements.get('at-progress') === AtProgress).to.equal(true);
    });

    it('W9 another class for <at-progress> warns, does not throw, and keeps the first', () => {
      class OtherCopy extends LitElement {}
      const warnings = captureWarnings(() => {
        expect(() => defineElement('at-progress', OtherCopy)).to.not.throw();
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<at-progress>');
      expect(customElements.get('at-progress') === AtProgress).to.equal(true);
    });
  });
});

/** Renders `inner` into the shadow root of a host inside `<div lang=outerLang>`. */
async function inShadow(outerLang: string, inner: TemplateResult) {
  const outer = await fixture<HTMLDivElement>(html`<div lang=${outerLang}><div></div></div>`);
  const shadow = outer.firstElementChild!.attachShadow({ mode: 'open' });
  render(inner, shadow);
  return { outer, shadow };
}

/** Runs `action` with console.warn captured, so expected warnings are asserted and not printed. */
function captureWarnings(action: () => void): string[] {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    action();
  } finally {
    console.warn = original;
  }
  return warnings;
}
