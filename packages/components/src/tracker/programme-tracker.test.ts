import { html } from 'lit';
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  PROGRAMME_STAGES,
  ProgrammeTracker,
  type ProgrammeTrackerInput,
} from '@all-together/model';
import type { AtProgrammeTracker } from './programme-tracker.js';
import type { AtSchoolSelectEvent, AtTrackerDownloadEvent } from './programme-tracker.events.js';
import {
  TODAY,
  emptyTracker,
  invalidTracker,
  laTracker,
  trustTracker,
} from './test-helpers/tracker-data.js';
import { registerTranslation } from '../shared/i18n.js';
import './at-programme-tracker.js';

type SchoolInput = ProgrammeTrackerInput['schools'][number];

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: AtProgrammeTracker, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel);
const rows = (el: AtProgrammeTracker) => [
  ...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr'),
];
const urns = (el: AtProgrammeTracker) => rows(el).map((r) => r.dataset['urn']!);
const names = (el: AtProgrammeTracker) => rows(el).map((r) => text(r.querySelector('.school')));
const showing = (el: AtProgrammeTracker) => text($(el, '#tracker-showing'));

async function make(data: unknown, attrs: { href?: string } = {}): Promise<AtProgrammeTracker> {
  const el = await fixture<AtProgrammeTracker>(
    html`<at-programme-tracker
      .data=${data as ProgrammeTrackerInput}
      href-template=${attrs.href ?? ''}
    ></at-programme-tracker>`,
  );
  await el.updateComplete;
  return el;
}

async function choose(el: AtProgrammeTracker, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function search(el: AtProgrammeTracker, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#tracker-search')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** Captures the CSV the element would download, by cancelling the download event. */
async function csvOf(el: AtProgrammeTracker): Promise<AtTrackerDownloadEvent> {
  el.addEventListener('at-tracker-download', (e) => e.preventDefault(), { once: true });
  const event = oneEvent(el, 'at-tracker-download');
  $<HTMLButtonElement>(el, '#tracker-download')!.click();
  return (await event) as AtTrackerDownloadEvent;
}

/** A one-school tracker on TODAY, with the school patched. */
const one = (patch: Partial<SchoolInput>, extra: Partial<ProgrammeTrackerInput> = {}) => {
  const base = laTracker();
  return { ...base, ...extra, schools: [{ ...base.schools[0]!, ...patch }] };
};

async function silently<T>(run: () => Promise<T>): Promise<{ value: T; logged: string[] }> {
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  try {
    return { value: await run(), logged };
  } finally {
    console.error = original;
  }
}

describe('<at-programme-tracker>', () => {
  describe('A11 axe in every state', () => {
    it('A11 full: an LA of 30 schools', async () => {
      const el = await make(laTracker());
      await expect(el).to.be.accessible();
    });

    it('A11 with school links (href-template)', async () => {
      const el = await make(laTracker(), { href: '/schools/{urn}' });
      await expect(el).to.be.accessible();
    });

    it('A11 waiting for data (no data yet): says so, never blank', async () => {
      const el = await make(undefined);
      expect(text($(el, '[role=status]'))).to.equal('Waiting for the tracker’s data.');
      await expect(el).to.be.accessible();
    });

    it('A11 empty: no schools enrolled yet', async () => {
      const el = await make(emptyTracker());
      expect(text($(el, '#tracker-empty'))).to.equal(
        'No schools are enrolled in this programme year yet.',
      );
      expect($(el, 'table')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('A11 filtered to nothing: says so, with a way back', async () => {
      const el = await make(laTracker());
      await search(el, 'no such school');
      expect(rows(el)).to.have.length(0);
      expect(text($(el, '#tracker-no-match'))).to.contain('No schools match these filters.');
      expect(showing(el)).to.equal('Showing 0 of 30 schools');
      await expect(el).to.be.accessible();
    });

    it('A11 with errors: invalid data', async () => {
      const { value: el } = await silently(() => make(invalidTracker()));
      await expect(el).to.be.accessible();
    });
  });

  describe('the table', () => {
    it('shows one row per school, the summary, and "n of 8" stages in words', async () => {
      const el = await make(laTracker());
      expect(rows(el)).to.have.length(30);
      expect(text($(el, '#tracker-summary'))).to.equal('30 schools · 6 stalled · 7 overdue');
      expect(text($(el, '#tracker-year'))).to.equal('Programme year 2026-27');
      expect(showing(el)).to.equal('Showing 30 of 30 schools');
      const ash = rows(el).find((r) => text(r).includes('Ash Grove Primary'))!;
      expect(text(ash.querySelector('[data-stage]'))).to.equal('Action plan stage 4 of 8');
      expect(text(ash)).to.contain('URN 140101');
      expect(text(ash)).to.contain('Northdale County Council');
      expect(text(ash)).to.contain('Not in a trust');
    });

    it('dates and activity read in the strings’ language (en-GB under lang="en"), days under a week', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en">
          <at-programme-tracker .data=${laTracker()}></at-programme-tracker>
        </div>`,
      );
      const el = wrapper.querySelector('at-programme-tracker')!;
      await el.updateComplete;
      const castle = rows(el).find((r) => text(r).includes('Castle View'))!;
      expect(text(castle.children[3])).to.equal('Due 2 Apr 2027 Enrolled 7 Sept 2026');
      expect(text(castle.children[6])).to.equal('6 Mar 2027 (4 days ago)');
      const ash = rows(el).find((r) => text(r).includes('Ash Grove'))!;
      expect(text(ash.children[6])).to.equal('1 Mar 2027 (1 week ago)');
      const queensway = rows(el).find((r) => text(r).includes('Queensway'))!;
      expect(text(queensway.children[6])).to.match(/^Nothing since enrolling on \d+ \w+ 2026$/);
    });

    it('the trust of 6 shows its schools across two local authorities', async () => {
      const el = await make(trustTracker());
      expect(rows(el)).to.have.length(6);
      const areas = rows(el).map((r) => text(r.children[1]));
      expect(areas.some((a) => a.includes('Eastmere'))).to.equal(true);
      expect(areas.every((a) => a.includes('Riverside Learning Trust'))).to.equal(true);
    });

    it('the table scrolls in its own labelled, focusable region (A8 narrow screens)', async () => {
      const el = await make(laTracker());
      const region = $(el, '[role=region]')!;
      expect(region.getAttribute('tabindex')).to.equal('0');
      expect(text($(el, `#${region.getAttribute('aria-labelledby')}`))).to.equal(
        'Schools in the programme year 2026-27',
      );
      expect(getComputedStyle(region).overflowX).to.equal('auto');
    });

    it('flags are words (tags), never colour alone', async () => {
      const el = await make(laTracker());
      const tags = [...el.shadowRoot!.querySelectorAll('[part~=tag]')].map(text);
      expect(tags.filter((t) => t === 'Stalled')).to.have.length(6);
      expect(tags.filter((t) => t === 'Overdue')).to.have.length(7);
      const calm = rows(el).find((r) => text(r).includes('Kingsmead'))!;
      expect(text(calm.querySelector('.flags'))).to.equal('None');
    });
  });

  describe('flags at their boundaries (the model’s trackerFlags)', () => {
    const at = (days: number) =>
      new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    const tags = (el: AtProgrammeTracker) => text($(el, '.flags'));

    it('exactly 6 weeks without activity: Stalled; 6 weeks less a day: not', async () => {
      expect(
        tags(await make(one({ lastActivityOn: at(42), stage: 'award', stages: {} }))),
      ).to.equal('Stalled');
      expect(
        tags(await make(one({ lastActivityOn: at(41), stage: 'award', stages: {} }))),
      ).to.equal('None');
    });

    it('stalledAfterWeeks is the data’s: 2 weeks makes 14 days stalled', async () => {
      const el = await make(
        one({ lastActivityOn: at(14), stage: 'award', stages: {} }, { stalledAfterWeeks: 2 }),
      );
      expect(tags(el)).to.equal('Stalled');
    });

    it('due today: not overdue; due yesterday: Overdue', async () => {
      const due = (d: string) =>
        one({
          lastActivityOn: TODAY,
          stage: 'action-plan',
          stages: { 'action-plan': { completedOn: null, dueOn: d } },
        });
      expect(tags(await make(due(TODAY)))).to.equal('None');
      expect(tags(await make(due(at(1))))).to.equal('Overdue');
    });
  });

  describe('counts stay as precise as given (D: rounded counts are never made exact)', () => {
    it('a rounded count reads "About", its rate "about", and no exact count appears anywhere', async () => {
      const el = await make(
        one({
          numberOnRoll: 200,
          responses: { baseline: { kind: 'rounded', value: 45 }, end: null },
        }),
      );
      const cell = text($(el, '[data-wave=baseline]'));
      expect(cell).to.equal('About 45 responses (rounded to 5) about 23% of pupils on roll');
      // An element that recomputed a figure (45 as exact, or 22.5%) would show it here.
      const all = text(el.shadowRoot!.querySelector('table'));
      expect(all).to.not.match(/(?<!About )\b45 responses/);
      expect(all).to.not.match(/22[.,]5|(?<!about )\b23% of/);
      const csv = (await csvOf(el)).detail.csv;
      expect(csv).to.contain('About 45 responses (rounded to 5),about 23% of pupils on roll');
    });

    it("a school's termly incident return reads in words; without returns the column is left out", async () => {
      const without = await make(laTracker());
      expect(without.shadowRoot!.querySelector('[data-return]')).to.equal(null);
      expect(text(without.shadowRoot!.querySelector('thead'))).to.not.contain('Incident return');
      const base = laTracker();
      const el = await make({
        ...base,
        schools: base.schools.map((school, i) => ({
          ...school,
          incidentReturn:
            i === 0
              ? { term: '2026-27-spring', submittedOn: '2027-03-04' }
              : { term: '2026-27-spring', submittedOn: null },
        })),
      });
      expect(text(el.shadowRoot!.querySelector('thead'))).to.contain('Incident return');
      const cells = [...el.shadowRoot!.querySelectorAll('[data-return]')].map(text);
      expect(cells).to.include('Spring term 2027: submitted 4 Mar 2027');
      expect(cells).to.include('Spring term 2027: not yet');
      const csv = (await csvOf(el)).detail.csv;
      expect(csv).to.contain(',Spring term 2027,2027-03-04\r\n');
      await expect(el).to.be.accessible();
    });

    it('an open round reads "or more" and "at least"; "fewer than 10" gives no rate', async () => {
      const el = await make(
        one({
          numberOnRoll: 80,
          responses: {
            baseline: { kind: 'at-least', value: 25 },
            end: { kind: 'fewer-than', value: 10 },
          },
        }),
      );
      expect(text($(el, '[data-wave=baseline]'))).to.equal(
        '25 or more responses so far at least 31% of pupils on roll',
      );
      expect(text($(el, '[data-wave=end]'))).to.equal(
        'Fewer than 10 responses so far no rate until more pupils respond',
      );
    });

    it('an exact count (the school’s own view) gives an exact rate', async () => {
      const el = await make(
        one({
          numberOnRoll: 200,
          responses: { baseline: { kind: 'exact', value: 76 }, end: null },
        }),
      );
      expect(text($(el, '[data-wave=baseline]'))).to.equal('76 responses 38% of pupils on roll');
      expect(text($(el, '[data-wave=end]'))).to.equal('Not started');
    });
  });

  describe('filters', () => {
    it('by stage: only that stage, and the live region counts them', async () => {
      const el = await make(laTracker());
      await choose(el, 'tracker-stage', 'time-1-survey');
      expect(
        rows(el).map((r) => r.querySelector('[data-stage]')!.getAttribute('data-stage')),
      ).to.deep.equal(Array(5).fill('time-1-survey'));
      expect(showing(el)).to.equal('Showing 5 of 30 schools');
      expect($(el, '#tracker-showing')!.getAttribute('role')).to.equal('status');
    });

    it('by flag: stalled, overdue, either', async () => {
      const el = await make(laTracker());
      await choose(el, 'tracker-flag', 'stalled');
      expect(rows(el)).to.have.length(6);
      expect(rows(el).every((r) => text(r.querySelector('.flags')).includes('Stalled'))).to.equal(
        true,
      );
      await choose(el, 'tracker-flag', 'overdue');
      expect(rows(el)).to.have.length(7);
      await choose(el, 'tracker-flag', 'either');
      expect(rows(el)).to.have.length(8); // 5 schools are both
      expect(
        rows(el).every((r) => /Stalled|Overdue/.test(text(r.querySelector('.flags')))),
      ).to.equal(true);
      await choose(el, 'tracker-flag', 'all');
      expect(rows(el)).to.have.length(30);
    });

    it('by trust, by local authority, and schools in no trust', async () => {
      const el = await make(laTracker());
      await choose(el, 'tracker-group', 'trust:Riverside Learning Trust');
      expect(rows(el)).to.have.length(6);
      await choose(el, 'tracker-group', 'la:991');
      expect(names(el)).to.deep.equal(['Harbour Academy', 'Riverside Primary']);
      await choose(el, 'tracker-group', 'trust:');
      expect(rows(el)).to.have.length(21);
    });

    it('search by part of a name (any case, accents ignored) or a URN', async () => {
      const el = await make(laTracker());
      await search(el, '  ST ANNE ');
      expect(names(el)).to.deep.equal(['St Anne’s Catholic Primary']);
      await search(el, '140101');
      expect(names(el)).to.deep.equal(['Ash Grove Primary']);
    });

    it('filters combine, and Clear filters restores every school and focuses the search', async () => {
      const el = await make(laTracker());
      await choose(el, 'tracker-group', 'trust:Oak Tree Academies');
      await choose(el, 'tracker-flag', 'stalled');
      expect(rows(el)).to.have.length(0);
      const clear = $<HTMLButtonElement>(el, '#tracker-no-match button')!;
      clear.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(rows(el)).to.have.length(30);
      expect(el.shadowRoot!.activeElement?.id).to.equal('tracker-search');
      expect($<HTMLSelectElement>(el, '#tracker-flag')!.value).to.equal('all');
    });
  });

  describe('sort', () => {
    it('starts by name, A to Z, with aria-sort on that column only', async () => {
      const el = await make(laTracker());
      const n = names(el);
      expect(n).to.deep.equal([...n].sort((a, b) => a.localeCompare(b)));
      const sorted = [...el.shadowRoot!.querySelectorAll('th[aria-sort]')];
      expect(sorted).to.have.length(1);
      expect(sorted[0]!.getAttribute('aria-sort')).to.equal('ascending');
    });

    it('by stage in programme order, then reversed', async () => {
      const el = await make(laTracker());
      const button = $<HTMLButtonElement>(el, 'button[data-sort=stage]')!;
      button.click();
      await el.updateComplete;
      const order = () =>
        rows(el).map((r) =>
          PROGRAMME_STAGES.indexOf(
            r.querySelector('[data-stage]')!.getAttribute('data-stage') as never,
          ),
        );
      const asc = order();
      expect(asc).to.deep.equal([...asc].sort((a, b) => a - b));
      expect(button.closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
      button.click();
      await el.updateComplete;
      const desc = order();
      expect(desc).to.deep.equal([...desc].sort((a, b) => b - a));
      expect(button.closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    });

    it('by response rate: schools without a rate go last both ways', async () => {
      const el = await make(laTracker());
      $<HTMLButtonElement>(el, 'button[data-sort=baseline]')!.click();
      await el.updateComplete;
      const rates = () =>
        rows(el).map((r) => {
          const m = /(\d+)% of pupils/.exec(text(r.querySelector('[data-wave=baseline]')));
          return m ? Number(m[1]) : null;
        });
      const asc = rates();
      const firstNull = asc.indexOf(null);
      expect(asc.slice(firstNull).every((v) => v === null)).to.equal(true);
      const known = asc.slice(0, firstNull) as number[];
      expect(known).to.deep.equal([...known].sort((a, b) => a - b));
      $<HTMLButtonElement>(el, 'button[data-sort=baseline]')!.click();
      await el.updateComplete;
      const desc = rates();
      expect(desc.slice(desc.indexOf(null)).every((v) => v === null)).to.equal(true);
    });
  });

  describe('keyboard', () => {
    it('filters, sort buttons, CSV and a school are all reached and used by keyboard', async () => {
      const el = await make(laTracker());
      const stage = $<HTMLSelectElement>(el, '#tracker-stage')!;
      stage.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(stage.value).to.equal('enrolled');
      expect(showing(el)).to.equal('Showing 3 of 30 schools');
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(showing(el)).to.equal('Showing 30 of 30 schools');

      // Tab on: flag, group, search, Download CSV, the table's region, the first sort button.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.id).to.equal('tracker-flag');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.id).to.equal('tracker-search');
      await sendKeys({ type: 'larch' });
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Larchwood Academy']);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.id).to.equal('tracker-download');
      el.addEventListener('at-tracker-download', (e) => e.preventDefault(), { once: true });
      const download = oneEvent(el, 'at-tracker-download');
      await sendKeys({ press: 'Enter' });
      expect(((await download) as AtTrackerDownloadEvent).detail.rows).to.equal(1);

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('role')).to.equal('region');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('data-sort')).to.equal('name');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($(el, 'button[data-sort=name]')!.closest('th')!.getAttribute('aria-sort')).to.equal(
        'descending',
      );
      expect(el.shadowRoot!.activeElement?.getAttribute('data-sort')).to.equal('name');

      // The school's name: Tab past the other five sort buttons, then Space.
      for (let i = 0; i < 6; i++) await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.classList.contains('school')).to.equal(true);
      const selected = oneEvent(el, 'at-school-select');
      await sendKeys({ press: 'Space' });
      const event = (await selected) as AtSchoolSelectEvent;
      expect(event.detail.urn).to.equal(urns(el)[0]);
      expect(event.detail.href).to.equal(null);
    });
  });

  describe('events', () => {
    it('at-school-select bubbles out of the shadow root with the URN and the link', async () => {
      const el = await make(laTracker(), { href: '/schools/{urn}' });
      const link = $<HTMLAnchorElement>(el, 'a.school')!;
      expect(link.getAttribute('href')).to.equal(`/schools/${urns(el)[0]}`);
      let seen: AtSchoolSelectEvent | undefined;
      document.addEventListener(
        'at-school-select',
        (e) => {
          seen = e;
          e.preventDefault(); // the host opens the school itself; the link does not navigate
        },
        { once: true },
      );
      link.click();
      expect(seen?.detail).to.deep.equal({ urn: urns(el)[0], href: `/schools/${urns(el)[0]}` });
      expect(seen?.composed).to.equal(true);
    });

    it('W1 a javascript: href-template is refused with a console error; names stay buttons', async () => {
      const { value: el, logged } = await silently(() =>
        make(laTracker(), { href: 'javascript:alert({urn})' }),
      );
      expect($(el, 'a.school')).to.equal(null);
      expect($(el, 'button.school')).to.not.equal(null);
      expect(logged.join('\n')).to.contain('href-template');
    });

    it('fires nothing when code sets data', async () => {
      const el = await make(laTracker());
      let fired = 0;
      el.addEventListener('at-school-select', () => fired++);
      el.addEventListener('at-tracker-download', () => fired++);
      el.data = trustTracker();
      await el.updateComplete;
      expect(fired).to.equal(0);
    });
  });

  describe('Download CSV', () => {
    const HEADER =
      'URN,School,Phase,Local authority,Trust,Number on roll,Stage,Stage number,Current stage due,' +
      'Last activity,Time 1 responses,Time 1 response rate,Time 2 responses,Time 2 response rate,' +
      'Overdue,Stalled,Award,Incident return term,Incident return submitted on';

    it('holds exactly the rows shown, in the order shown, under the documented header', async () => {
      const el = await make(laTracker());
      await choose(el, 'tracker-flag', 'stalled');
      $<HTMLButtonElement>(el, 'button[data-sort=name]')!.click();
      await el.updateComplete;
      const { detail } = await csvOf(el);
      expect(detail.filename).to.equal('programme-tracker-2026-27.csv');
      const lines = detail.csv.split('\r\n');
      expect(lines[0]).to.equal(HEADER);
      expect(lines.at(-1)).to.equal('');
      expect(lines.slice(1, -1).map((l) => l.split(',')[0])).to.deep.equal(urns(el));
      expect(detail.rows).to.equal(6);
      const hollybank = lines.find((l) => l.includes('Hollybank'))!;
      expect(hollybank).to.equal(
        '140508,Hollybank Primary,Primary,Northdale County Council,,420,Baseline audit,2,2026-10-16,2026-12-29,Not started,,Not started,,Yes,Yes,,,',
      );
    });

    it('neutralises cells that begin with = + - @ (formula injection)', async () => {
      const el = await make(
        one({ name: '=HYPERLINK("http://x.example","Click")', trust: '@SUM(A1)' }),
      );
      const line = (await csvOf(el)).detail.csv.split('\r\n')[1]!;
      expect(line).to.contain(`"'=HYPERLINK(""http://x.example"",""Click"")"`);
      expect(line).to.contain(`,'@SUM(A1),`);
      for (const cell of line.split(',')) expect(cell).to.not.match(/^[=+\-@]/);
    });

    it('without a host handler, the browser downloads the file (a blob link clicked)', async () => {
      const el = await make(trustTracker());
      const created: Blob[] = [];
      const clicked: string[] = [];
      const { createObjectURL } = URL;
      const { click } = HTMLAnchorElement.prototype;
      URL.createObjectURL = (b: Blob) => (created.push(b), 'blob:test');
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this.download);
      };
      try {
        $<HTMLButtonElement>(el, '#tracker-download')!.click();
      } finally {
        URL.createObjectURL = createObjectURL;
        HTMLAnchorElement.prototype.click = click;
      }
      expect(clicked).to.deep.equal(['programme-tracker-2026-27.csv']);
      const body = await created[0]!.text();
      expect(body.split('\r\n')).to.have.length(8);
      expect($(el, 'a[download]')).to.equal(null);
    });
  });

  describe('bad data', () => {
    it('says what is wrong and where (paths), logs it, and is never blank', async () => {
      const { value: el, logged } = await silently(() => make(invalidTracker()));
      const alert = $(el, '[role=alert]')!;
      expect(text(alert)).to.contain('The tracker cannot be shown: its data has problems');
      const items = [...alert.querySelectorAll('li')].map(text);
      expect(items.some((i) => i.startsWith('schools.0.urn: A school URN is six digits'))).to.equal(
        true,
      );
      expect(items.some((i) => i.startsWith('schools.1.responses.baseline.value:'))).to.equal(true);
      expect(items.some((i) => i.startsWith('schools.2.stage:'))).to.equal(true);
      expect(logged.join('\n')).to.contain('schools.0.urn');
      expect($(el, 'table')).to.equal(null);
    });

    it('lists at most 20 problems and counts the rest', async () => {
      const data = laTracker();
      const bad = { ...data, schools: data.schools.map((s) => ({ ...s, urn: 'x' })) };
      const { value: el } = await silently(() => make(bad));
      const items = [...$(el, '[role=alert]')!.querySelectorAll('li')].map(text);
      const problems = ProgrammeTracker.safeParse(bad).error!.issues.length;
      expect(problems).to.be.greaterThan(20);
      expect(items).to.have.length(21);
      expect(items.at(-1)).to.equal(`and ${problems - 20} more problems`);
    });

    it('good data after bad replaces the error with the table', async () => {
      const { value: el } = await silently(() => make(invalidTracker()));
      el.data = laTracker();
      await el.updateComplete;
      expect($(el, '[role=alert]')).to.equal(null);
      expect(rows(el)).to.have.length(30);
    });
  });

  describe('languages', () => {
    it('every string, the CSV header too, comes from the translation table of the nearest lang', async () => {
      registerTranslation('cy', {
        trackerTagStalled: 'Wedi aros yn llonydd',
        trackerCsvUrn: 'URN (cy)',
        trackerSummary: {
          one: '{count} ysgol · {stalled} · {overdue}',
          other: '{count} ysgol · {stalled} · {overdue}',
        },
      });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="cy">
          <at-programme-tracker .data=${laTracker()}></at-programme-tracker>
        </div>`,
      );
      const el = wrapper.querySelector('at-programme-tracker')!;
      await el.updateComplete;
      expect(text($(el, '#tracker-summary'))).to.equal('30 ysgol · 6 · 7');
      expect([...el.shadowRoot!.querySelectorAll('[part~=tag]')].map(text)).to.include(
        'Wedi aros yn llonydd',
      );
      // A string the table lacks falls back to British English, never to its key.
      expect(text($(el, '#tracker-showing'))).to.equal('Showing 30 of 30 schools');
      expect((await csvOf(el)).detail.csv.startsWith('URN (cy),School,')).to.equal(true);
    });
  });
});
