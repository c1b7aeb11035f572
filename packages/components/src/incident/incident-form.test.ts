import { html } from 'lit';
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { problem, type IncidentRecord } from '@all-together/model';
import { memoryStorage, type DraftStorage } from '../shared/storage.js';
import type { AtIncidentForm } from './incident-form.js';
import type {
  AtIncidentChangeEvent,
  AtIncidentInvalidEvent,
  AtIncidentSaveEvent,
} from './incident-form.events.js';
import { checkValues, EMPTY, fieldOf, recordOf, valuesOf } from './incident-form.model.js';
import { incidents } from './test-helpers/incident-data.js';
import './at-incident-form.js';

const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: AtIncidentForm, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel)!;
const focused = (el: AtIncidentForm) => el.shadowRoot!.activeElement;
const summary = (el: AtIncidentForm) =>
  [...el.shadowRoot!.querySelectorAll('#if-errors li')].map(text);
const TODAY = '2026-12-06';

async function make(
  o: { record?: unknown; storage?: DraftStorage; dsl?: string; locked?: boolean } = {},
): Promise<AtIncidentForm> {
  const el = await fixture<AtIncidentForm>(
    html`<at-incident-form
      school="100001"
      today=${TODAY}
      dsl-href=${o.dsl ?? ''}
      ?locked=${o.locked ?? false}
      .storage=${o.storage ?? memoryStorage()}
      .record=${(o.record ?? null) as IncidentRecord | null}
    ></at-incident-form>`,
  );
  await el.updateComplete;
  // The draft is read asynchronously: let it land.
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
  return el;
}

async function type(el: AtIncidentForm, id: string, value: string) {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function choose(el: AtIncidentForm, id: string, value: string) {
  const s = $<HTMLSelectElement>(el, `#${id}`);
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function tick(el: AtIncidentForm, id: string) {
  $<HTMLInputElement>(el, `#${id}`).click();
  await el.updateComplete;
}

async function fillAllegation(el: AtIncidentForm) {
  await type(el, 'if-occurred-on', '2026-11-19');
  await choose(el, 'if-location', 'playground');
  await choose(el, 'if-reported-by', 'staff');
  await type(el, 'if-alleged', 'Pushed over in the lunch queue.');
  await type(el, 'if-target-refs', 'p-0042');
}

async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = () => {};
  try {
    return await f();
  } finally {
    console.error = original;
  }
}

describe('<at-incident-form>', () => {
  it('A11 is accessible: a new allegation', async () => {
    const el = await make();
    await expect(el).to.be.accessible();
  });

  it('A11 is accessible: a bullying incident with every section open and problems shown', async () => {
    const el = await make({ dsl: '/safeguarding' });
    await tick(el, 'if-status-substantiated');
    await tick(el, 'if-prejudice-yes');
    await tick(el, 'if-safeguarding-yes');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(summary(el).length).to.be.greaterThan(5);
    await expect(el).to.be.accessible();
  });

  it('A11 is accessible under a host page’s h1 (heading-level 2) with the error summary showing', async () => {
    const host = await fixture<HTMLElement>(
      html`<div>
        <h1>Incidents</h1>
        <at-incident-form
          school="100001"
          heading-level="2"
          .storage=${memoryStorage()}
        ></at-incident-form>
      </div>`,
    );
    const el = host.querySelector('at-incident-form')!;
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#if-errors-title')!.tagName).to.equal('H2');
    await expect(host).to.be.accessible();
  });

  it('P-rules: says not to write anyone’s name before the first field, and the form is described by it', async () => {
    const el = await make();
    const notice = $(el, '#if-no-names');
    expect(text(notice)).to.match(/^Do not write anyone’s name/);
    const first = $(el, 'input, select, textarea');
    expect(notice.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(
      0,
    );
    expect($(el, 'form').getAttribute('aria-describedby')).to.equal('if-no-names');
  });

  it('A2: Save with nothing filled lists every problem in field order, takes focus and links to each field', async () => {
    const el = await make();
    const invalid = oneEvent(el, 'at-incident-invalid') as Promise<AtIncidentInvalidEvent>;
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await invalid).detail.problems.map((p) => p.field)).to.deep.equal([
      'if-occurred-on',
      'if-location',
      'if-reported-by',
      'if-alleged',
    ]);
    await el.updateComplete;
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('if-errors');
    expect(summary(el)).to.deep.equal([
      'Enter the date it happened, like 2026-11-19.',
      'Choose where it happened.',
      'Choose who reported it.',
      'Say what was alleged.',
    ]);
    // The same words beside the field, and the field marked invalid.
    expect(text($(el, '#if-location-error'))).to.equal('Error: Choose where it happened.');
    expect($(el, '#if-location').getAttribute('aria-invalid')).to.equal('true');
    $<HTMLAnchorElement>(el, '#if-errors li:nth-child(2) a').click();
    expect(focused(el)?.id).to.equal('if-location');
  });

  it('a name where a reference goes is refused with the word it read, and nothing typed is lost', async () => {
    const el = await make();
    await fillAllegation(el);
    await type(el, 'if-perpetrator-refs', 'P-0043, Jane Smith');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(summary(el)).to.deep.equal([
      '“JANE” is not a reference. Enter references like P-0042, never a name.',
    ]);
    expect($<HTMLInputElement>(el, '#if-perpetrator-refs').value).to.equal('P-0043, Jane Smith');
    expect($<HTMLTextAreaElement>(el, '#if-alleged').value).to.equal(
      'Pushed over in the lunch queue.',
    );
  });

  it('a date in the future is refused', async () => {
    const el = await make();
    await fillAllegation(el);
    await type(el, 'if-occurred-on', '2026-12-07');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(summary(el)).to.deep.equal(['The date it happened must be today or earlier.']);
  });

  it('shows the incident only once it is bullying, characteristics only when prejudice-related, and the route to the DSL with a concern', async () => {
    const el = await make({ dsl: '/safeguarding' });
    expect($(el, '#if-type-physical')).to.equal(null);
    await tick(el, 'if-status-substantiated');
    expect($(el, '#if-type-physical')).to.not.equal(null);
    expect($(el, '#if-char-race')).to.equal(null);
    await tick(el, 'if-prejudice-yes');
    expect($(el, '#if-char-race')).to.not.equal(null);
    expect($(el, '[part~=safeguarding]')).to.equal(null);
    await tick(el, 'if-safeguarding-yes');
    expect(text($(el, '[part~=safeguarding]'))).to.match(/designated safeguarding lead today/);
    expect($<HTMLAnchorElement>(el, '[part~=safeguarding] a').getAttribute('href')).to.equal(
      '/safeguarding',
    );
  });

  it('A11: a whole bullying incident by keyboard emits at-incident-save with the checked record', async () => {
    const el = await make();
    await fillAllegation(el);
    $(el, '#if-status-allegation').focus();
    await sendKeys({ press: 'ArrowDown' }); // Yes, it was bullying
    await el.updateComplete;
    $(el, '#if-type-verbal').focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // relational
    await sendKeys({ press: 'Tab' }); // online
    await sendKeys({ press: 'Space' });
    $(el, '#if-setting-offline').focus();
    await sendKeys({ press: 'ArrowDown' }); // online
    await sendKeys({ press: 'ArrowDown' }); // both
    $(el, '#if-prejudice-no').focus();
    await sendKeys({ press: 'ArrowDown' }); // yes
    await el.updateComplete;
    $(el, '#if-char-disability-send').focus();
    await sendKeys({ press: 'Space' });
    $(el, '#if-safeguarding-no').focus();
    await sendKeys({ press: 'Space' });
    $(el, '#if-outcome').focus();
    await sendKeys({ press: 'ArrowDown' }); // resolved
    await el.updateComplete;
    const saved = oneEvent(el, 'at-incident-save') as Promise<AtIncidentSaveEvent>;
    $(el, 'button[type=submit]').focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    expect(detail.isNew).to.equal(true);
    expect(detail.id).to.match(/^[0-9a-f-]{36}$/);
    expect(detail.update).to.deep.equal({
      allegation: {
        occurredOn: '2026-11-19',
        location: 'playground',
        reportedBy: 'staff',
        alleged: 'Pushed over in the lunch queue.',
        people: [{ involvement: 'target', role: 'pupil', reference: 'P-0042' }],
      },
      status: 'substantiated',
      details: {
        types: ['verbal', 'online'],
        setting: 'both',
        prejudiceRelated: true,
        characteristics: ['disability-send'],
        safeguarding: false,
        whatHappened: '',
        impact: '',
        targetWishes: '',
        actions: [],
        outcome: 'resolved',
      },
    });
  });

  it('W8: every change is kept as a draft, restored in a new form with its id, and forgotten once saved()', async () => {
    const storage = memoryStorage();
    const first = await make({ storage });
    await fillAllegation(first);
    const id = first.recordId;
    first.remove();
    const second = await make({ storage });
    expect($<HTMLTextAreaElement>(second, '#if-alleged').value).to.equal(
      'Pushed over in the lunch queue.',
    );
    expect(second.recordId).to.equal(id);
    expect(text($(second, '.notice'))).to.match(/restored what you had typed/);
    second.saved();
    second.remove();
    const third = await make({ storage });
    expect($<HTMLTextAreaElement>(third, '#if-alleged').value).to.equal('');
  });

  it('at-incident-change carries the record once it passes, and null while a field has a problem', async () => {
    const el = await make();
    const changes: (AtIncidentChangeEvent['detail']['update'] | undefined)[] = [];
    el.addEventListener('at-incident-change', (e) => changes.push(e.detail.update));
    await fillAllegation(el);
    // Date, place and who reported it are not yet a record; with what was alleged, it is.
    expect(changes.slice(0, 3)).to.deep.equal([null, null, null]);
    expect(changes[3]?.allegation.alleged).to.equal('Pushed over in the lunch queue.');
    expect(changes.at(-1)?.allegation.people[0]?.reference).to.equal('P-0042');
  });

  it('A2: the server’s refusal is shown beside its field and takes focus', async () => {
    const el = await make();
    await fillAllegation(el);
    el.problems = [
      problem(['allegation', 'occurredOn'], 'The return for the autumn term is submitted.'),
    ];
    await el.updateComplete;
    await el.updateComplete;
    expect(summary(el)).to.deep.equal(['The return for the autumn term is submitted.']);
    expect(text($(el, '#if-occurred-on-error'))).to.match(/autumn term is submitted/);
    expect(focused(el)?.id).to.equal('if-errors');
  });

  it('editing a stored record: its values are shown, and the same record set again keeps the typing', async () => {
    const record = incidents[2]!;
    const el = await make({ record });
    expect(text($(el, 'h1'))).to.equal('Incident record');
    expect($<HTMLInputElement>(el, '#if-occurred-on').value).to.equal('2026-11-19');
    expect($<HTMLInputElement>(el, '#if-type-physical').checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#if-char-disability-send').checked).to.equal(true);
    await type(el, 'if-impact', 'Scared to go out at break.');
    el.record = { ...record };
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#if-impact').value).to.equal('Scared to go out at break.');
  });

  it('locked: shows the record, nothing can change, no Save', async () => {
    const el = await make({ record: incidents[0], locked: true });
    expect($<HTMLFieldSetElement>(el, 'fieldset.locked').disabled).to.equal(true);
    expect($(el, 'button[type=submit]')).to.equal(null);
    expect(text(el.shadowRoot!)).to.match(/termly return for its term has been submitted/);
  });

  it('an invalid record shows every problem with its path, and no form', async () => {
    const bad = { ...incidents[0]!, status: 'maybe' };
    const el = await quietly(() => make({ record: bad }));
    expect(text($(el, '[role=alert]'))).to.match(/status/);
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  describe('the pure logic', () => {
    it('checkValues: problems in the order of the fields; details only for a bullying incident', () => {
      expect(checkValues(EMPTY, TODAY).map((p) => p.field)).to.deep.equal([
        'if-occurred-on',
        'if-location',
        'if-reported-by',
        'if-alleged',
      ]);
      const bullying = { ...valuesOf(incidents[0]!), prejudice: 'yes', characteristics: [] };
      expect(checkValues(bullying, TODAY).map((p) => p.key)).to.deep.equal([
        'incidentFormErrorCharacteristics',
      ]);
      expect(
        checkValues({ ...bullying, actions: [{ action: 'sanction', by: '' }] }, TODAY).map(
          (p) => p.field,
        ),
      ).to.deep.equal(['if-char-disability-send', 'if-action-by-0']);
    });

    it('valuesOf → recordOf gives back every stored record', () => {
      for (const r of incidents) {
        const back = recordOf(valuesOf(r));
        expect(back.ok, r.id).to.equal(true);
        if (back.ok) {
          expect(back.update.allegation).to.deep.equal(r.allegation);
          expect(back.update.details).to.deep.equal(r.details);
        }
      }
    });

    it('fieldOf: a server path goes to its field, people by the group they were typed in', () => {
      const v = {
        ...EMPTY,
        refs: { target: 'P-1, P-2', 'alleged-perpetrator': 'P-3', witness: 'W-4' },
      };
      expect(fieldOf('allegation.people.1.reference', v)).to.equal('if-target-refs');
      expect(fieldOf('allegation.people.2.reference', v)).to.equal('if-perpetrator-refs');
      expect(fieldOf('allegation.people.3.reference', v)).to.equal('if-witness-refs');
      expect(fieldOf('details.actions.2.by')).to.equal('if-action-by-2');
      expect(fieldOf('details.characteristics')).to.equal('if-char-disability-send');
      expect(fieldOf('allegation.alleged')).to.equal('if-alleged');
    });
  });
});
