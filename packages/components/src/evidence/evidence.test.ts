import { html } from 'lit';
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AtEvidence } from './evidence.js';
import type { AtEvidenceAddEvent, AtEvidenceRemoveEvent } from './evidence.events.js';
import {
  actions,
  areas,
  completeItems,
  invalidItems,
  partialItems,
} from './test-helpers/evidence-data.js';
import * as stories from './evidence.stories.js';
import './at-evidence.js';

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: AtEvidence, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel)!;

async function make(items: unknown, o: { readonly?: boolean } = {}): Promise<AtEvidence> {
  const el = await fixture<AtEvidence>(
    html`<at-evidence
      .items=${items as AtEvidence['items']}
      .areas=${areas}
      .actions=${actions}
      ?readonly=${o.readonly ?? false}
      file-href="/files/{id}"
    ></at-evidence>`,
  );
  await el.updateComplete;
  return el;
}

/** Fills the add form as a person would (events, not properties). */
async function fill(
  el: AtEvidence,
  v: { for?: string; kind?: string; description?: string; date?: string },
) {
  const set = (sel: string, value: string, type: 'input' | 'change') => {
    const c = $<HTMLInputElement | HTMLSelectElement>(el, sel);
    c.value = value;
    c.dispatchEvent(new Event(type, { bubbles: true }));
  };
  if (v.for !== undefined) set('#ev-for', v.for, 'change');
  if (v.kind !== undefined) set('#ev-kind', v.kind, 'change');
  if (v.description !== undefined) set('#ev-description', v.description, 'input');
  if (v.date !== undefined) set('#ev-date', v.date, 'input');
  await el.updateComplete;
}

describe('<at-evidence>', () => {
  for (const [name, items] of [
    ['empty', []],
    ['partial', partialItems],
    ['complete', completeItems],
    ['invalid', invalidItems],
  ] as const)
    it(`A11 is accessible: ${name}`, async () => {
      const original = console.error;
      // The invalid fixture logs its problem paths on purpose (checked below).
      if (name === 'invalid') console.error = () => {};
      try {
        const el = await make(items);
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
    });

  it('A11 is accessible read-only, and after a refused submit', async () => {
    await expect(await make(completeItems, { readonly: true })).to.be.accessible();
    const el = await make([]);
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('lists every item with what it is for, its kind, and a file only as a download link', async () => {
    const el = await make(completeItems);
    const rows = [...el.shadowRoot!.querySelectorAll('[part~=item]')];
    expect(rows.length).to.equal(completeItems.length);
    expect(text(rows[0])).to.contain(`Area 1: ${areas[0]!.title}`);
    const a = rows[0]!.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal(`/files/${completeItems[0]!.id}`);
    expect(a.hasAttribute('download')).to.equal(true);
    expect(text(a)).to.equal('policy-review.pdf (180 KB)');
    expect(text(rows.at(-1))).to.contain('Action: Train lunchtime staff');
  });

  it('says first not to upload anything that identifies a pupil, and the form is described by it', async () => {
    const el = await make([]);
    expect(text($(el, '#ev-privacy'))).to.match(/Do not upload anything that identifies a pupil/);
    expect($(el, 'form').getAttribute('aria-describedby')).to.equal('ev-privacy');
  });

  it('A2 refuses an empty or one-word item with a focused error summary naming each field, and emits nothing', async () => {
    const el = await make([]);
    let fired = 0;
    el.addEventListener('at-evidence-add', () => fired++);
    await fill(el, { description: 'x' });
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    await el.updateComplete;
    const summary = $(el, '#ev-errors');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#ev-for', '#ev-kind', '#ev-description', '#ev-date']);
    expect(text(summary)).to.contain('at least 5 words');
    expect(fired).to.equal(0);
  });

  it('emits at-evidence-add with the fields when they pass, and reset() clears the form', async () => {
    const el = await make(partialItems);
    await fill(el, {
      for: `action:${actions[0]!.id}`,
      kind: 'minutes',
      description: '  Minutes of the governors meeting that reviewed the policy  ',
      date: '2026-05-01',
    });
    const event = oneEvent(el, 'at-evidence-add') as Promise<AtEvidenceAddEvent>;
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    const e = await event;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail).to.deep.equal({
      area: null,
      action: actions[0]!.id,
      kind: 'minutes',
      description: 'Minutes of the governors meeting that reviewed the policy',
      date: '2026-05-01',
      url: null,
      file: null,
    });
    el.reset();
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#ev-description').value).to.equal('');
  });

  it('refuses a file of another type or over the cap before anything is sent', async () => {
    const el = await make([]);
    el.maxFileBytes = 10;
    await fill(el, {
      for: 'area:1',
      kind: 'document',
      description: 'one two three four five',
      date: '2026-05-01',
    });
    const input = $<HTMLInputElement>(el, '#ev-file');
    const dt = new DataTransfer();
    dt.items.add(new File(['<svg><script>alert(1)</script></svg>'], 'logo.svg'));
    input.files = dt.files;
    let fired = 0;
    el.addEventListener('at-evidence-add', () => fired++);
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(text($(el, '#ev-errors'))).to.contain('“logo.svg” is not a PDF');
    const big = new DataTransfer();
    big.items.add(new File(['%PDF-1.4 more than ten bytes'], 'scan.pdf'));
    input.files = big.files;
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(text($(el, '#ev-errors'))).to.contain('“scan.pdf” is larger than');
    expect(fired).to.equal(0);
  });

  it('shows a host refusal in an alert above the form', async () => {
    const el = await make([]);
    el.error =
      'The file "logo.png" is an SVG drawing, which can carry scripts and is not accepted.';
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.contain('SVG drawing');
  });

  it('keyboard: Remove is a button named by its item, and Enter on it emits at-evidence-remove', async () => {
    const el = await make(partialItems);
    const button = $<HTMLButtonElement>(el, '[part~=item] button');
    expect(button.getAttribute('aria-label')).to.contain(partialItems[0]!.description);
    button.focus();
    const event = oneEvent(el, 'at-evidence-remove') as Promise<AtEvidenceRemoveEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await event).detail).to.deep.equal({ id: partialItems[0]!.id });
  });

  it('read-only: no form and no Remove', async () => {
    const el = await make(completeItems, { readonly: true });
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('invalid items: a kind message, and the problem paths on the console', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => errors.push(String(m));
    try {
      const el = await make(invalidItems);
      expect(text($(el, '[role=alert]'))).to.contain('cannot be shown');
      expect(errors.join('\n')).to.match(/0\.area|1\.description/);
    } finally {
      console.error = original;
    }
  });

  it('every story renders accessibly', async () => {
    const original = console.error;
    // The Invalid story logs its problem paths on purpose (checked above).
    console.error = () => {};
    try {
      for (const [name, story] of Object.entries(stories)) {
        if (name === 'default') continue;
        const el = await fixture(html`<div>${(story as { render: () => unknown }).render()}</div>`);
        await expect(el.querySelector('at-evidence')).to.be.accessible();
      }
    } finally {
      console.error = original;
    }
  });
});
