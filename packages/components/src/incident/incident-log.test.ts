import { html } from 'lit';
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AtIncidentLog } from './incident-log.js';
import type { AtIncidentSelectEvent } from './incident-log.events.js';
import { filterIncidents, termOf, trendsByTerm, ALL } from './incident-log.model.js';
import { incidents, invalidIncidents } from './test-helpers/incident-data.js';
import './at-incident-log.js';

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: AtIncidentLog, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel)!;
const ids = (el: AtIncidentLog) =>
  [...el.shadowRoot!.querySelectorAll('[part~=record]')].map((r) => r.getAttribute('data-id'));
const n = (i: number) => incidents[i - 1]!.id;

async function make(data: unknown, hrefTemplate = ''): Promise<AtIncidentLog> {
  const el = await fixture<AtIncidentLog>(
    html`<at-incident-log
      .incidents=${data as AtIncidentLog['incidents']}
      href-template=${hrefTemplate}
    ></at-incident-log>`,
  );
  await el.updateComplete;
  return el;
}

async function choose(el: AtIncidentLog, id: string, value: string) {
  const s = $<HTMLSelectElement>(el, `#${id}`);
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Quiet the console while the invalid fixture logs its problem paths on purpose. */
async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = () => {};
  try {
    return await f();
  } finally {
    console.error = original;
  }
}

describe('<at-incident-log>', () => {
  for (const [name, data] of [
    ['empty', []],
    ['a year of records', incidents],
    ['invalid', invalidIncidents],
  ] as const)
    it(`A11 is accessible: ${name}`, async () => {
      const el = await quietly(() => make(data));
      await expect(el).to.be.accessible();
    });

  it('A11 is accessible with links and with nothing found', async () => {
    const el = await make(incidents, '/incidents/{id}');
    await expect(el).to.be.accessible();
    await choose(el, 'il-status', 'allegation');
    await choose(el, 'il-type', 'verbal');
    expect(text($(el, '#il-count'))).to.equal('Showing 0 of 7 records');
    await expect(el).to.be.accessible();
  });

  describe('the pure logic', () => {
    it('termOf: autumn is September to December, spring January to March, summer April to August', () => {
      expect(termOf('2026-09-01')).to.equal('2026-27-autumn');
      expect(termOf('2026-12-31')).to.equal('2026-27-autumn');
      expect(termOf('2027-01-01')).to.equal('2026-27-spring');
      expect(termOf('2027-03-31')).to.equal('2026-27-spring');
      expect(termOf('2027-04-01')).to.equal('2026-27-summer');
      expect(termOf('2027-08-31')).to.equal('2026-27-summer');
      expect(termOf('2099-09-01')).to.equal('2099-00-autumn');
    });

    it('trendsByTerm counts every record once, by status, and the prejudice-related incidents, oldest term first', () => {
      expect(trendsByTerm(incidents)).to.deep.equal([
        {
          term: '2026-27-autumn',
          allegation: 0,
          substantiated: 2,
          notSubstantiated: 1,
          prejudiceRelated: 1,
          total: 3,
        },
        {
          term: '2026-27-spring',
          allegation: 1,
          substantiated: 2,
          notSubstantiated: 0,
          prejudiceRelated: 0,
          total: 3,
        },
        {
          term: '2026-27-summer',
          allegation: 1,
          substantiated: 0,
          notSubstantiated: 0,
          prejudiceRelated: 0,
          total: 1,
        },
      ]);
      expect(trendsByTerm([])).to.deep.equal([]);
    });

    it('filterIncidents keeps newest first and combines status, term and type', () => {
      expect(filterIncidents(incidents, ALL).map((r) => r.id)).to.deep.equal(
        [7, 6, 5, 4, 3, 2, 1].map(n),
      );
      expect(
        filterIncidents(incidents, {
          status: 'substantiated',
          term: '2026-27-autumn',
          type: 'verbal',
        }).map((r) => r.id),
      ).to.deep.equal([3, 1].map(n));
      // An allegation has no type yet: a type filter leaves it out.
      expect(filterIncidents(incidents, { ...ALL, type: 'other' })).to.deep.equal([]);
    });
  });

  it('shows the trend per term with exact counts by status and the prejudice-related incidents', async () => {
    const el = await make(incidents);
    const rows = [...$(el, '[part~=trend]').querySelectorAll('tbody tr')].map(text);
    expect(rows).to.deep.equal([
      'Autumn term 2026 0 2 1 3 1',
      'Spring term 2027 1 2 0 3 0',
      'Summer term 2027 1 0 0 1 0',
    ]);
    const heads = [...$(el, '[part~=trend]').querySelectorAll('thead th')].map(text);
    expect(heads).to.deep.equal([
      'Term',
      'Allegation, not yet decided',
      'Bullying incident',
      'Not bullying',
      'All records',
      'Prejudice-related incidents',
    ]);
  });

  it('filters by status, term and type with a live count', async () => {
    const el = await make(incidents);
    expect($(el, '#il-count').getAttribute('role')).to.equal('status');
    expect(text($(el, '#il-count'))).to.equal('Showing 7 of 7 records');
    await choose(el, 'il-status', 'substantiated');
    expect(text($(el, '#il-count'))).to.equal('Showing 4 of 7 records');
    await choose(el, 'il-term', '2026-27-autumn');
    expect(ids(el)).to.deep.equal([3, 1].map(n));
    await choose(el, 'il-type', 'physical');
    expect(ids(el)).to.deep.equal([n(3)]);
    expect(text(el.shadowRoot!.querySelector('[part~=record]'))).to.contain('Corridor');
    expect(text(el.shadowRoot!.querySelector('[part~=record]'))).to.contain('Physical, Verbal');
    await choose(el, 'il-type', '');
    await choose(el, 'il-status', '');
    await choose(el, 'il-term', '');
    expect(ids(el).length).to.equal(7);
  });

  it('offers only the terms that have records, labelled in words', async () => {
    const el = await make(incidents);
    const options = [...$(el, '#il-term').querySelectorAll('option')].map(text);
    expect(options).to.deep.equal([
      'All',
      'Autumn term 2026',
      'Spring term 2027',
      'Summer term 2027',
    ]);
  });

  it('emits at-incident-select with the parsed record from a button, by keyboard', async () => {
    const el = await make(incidents);
    const status = $<HTMLSelectElement>(el, '#il-status');
    status.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(status.value).to.equal('allegation');
    expect(text($(el, '#il-count'))).to.equal('Showing 2 of 7 records');
    // Tab on: term, type, then the first record's button.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('il-term');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('il-type');
    await sendKeys({ press: 'Tab' });
    const button = el.shadowRoot!.activeElement as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).to.match(/^Open the record of .*2027, Dining hall$/);
    const selected = oneEvent(el, 'at-incident-select');
    await sendKeys({ press: 'Enter' });
    const event = (await selected) as AtIncidentSelectEvent;
    expect(event.detail.id).to.equal(n(7));
    expect(event.detail.record.allegation.location).to.equal('dining-hall');
    expect(event.detail.href).to.equal(null);
  });

  it('links records with href-template; preventDefault() stops the link', async () => {
    const el = await make(incidents, '/incidents/{id}');
    const link = $<HTMLAnchorElement>(el, '[part~=record] a');
    expect(link.getAttribute('href')).to.equal(`/incidents/${n(7)}`);
    el.addEventListener('at-incident-select', (e) => e.preventDefault(), { once: true });
    const selected = oneEvent(el, 'at-incident-select');
    let followed = true;
    el.shadowRoot!.addEventListener('click', (e) => (followed = !e.defaultPrevented), {
      once: true,
    });
    link.click();
    expect(((await selected) as AtIncidentSelectEvent).detail.href).to.equal(`/incidents/${n(7)}`);
    expect(followed).to.equal(false);
  });

  it('shows every problem of invalid data with its path, and no records', async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (m: string) => logged.push(m);
    let el: AtIncidentLog;
    try {
      el = await make(invalidIncidents);
    } finally {
      console.error = original;
    }
    const alert = $(el, '[role=alert]');
    expect(text(alert)).to.contain('The log cannot be shown');
    const items = [...alert.querySelectorAll('li')].map(text);
    expect(items.length).to.equal(2);
    expect(items[0]).to.match(/^0\.status: /);
    expect(items[1]).to.match(
      /^1\.allegation\.people\.0\.reference: Enter a reference like P-0042/,
    );
    expect(ids(el)).to.deep.equal([]);
    expect(logged[0]).to.contain('1.allegation.people.0.reference');
  });

  it('says nothing is recorded yet, without filters, when empty', async () => {
    const el = await make([]);
    expect(text(el.shadowRoot!.querySelector('section'))).to.contain(
      'No allegations recorded yet.',
    );
    expect(el.shadowRoot!.querySelector('#il-status')).to.equal(null);
  });

  it('says people are recorded by role and reference, never by name', async () => {
    const el = await make(incidents);
    expect(text($(el, '.privacy'))).to.contain('never by name');
    expect(text(el.shadowRoot!.querySelector('section'))).not.to.contain('P-0001');
  });
});
