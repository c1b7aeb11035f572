import { html } from 'lit';
import { expect, fixture } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type {
  PublishedBreakdown,
  PublishedCell,
  PublishedPool,
  PublishedResults,
  PublishedWave,
  PupilSummary,
  Shown,
} from '@all-together/model';
import { breakdown, publishCpd, suppressionNote, type CpdSummary } from '@all-together/scoring';
import { getQuestionnaire } from '@all-together/questionnaires';
import { registerTranslation, translate } from '../shared/i18n.js';
import './at-results.js';
import * as stories from './results.stories.js';
import { csvCell } from '../shared/csv.js';
import type { AtResults } from './results.js';
import { RESULTS_DIMENSIONS, RESULTS_VIEWS, type ResultsScope } from './results.model.js';
import { itemIndicators } from './results.views.js';
import {
  labelDefinitions,
  linkedFixture,
  resultsFixture,
  smallSchoolFixture,
  standoutFixture,
  syntheticCpd,
  type ResultsFixture,
} from './test-helpers/results-fixtures.js';

const data: ResultsFixture = resultsFixture();
const defs = labelDefinitions();
const IND = 'victimisation.frequent';

const resultsOf = (scope: ResultsScope, f: ResultsFixture = data): PublishedResults =>
  scope === 'school' ? f.school : scope === 'trust' ? f.trust : f.la;

async function make(
  view: string,
  scope: ResultsScope = 'school',
  extra: Partial<AtResults> = {},
  f: ResultsFixture = data,
): Promise<AtResults> {
  const el = await fixture<AtResults>(
    html`<at-results
      view=${view}
      scope=${scope}
      .results=${resultsOf(scope, f)}
      .audit=${f.audit}
      .cpd=${f.cpd}
      .definitions=${defs}
    ></at-results>`,
  );
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

const root = (el: AtResults) => el.shadowRoot!;

/** The pool an element shows by default (the first), its latest wave and its start. */
const poolOf = (r: PublishedResults, comparableAs?: string): PublishedPool =>
  r.pools.find((p) => p.comparableAs === comparableAs) ?? r.pools[0]!;
const nowOf = (p: PublishedPool): PublishedWave => (p.end ?? p.baseline)!;
const tableOf = (w: PublishedWave, dimension: string, indicator = IND): PublishedBreakdown =>
  w.binary.find((b) => b.indicator === indicator && b.dimension === dimension)!;
const cellsOf = (t: PublishedBreakdown): PublishedCell[] => [t.total, ...t.groups, ...t.derived];

/** Opens every data table through its toggle button. */
async function openTables(el: AtResults) {
  root(el)
    .querySelectorAll<HTMLButtonElement>('button.toggle[aria-expanded="false"]')
    .forEach((b) => b.click());
  await el.updateComplete;
}

/** A cell or note without its note number: "[c] (note 2)" → "[c]", "Note 2: [c] …" → "[c] …". */
const bare = (text: string) => text.replace(/ \(note \d+\)$/, '').replace(/^Note \d+: /, '');

/** The rows of a table as [header, ...cells] text (note numbers removed unless kept). */
function tableRows(el: AtResults, index = -1, keepNotes = false): string[][] {
  const tables = [...root(el).querySelectorAll('table')];
  const table = tables.at(index)!;
  return [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((c) => (keepNotes ? (x: string) => x : bare)(c.textContent!.trim())),
  );
}

/** Every string a person or assistive technology could meet: text, attributes, across shadow roots. */
function corpus(node: Node, out: string[] = []): string[] {
  if (node instanceof Element) {
    for (const a of node.getAttributeNames()) out.push(node.getAttribute(a) ?? '');
    if (node.shadowRoot) corpus(node.shadowRoot, out);
  }
  if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
  node.childNodes.forEach((c) => corpus(c, out));
  return out;
}

const pct = (s: Shown<number>) => ('value' in s ? `${s.value}%` : s.symbol);
const num = (s: Shown<number>) => ('value' in s ? String(s.value) : s.symbol);
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A copy of published results with one change made (what a server could send). */
function edited(r: PublishedResults, edit: (copy: PublishedResults) => void): PublishedResults {
  const copy = structuredClone(r);
  edit(copy);
  return copy;
}

describe('<at-results>', () => {
  it('A11 is accessible (headline view, school)', async () => {
    const el = await make('headline');
    await expect(el).to.be.accessible();
  });

  describe('A11 axe on every view and every scope, tables open', () => {
    for (const scope of ['school', 'trust', 'la'] as const) {
      for (const view of RESULTS_VIEWS) {
        it(`${scope} / ${view}`, async () => {
          const el = await make(view, scope);
          await expect(el).to.be.accessible();
          await openTables(el);
          await expect(el).to.be.accessible();
          expect(root(el).querySelector('h2')!.textContent!.trim().length).to.be.greaterThan(0);
        });
      }
    }
  });

  describe('A11 every story is accessible', () => {
    // The stories publish their synthetic trusts when first shown (scoring's complementary
    // suppression over a 700-pupil school and its LA takes seconds in a busy browser). Publish them
    // once here, with room to finish, so each story's test checks only rendering and axe.
    before(function () {
      this.timeout(120_000);
      standoutFixture('better');
      standoutFixture('worse');
      smallSchoolFixture();
    });
    for (const [name, story] of Object.entries(stories)) {
      if (typeof story !== 'object' || !('render' in story)) continue;
      it(name, async () => {
        const host = await fixture<HTMLDivElement>(html`<div>${story.render()}</div>`);
        for (const el of host.querySelectorAll('at-results')) await el.updateComplete;
        await expect(host).to.be.accessible();
      });
    }
  });

  describe('D8 every figure is a published cell', () => {
    it('D8 breakdown table equals the published table for every published breakdown (school viewer)', async () => {
      const el = await make('breakdown');
      const pool = poolOf(data.school);
      const offered = [
        ...root(el).querySelectorAll<HTMLInputElement>('input[name="dimension"]'),
      ].map((i) => i.value);
      expect(offered).to.deep.equal(
        RESULTS_DIMENSIONS.filter((d) =>
          nowOf(pool).binary.some((b) => b.indicator === IND && b.dimension === d),
        ),
      );
      expect(offered).to.include('eal');
      for (const dimension of offered) {
        el.dimension = dimension as AtResults['dimension'];
        await el.updateComplete;
        const expected = cellsOf(tableOf(nowOf(pool), dimension)).map((c) =>
          [num(c.base), pct(c.percent)].join('|'),
        );
        const shown = tableRows(el).map((r) => r.slice(1).join('|'));
        expect(shown.length, dimension).to.equal(expected.length);
        expect([...shown].sort(), dimension).to.deep.equal([...expected].sort());
        expect(tableRows(el)[0]![0]).to.equal('All pupils');
      }
    });

    it('D8 an LA viewer sees the published rounded counts and the number column', async () => {
      const el = await make('breakdown', 'la', { dimension: 'fsm' });
      const total = tableOf(nowOf(poolOf(data.la)), 'fsm').total;
      expect(tableRows(el)[0]!.slice(1)).to.deep.equal([
        num(total.base),
        num(total.count),
        pct(total.percent),
      ]);
      const head = [...root(el).querySelectorAll('thead th')].map((t) => t.textContent!.trim());
      expect(head).to.include('Number');
      expect(root(el).textContent).to.include('rounded to the nearest 5');
    });

    it('D7 change table: both waves’ cells, intervals, the change and its words, as published', async () => {
      const el = await make('change', 'la', { dimension: 'sen' });
      const pool = poolOf(data.la);
      const t1 = tableOf(pool.baseline!, 'sen');
      const t2 = tableOf(pool.end!, 'sen');
      const changes = pool.changes.find((c) => c.indicator === IND && c.dimension === 'sen')!;
      const iv = (s: PublishedCell['interval']) =>
        'value' in s ? `${s.value.lower}% to ${s.value.upper}%` : s.symbol;
      const rows = tableRows(el);
      expect(rows.length).to.equal(cellsOf(t2).length);
      for (const c2 of cellsOf(t2)) {
        const c1 = cellsOf(t1).find((c) => c.key === c2.key)!;
        const row = rows.find(
          (r) =>
            r.slice(1, 7).join('|') ===
            [
              num(c1.base),
              pct(c1.percent),
              iv(c1.interval),
              num(c2.base),
              pct(c2.percent),
              iv(c2.interval),
            ].join('|'),
        );
        expect(row, c2.key).to.not.equal(undefined);
        const g = changes.groups.find((x) => x.key === c2.key)!;
        if ('symbol' in g.change) expect(row![7]).to.equal(g.change.symbol);
      }
    });

    it('D6 comparison table: the school’s cells beside the published rest of the area, words for every row', async () => {
      const el = await make('comparison', 'trust', { dimension: 'all' });
      const pool = poolOf(data.trust);
      const wave = nowOf(pool);
      const g = pool.comparisons.find(
        (c) => c.wave === wave.wave && c.indicator === IND && c.dimension === 'all',
      )!.groups[0]!;
      const mine = tableOf(wave, 'all').total;
      const row = tableRows(el)[0]!;
      expect(row.slice(1, 5)).to.deep.equal([
        num(mine.base),
        pct(mine.percent),
        num(g.comparator.base),
        pct(g.comparator.percent),
      ]);
      const badge = root(el).querySelector('.badge')!;
      expect(badge.getAttribute('class')).to.include(`rag-${g.rag ?? 'none'}`);
    });

    it('types of bullying: one row per declared type, each its published total', async () => {
      const el = await make('types', 'la');
      const pool = poolOf(data.la);
      const keys = itemIndicators(pool, 'types');
      expect(keys.length).to.be.greaterThan(3);
      const rows = tableRows(el);
      expect(rows.length).to.equal(keys.length);
      for (const key of keys) {
        const t = tableOf(nowOf(pool), 'all', key).total;
        expect(rows.map((r) => r.slice(1).join('|'))).to.include(
          [num(t.base), num(t.count), pct(t.percent)].join('|'),
        );
        // Named by the indicator's declared label, never its key.
        expect(rows.map((r) => r[0])).to.include(pool.indicators[key]!.label['en-GB']);
      }
    });

    it('meaning is data: the types and feelings views follow each indicator’s declaration, not its key', () => {
      const pool = poolOf(data.la);
      for (const key of itemIndicators(pool, 'types')) {
        expect(pool.indicators[key]!.population, key).to.equal('bullied');
        expect(pool.indicators[key]!.direction, key).to.equal('neither');
      }
      const feelings = itemIndicators(pool, 'feelings');
      expect(feelings.length).to.be.greaterThan(3);
      // Renamed keys with the same declarations are chosen the same way.
      const renamed = {
        ...pool,
        indicators: Object.fromEntries(
          Object.entries(pool.indicators).map(([k, v]) => [
            `x${k.length}-${k.split('').reverse().join('')}`,
            v,
          ]),
        ),
      };
      expect(itemIndicators(renamed, 'types').length).to.equal(
        itemIndicators(pool, 'types').length,
      );
      expect(itemIndicators(renamed, 'feelings').length).to.equal(feelings.length);
    });

    it('indicator names are the declared labels; the breakdown title is the label by group', async () => {
      const el = await make('breakdown', 'school', { dimension: 'sen' });
      const label = poolOf(data.school).indicators[IND]!.label['en-GB']!;
      expect(text(root(el).querySelector('.chart-title'))).to.equal(`${label}, by SEND`);
      el.indicator = 'told.adult-at-school';
      await el.updateComplete;
      // Asked of pupils who were bullied: every percentage says so.
      const heads = [...root(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      expect(heads).to.include('Percentage of pupils who said they were bullied');
      expect(el.toCsv()).to.include('Percentage of pupils who said they were bullied');
    });
  });

  describe('pools: younger and older pupils, never added together', () => {
    const r = data.trust;
    it('the constructed case has two pools', () => {
      expect(r.pools.map((p) => p.comparableAs)).to.deep.equal([
        'pupil-ks1',
        'pupil-ks2-secondary',
      ]);
    });

    it('two pools: a switch in plain words; choosing fires at-pool-change and shows that pool’s figures only', async () => {
      const el = await make('breakdown', 'trust', { dimension: 'all' });
      const options = [...root(el).querySelectorAll<HTMLInputElement>('input[name="pool"]')];
      expect(options.map((o) => text(o.parentElement))).to.deep.equal([
        'Reception to Year 2',
        'Years 3 to 13',
      ]);
      expect(text(root(el).querySelector('.switch--pools legend'))).to.equal('Show results for');
      const [ks1, older] = r.pools;
      const base = (p: PublishedPool) => num(tableOf(nowOf(p), 'all').total.base);
      expect(tableRows(el)[0]![1]).to.equal(base(ks1!));
      const events: string[] = [];
      el.addEventListener('at-pool-change', (e) => events.push(e.detail.pool));
      options[1]!.click();
      await el.updateComplete;
      expect(events).to.deep.equal(['pupil-ks2-secondary']);
      expect(el.pool).to.equal('pupil-ks2-secondary');
      expect(tableRows(el)[0]![1]).to.equal(base(older!));
      expect(root(el).querySelector('.pool-line')!.textContent).to.include('never added together');
      // No figure anywhere is the two pools added together.
      const sum = Number(base(ks1!)) + Number(base(older!));
      expect(corpus(el).join(' ').split(/\s+/)).to.not.include(String(sum));
      expect(el.toCsv().split(/[,\r\n]/)).to.not.include(String(sum));
    });

    it('no event when code sets the pool; one pool: no switch, still says whose results', async () => {
      const el = await make('headline', 'trust');
      let fired = 0;
      el.addEventListener('at-pool-change', () => fired++);
      el.pool = 'pupil-ks2-secondary';
      await el.updateComplete;
      expect(fired).to.equal(0);
      expect(
        root(el).querySelector<HTMLInputElement>('input[value="pupil-ks2-secondary"]')!.checked,
      ).to.equal(true);
      const one = await make('headline', 'school');
      expect(data.school.pools.length).to.equal(1);
      expect(root(one).querySelector('input[name="pool"]')).to.equal(null);
      expect(root(one).querySelector('.pool-line')!.textContent).to.include('Years 3 to 13');
    });
  });

  describe('direction and population are declared, never guessed', () => {
    const types = 'types.names';
    /** The school's results with the types indicator's changes and comparisons marked significant. */
    const marked = edited(data.trust, (copy) => {
      const pool = copy.pools.find((p) => p.comparableAs === 'pupil-ks2-secondary')!;
      for (const c of pool.changes.filter((c) => c.indicator === types))
        for (const g of c.groups)
          if ('value' in g.change)
            Object.assign(g, {
              significant: true,
              direction: g.change.value >= 0 ? 'higher' : 'lower',
            });
      for (const c of pool.comparisons.filter((c) => c.indicator === types))
        for (const g of c.groups)
          if ('value' in g.difference)
            Object.assign(g, {
              significant: true,
              rag: null,
              direction: g.difference.value >= 0 ? 'higher' : 'lower',
            });
    });

    it('"neither": a significant change says higher or lower, never better or worse, with no colour', async () => {
      const el = await make('change', 'trust', {
        indicator: types,
        dimension: 'all',
        pool: 'pupil-ks2-secondary',
        results: marked,
      });
      const words = tableRows(el).map((r) => r[8]);
      expect(words.some((w) => /^[▲▼] Significantly (higher|lower)$/.test(w!))).to.equal(true);
      for (const w of words) expect(w).to.not.match(/better|worse/i);
      expect(text(root(el).querySelector('.lines'))).to.not.match(
        /improvement|significantly (better|worse)/,
      );
      const comparison = await make('comparison', 'trust', {
        indicator: types,
        dimension: 'all',
        pool: 'pupil-ks2-secondary',
        results: marked,
      });
      const badges = [...root(comparison).querySelectorAll('.badge')];
      expect(badges.length).to.be.greaterThan(0);
      for (const b of badges) {
        expect(b.getAttribute('class')).to.include('rag-none');
        expect(text(b)).to.not.match(/Better|Worse/);
      }
      expect(badges.some((b) => /^[▲▼] (Higher|Lower) \(significant\)$/.test(text(b)))).to.equal(
        true,
      );
    });

    it('a declared direction: the same significant change is better or worse', async () => {
      const el = await make('change', 'trust', {
        dimension: 'all',
        pool: 'pupil-ks2-secondary',
        results: edited(data.trust, (copy) => {
          const pool = copy.pools[1]!;
          const g = pool.changes.find((c) => c.indicator === IND && c.dimension === 'all')!
            .groups[0]!;
          Object.assign(g, { significant: true, direction: 'worse' });
        }),
      });
      expect(tableRows(el)[0]![8]).to.equal('! Significantly worse');
    });
  });

  describe('the comparator is named by the host', () => {
    it('default "the rest of the area"; comparator-name changes the title, series, column and sentences', async () => {
      const el = await make('comparison', 'school', { dimension: 'all' });
      expect(text(root(el).querySelector('h2'))).to.equal('Compared with the rest of the area');
      el.comparatorName = 'the rest of the trust';
      await el.updateComplete;
      expect(text(root(el).querySelector('h2'))).to.equal('Compared with the rest of the trust');
      expect([...root(el).querySelectorAll('svg text.legend')].map(text)).to.include(
        'The rest of the trust',
      );
      const heads = [...root(el).querySelectorAll('thead th')].map((th) => text(th));
      expect(heads).to.include('Compared with the rest of the trust');
      for (const line of root(el).querySelectorAll('.lines li'))
        expect(text(line)).to.include('in the rest of the trust');
    });
  });

  describe('focus groups: a hidden SEND or free school meals figure is said in words', () => {
    const small = { school: smallSchoolFixture().school };

    it('the constructed case hides the SEND figure of the school and shows the rest of the area’s', () => {
      const pool = poolOf(small.school);
      const sen = tableOf(nowOf(pool), 'sen').derived.find((c) => c.key === 'any-sen')!;
      expect('symbol' in sen.percent).to.equal(true);
      const theirs = pool.comparisons
        .find((c) => c.wave === nowOf(pool).wave && c.indicator === IND && c.dimension === 'sen')!
        .groups.find((g) => g.key === 'any-sen')!.comparator.percent;
      expect('value' in theirs).to.equal(true);
    });

    it('breakdown by SEND: "hidden to protect privacy … does not mean that no pupils with SEND said …", and the rest of the area’s figure', async () => {
      const el = await make('breakdown', 'school', { dimension: 'sen', results: small.school });
      const pool = poolOf(small.school);
      const label = pool.indicators[IND]!.label['en-GB']!;
      const focus = [...root(el).querySelectorAll('[part~="focus"] p')].map(text);
      expect(focus[0]).to.match(
        /^The figure for pupils with SEND is hidden to protect privacy \(\[c\]\)/,
      );
      expect(focus[0]).to.include(`This does not mean that no pupils with SEND said “${label}”.`);
      const theirs = pool.comparisons
        .find((c) => c.wave === nowOf(pool).wave && c.indicator === IND && c.dimension === 'sen')!
        .groups.find((g) => g.key === 'any-sen')!.comparator.percent as { value: number };
      expect(focus[1]).to.equal(
        `The figure for pupils with SEND in the rest of the area is ${theirs.value}% (see the comparison).`,
      );
      expect(el.toCsv()).to.include('This does not mean that no pupils with SEND said');
      await expect(el).to.be.accessible();
    });

    it('a shown SEND figure: no such sentence; a hidden one without a comparator: ask the trust or LA', async () => {
      const shown = await make('breakdown', 'la', { dimension: 'sen' });
      expect(root(shown).querySelector('[part~="focus"]')).to.equal(null);
      const noComparator = edited(small.school, (copy) => {
        for (const p of copy.pools) p.comparisons = [];
      });
      const el = await make('breakdown', 'school', { dimension: 'sen', results: noComparator });
      const focus = [...root(el).querySelectorAll('[part~="focus"] p')].map(text);
      expect(focus[1]).to.equal(
        'Ask your trust or local authority for the figure for pupils with SEND across the area.',
      );
    });
  });

  describe('issue 21: breakdowns from school records (linked mode)', () => {
    const linked = () => linkedFixture().school;

    it('A11 the switch offers looked-after, young carer and ethnic group where they are published', async () => {
      const el = await make('breakdown', 'school', { dimension: 'lookedAfter', results: linked() });
      const names = [...root(el).querySelectorAll('input[type="radio"]')].map((i) =>
        text(i.closest('label') ?? i.parentElement),
      );
      for (const name of ['Looked after', 'Young carers', 'Ethnic group'])
        expect(names, name).to.include(name);
      await expect(el).to.be.accessible();
    });

    it('D8 the looked-after table is the published table, hidden groups as their symbol', async () => {
      const el = await make('breakdown', 'school', { dimension: 'lookedAfter', results: linked() });
      await openTables(el);
      const published = tableOf(nowOf(poolOf(linked())), 'lookedAfter');
      const yes = published.groups.find((g) => g.key === 'yes')!;
      expect('symbol' in yes.percent, '6 looked-after pupils: hidden').to.equal(true);
      const rows = tableRows(el);
      const row = rows.find((r) => r[0] === 'Looked after')!;
      expect(row, 'a "Looked after" row').to.not.equal(undefined);
      expect(row).to.include(pct(yes.percent));
      expect(rows.map((r) => r[0])).to.include('Not looked after');
    });

    it('§7 a hidden looked-after figure is said in words nobody can read as "none"', async () => {
      const el = await make('breakdown', 'school', { dimension: 'lookedAfter', results: linked() });
      const focus = [...root(el).querySelectorAll('[part~="focus"] p')].map(text);
      expect(focus[0]).to.match(
        /^The figure for looked-after children is hidden to protect privacy/,
      );
      expect(focus[0]).to.include('This does not mean that no looked-after children said');
    });

    it('ethnic groups are named as the GSS major groups', async () => {
      const el = await make('breakdown', 'school', { dimension: 'ethnicity', results: linked() });
      await openTables(el);
      const labels = tableRows(el).map((r) => r[0]);
      expect(labels).to.include('White');
      expect(labels).to.include('Asian, Asian British or Asian Welsh');
      await expect(el).to.be.accessible();
    });
  });

  describe('audit and training confidence', () => {
    it('audit table equals compareAudits per area, rounded to whole percentages', async () => {
      const el = await make('audit');
      const rows = tableRows(el);
      const pc = (v: number | null) => (v === null ? '[z]' : `${Math.round(v)}%`);
      expect(rows[0]!.slice(0, 3)).to.deep.equal([
        'Overall',
        pc(data.audit.overall.baseline),
        pc(data.audit.overall.end),
      ]);
      data.audit.areas.forEach((a, i) => {
        expect(rows[i + 1]![0]).to.match(new RegExp(`^Area ${a.area}: `));
        expect(rows[i + 1]!.slice(1, 3)).to.deep.equal([pc(a.baseline), pc(a.end)]);
      });
    });

    it('D1 D4 CPD table equals publishCpd for every statement and administration, labelled by the definition', async () => {
      const el = await make('cpd', 'school');
      const published = publishCpd(data.cpd, { viewer: 'school' });
      const cpd = getQuestionnaire('cpd-confidence');
      const items = cpd.sections.flatMap((s) => s.items);
      const admin = items.find((i) => i.id === published.administrationItem)!;
      const labels = admin.type === 'free-text' ? [] : admin.options.map((o) => o.label['en-GB']);
      const head = [...root(el).querySelectorAll('table thead th')].map((th) =>
        th.textContent!.trim(),
      );
      expect(head.slice(1)).to.deep.equal(labels);
      const rows = tableRows(el);
      expect(rows.length).to.equal(published.items.length);
      published.items.forEach((item, i) => {
        expect(rows[i]![0]).to.equal(items.find((x) => x.id === item.item)!.text['en-GB']);
        expect(rows[i]!.slice(1)).to.deep.equal(item.cells.map((c) => pct(c.percent)));
      });
    });

    it('D1 D4 D9 a small course: 7 before ([c]), 14 after ([c], too few for a %), none later ([z])', async () => {
      const small = syntheticCpd(5, [7, 14, 0]);
      const el = await make('cpd', 'trust', { cpd: small });
      const rows = tableRows(el);
      for (const r of rows) expect(r.slice(1)).to.deep.equal(['[c]', '[c]', '[z]']);
      const all = corpus(el).join('\n') + el.toCsv();
      const hidden = small.administrations
        .slice(0, 2)
        .flatMap((a) =>
          a.items
            .filter((i) => i.base > 0)
            .map((i) => `${Math.round((100 * i.confident) / i.base)}%`),
        )
        .filter((p) => !['0%', '25%', '50%', '75%', '100%'].includes(p));
      expect(hidden.length).to.be.greaterThan(0);
      for (const p of hidden) expect(all.split(/\s+|,/).includes(p), p).to.equal(false);
      const notes = root(el).querySelector('.notes')!.textContent!;
      // Delegates are adults: the notes count people, in scoring's words, and never say pupils.
      expect(notes).to.include(suppressionNote('base', undefined, 'people'));
      expect(notes).to.include(suppressionNote('small-base', undefined, 'people'));
      expect(notes).to.include(suppressionNote('no-pupils', undefined, 'people'));
      expect(notes).to.not.match(/pupil/i);
      await expect(el).to.be.accessible();
    });

    it('cpd of the wrong shape: a kind message on screen, the exact problem on the console', async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      try {
        const el = await make('cpd', 'school', {
          cpd: [{ item: 'x', before: { count: 1, base: 2 } }] as unknown as CpdSummary,
        });
        expect(root(el).querySelector('[role="alert"]')!.textContent).to.include(
          'could not be shown',
        );
      } finally {
        console.error = original;
      }
      expect(errors.join('\n')).to.include('cpd: expected a CpdSummary');
    });
  });

  describe('D1 D8 D9 hunt the hidden number', () => {
    // A small school: several groups fall below the thresholds and are hidden.
    const small = resultsFixture({ seed: 7, schools: 4, pupilsPerSchool: [34, 46] });

    /** Every percentage the published results show legitimately (any cell, interval, difference). */
    function legitimate(r: PublishedResults): Set<string> {
      const out = new Set(['0%', '25%', '50%', '75%', '100%']);
      const walk = (v: unknown, key = ''): void => {
        if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
        if (typeof v !== 'object' || v === null) return;
        const o = v as Record<string, unknown>;
        if (typeof o['value'] === 'number' && ['percent', 'difference', 'change'].includes(key))
          out.add(`${o['value']}%`);
        if (key === 'interval' && typeof o['value'] === 'object' && o['value'] !== null) {
          const iv = o['value'] as { lower: number; upper: number };
          out.add(`${iv.lower}%`).add(`${iv.upper}%`);
        }
        for (const [k, x] of Object.entries(o)) walk(x, k);
      };
      walk(r);
      return out;
    }

    /** True percentages of every hidden cell of the school (both waves, every breakdown). */
    function secrets(): string[] {
      const r = small.school;
      const shown = legitimate(r);
      const secret = new Set<string>();
      for (const pool of r.pools)
        for (const wave of ['baseline', 'end'] as const) {
          const summary: PupilSummary | undefined = small.raw.school[wave].find(
            (s) => s.comparableAs === pool.comparableAs,
          );
          const published = pool[wave];
          if (!summary || !published) continue;
          for (const t of published.binary.filter((b) => b.indicator === IND)) {
            const raw = breakdown(summary, IND, t.dimension);
            const rawCells = [
              { key: 'all', value: raw.total },
              ...raw.groups,
              ...raw.derived.map((d) => ({ key: d.key, value: d.value })),
            ];
            for (const cell of cellsOf(t)) {
              const rc = rawCells.find((x) => x.key === cell.key)?.value;
              if ('symbol' in cell.percent && rc && rc.base > 0) {
                const exact = (rc.count / rc.base) * 100;
                secret.add(`${Math.round(exact)}%`);
                secret.add(exact.toFixed(1));
              }
            }
          }
        }
      return [...secret].filter((s) => !shown.has(s) && !/^\d+\.0$/.test(s));
    }

    it('the constructed case hides groups whose true percentages are distinctive', () => {
      expect(secrets().length).to.be.greaterThan(2);
    });

    it('the search reaches text and attributes inside shadow roots (it can fail)', async () => {
      const el = await make('breakdown', 'school', {}, small);
      const planted = document.createElement('span');
      planted.setAttribute('aria-label', 'planted 41%');
      root(el).querySelector('svg')!.append(planted);
      expect(corpus(el).join('\n').split(/\s+/).includes('41%')).to.equal(true);
      planted.remove();
    });

    for (const view of ['breakdown', 'change', 'comparison', 'headline'] as const) {
      it(`${view}: no hidden figure in the DOM, attributes, names, titles or CSV`, async () => {
        const hidden = secrets();
        expect(hidden.length).to.be.greaterThan(0);
        const el = await make(view, 'school', {}, small);
        expect(small.school.pools.length).to.equal(2);
        for (const [pool, dimension] of small.school.pools.flatMap((p) =>
          RESULTS_DIMENSIONS.map((d) => [p.comparableAs, d] as const),
        )) {
          el.pool = pool;
          el.dimension = dimension;
          await el.updateComplete;
          await openTables(el);
          const all = corpus(el).join('\n');
          const csv = el.toCsv();
          for (const secret of hidden) {
            const inDom =
              all.includes(` ${secret}`) ||
              all.includes(`(${secret}`) ||
              all.includes(`\n${secret}`) ||
              all.split(/\s+/).includes(secret);
            expect(inDom, `${view}/${dimension}: ${secret} in the DOM`).to.equal(false);
            expect(
              csv.split(/[,\r\n]/).includes(secret),
              `${view}/${dimension}: ${secret} in CSV`,
            ).to.equal(false);
          }
          // Hidden cells show their symbol, never 0 or an empty bar.
          const texts = [...root(el).querySelectorAll('svg text.value')].map((t) => t.textContent!);
          for (const t of texts) expect(/(^|: )0%$/.test(t) && view !== 'headline').to.equal(false);
        }
      });
    }

    it('D8 the CSV is the published cells: every table cell, symbols for hidden ones', async () => {
      const el = await make(
        'breakdown',
        'school',
        { dimension: 'sen', pool: 'pupil-ks2-secondary' },
        small,
      );
      const csv = el.toCsv();
      for (const row of tableRows(el, -1, true)) expect(csv).to.include(row.map(csvCell).join(','));
      const published = cellsOf(tableOf(nowOf(poolOf(small.school, 'pupil-ks2-secondary')), 'sen'));
      for (const c of published) expect(csv.split(/[,\r\n]/).map(bare)).to.include(pct(c.percent));
      expect(csv).to.include('[c]');
    });

    it('D9 a hidden group is drawn as a hatched placeholder with its symbol, and explained', async () => {
      const el = await make(
        'breakdown',
        'school',
        { dimension: 'sen', pool: 'pupil-ks2-secondary' },
        small,
      );
      expect(root(el).querySelectorAll('svg .hidden-cell').length).to.be.greaterThan(0);
      const labels = [...root(el).querySelectorAll('svg text.value')].map((t) => t.textContent!);
      expect(labels.some((l) => l.includes('[c] hidden'))).to.equal(true);
      expect(root(el).querySelector('.notes')!.textContent).to.include(
        'Fewer than 10 pupils — hidden to protect privacy',
      );
    });
  });

  describe('charts', () => {
    it('A1 each SVG is role="img" named by the visible one-sentence summary', async () => {
      const el = await make('change', 'la');
      const svg = root(el).querySelector('svg')!;
      expect(svg.getAttribute('role')).to.equal('img');
      const summary = root(el).getElementById(svg.getAttribute('aria-labelledby')!)!;
      const label = poolOf(data.la).indicators[IND]!.label['en-GB']!;
      expect(summary.textContent!.trim().startsWith(`${label}, by SEND: `)).to.equal(true);
      expect(summary.textContent!).to.match(/\d+ groups? can be compared/);
      expect(summary.tagName).to.equal('P');
    });

    it('whiskers are drawn for shown intervals, and series have a legend and distinct patterns', async () => {
      const el = await make('change', 'la', { dimension: 'all' });
      expect(root(el).querySelectorAll('svg .whisker').length).to.equal(2);
      expect(root(el).querySelectorAll('svg text.legend').length).to.equal(2);
      expect(
        root(el).querySelectorAll('svg rect[fill^="url(#change-p1"]').length,
      ).to.be.greaterThan(0);
    });

    it('D9 the hidden-figure notes say what scoring says, thresholds from the control', () => {
      for (const control of [
        data.school.control,
        { ...data.school.control, minCellSize: 1, minBaseForPercentage: 12, roundTo: 10 },
      ]) {
        const k = control.minCellSize;
        const cases: [string, string][] = [
          [
            translate('en-GB', 'resultsNoteTotal', { symbol: '[c]', count: k }),
            suppressionNote('total', control),
          ],
          [
            translate('en-GB', 'resultsNoteBase', { symbol: '[c]', count: k }),
            suppressionNote('base', control),
          ],
          [
            translate('en-GB', 'resultsNoteComplementary', { symbol: '[c]' }),
            suppressionNote('complementary', control),
          ],
          [
            translate('en-GB', 'resultsNoteSmallBase', {
              symbol: '[c]',
              count: control.minBaseForPercentage,
            }),
            suppressionNote('small-base', control),
          ],
          [
            translate('en-GB', 'resultsNoteRoundsToZero', {
              symbol: '[c]',
              half: Math.ceil(control.roundTo / 2),
              roundTo: control.roundTo,
            }),
            suppressionNote('rounds-to-zero', control),
          ],
          [
            translate('en-GB', 'resultsNoteNoPupils', { symbol: '[c]' }),
            suppressionNote('no-pupils', control),
          ],
          [
            translate('en-GB', 'resultsNoteNotBothWaves', { symbol: '[c]' }),
            suppressionNote('not-both-waves', control),
          ],
          [
            translate('en-GB', 'resultsNoteNoComparator', {
              symbol: '[c]',
              schools: control.minSchoolsForComparator,
              count: k,
            }),
            suppressionNote('no-comparator', control),
          ],
          // The same notes for adults (training delegates).
          [
            translate('en-GB', 'resultsNoteTotalPeople', { symbol: '[c]', count: k }),
            suppressionNote('total', control, 'people'),
          ],
          [
            translate('en-GB', 'resultsNoteBasePeople', { symbol: '[c]', count: k }),
            suppressionNote('base', control, 'people'),
          ],
          [
            translate('en-GB', 'resultsNoteSmallBasePeople', {
              symbol: '[c]',
              count: control.minBaseForPercentage,
            }),
            suppressionNote('small-base', control, 'people'),
          ],
          [
            translate('en-GB', 'resultsNoteNoPeople', { symbol: '[c]' }),
            suppressionNote('no-pupils', control, 'people'),
          ],
        ];
        for (const [ours, theirs] of cases) expect(ours).to.equal(`[c] ${theirs}`);
      }
    });

    it('D7 a change hidden because a wave is hidden has its own note', async () => {
      const small = resultsFixture({ seed: 7, schools: 4, pupilsPerSchool: [34, 46] });
      const el = await make(
        'change',
        'school',
        { dimension: 'sen', pool: 'pupil-ks2-secondary' },
        small,
      );
      const c = poolOf(small.school, 'pupil-ks2-secondary').changes.find(
        (x) => x.indicator === IND && x.dimension === 'sen',
      )!;
      const hidden = c.groups.filter((g) => 'symbol' in g.change);
      expect(hidden.length).to.be.greaterThan(0);
      for (const g of hidden)
        expect('reason' in g.change && g.change.reason, g.key).to.equal('not-both-waves');
      const notes = [...root(el).querySelectorAll('.notes li')].map((li) =>
        bare(li.textContent!.trim()),
      );
      const symbol = (hidden[0]!.change as { symbol: string }).symbol;
      expect(notes).to.include(`${symbol} ${suppressionNote('not-both-waves')}`);
      const changes = tableRows(el).map((r) => r[7]);
      expect(changes.filter((x) => x === '[c]' || x === '[z]').length).to.equal(hidden.length);
    });

    it('D6 colour only where significant, always with words: a school better and one worse than its LA', async () => {
      for (const kind of ['better', 'worse'] as const) {
        const f = standoutFixture(kind);
        const el = await fixture<AtResults>(
          html`<at-results view="comparison" dimension="all" .results=${f.school}></at-results>`,
        );
        const pool = poolOf(f.school);
        const wave = nowOf(pool);
        const g = pool.comparisons.find(
          (c) => c.wave === wave.wave && c.indicator === IND && c.dimension === 'all',
        )!.groups[0]!;
        expect(g.significant, kind).to.equal(true);
        expect(g.rag === 'green', kind).to.equal(kind === 'better');
        const badge = root(el).querySelector('.badge')!;
        expect(badge.getAttribute('class')).to.include(`rag-${g.rag}`);
        expect(badge.textContent!.trim()).to.match(kind === 'better' ? /^✓ Better/ : /^!+ Worse/);
        const school = (tableOf(wave, 'all').total.percent as { value: number }).value;
        const area = (g.comparator.percent as { value: number }).value;
        expect(root(el).querySelector('.lines li')!.textContent!.trim()).to.equal(
          `Pupils: ${school}% here and ${area}% in the rest of the area, significantly ${kind}.`,
        );
        await expect(el).to.be.accessible();
      }
    });

    it('D7 a change is worded from its published direction, for every group both waves show', async () => {
      const f = standoutFixture('better');
      const el = await fixture<AtResults>(
        html`<at-results view="change" dimension="sen" .results=${f.school}></at-results>`,
      );
      const pool = poolOf(f.school);
      const label = pool.indicators[IND]!.label['en-GB']!;
      const c = pool.changes.find((x) => x.indicator === IND && x.dimension === 'sen')!;
      const shown = c.groups.filter((g) => 'value' in g.change);
      const lines = [...root(el).querySelectorAll('.lines li')].map((li) => li.textContent!.trim());
      expect(lines.length).to.equal(shown.length);
      expect(c.groups.some((g) => g.significant)).to.equal(true);
      const verdicts: Record<string, string> = {
        improved: 'a significant improvement',
        worse: 'significantly worse',
        'no-significant-change': 'not a significant change, so it may be chance',
      };
      const cell = (w: PublishedWave, key: string) =>
        (cellsOf(tableOf(w, 'sen')).find((x) => x.key === key)!.percent as { value: number }).value;
      for (const g of shown) {
        const people = g.key === 'all' ? 'Pupils' : undefined;
        const line = lines.find((l) =>
          l.includes(
            `: ${cell(pool.baseline!, g.key)}% at the start and ${cell(pool.end!, g.key)}% at the end, ${verdicts[g.direction!]}.`,
          ),
        );
        expect(line, g.key).to.not.equal(undefined);
        expect(line!.startsWith(`${label} — `)).to.equal(true);
        if (people) expect(line).to.include(`— ${people}:`);
      }
      el.view = 'headline';
      await el.updateComplete;
      const headline = [...root(el).querySelectorAll('.lines li')].map((li) =>
        li.textContent!.trim(),
      );
      expect(headline[0]).to.equal(lines.find((l) => l.includes('— Pupils:')));
      const change = root(el).querySelector('.card__change')!;
      const all = c.groups.find((g) => g.key === 'all')!;
      expect(change.classList.contains(`card__change--${all.direction}`)).to.equal(true);
    });

    it('interpretation lines are translatable: placeholders reorder, numbers use the language', async () => {
      registerTranslation('pl', {
        resultsLineChange: '{group} ({start}% → {end}%): {verdict} — {label}',
        resultsVerdictImproved: 'istotna poprawa',
        resultsCardBase: {
          one: '{count} uczeń',
          few: '{count} uczniów (few)',
          many: '{count} uczniów (many)',
          other: '{count} ucznia',
        },
      });
      const f = standoutFixture('better');
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="pl"><at-results view="headline" .results=${f.school}></at-results></div>`,
      );
      const el = wrapper.querySelector('at-results')!;
      await el.updateComplete;
      const pool = poolOf(f.school);
      const before = (tableOf(pool.baseline!, 'all').total.percent as { value: number }).value;
      const after = (tableOf(pool.end!, 'all').total.percent as { value: number }).value;
      const line = root(el).querySelector('.lines li')!.textContent!.trim();
      expect(line.startsWith(`Pupils (${before}% → ${after}%): `)).to.equal(true);
      const base = (tableOf(pool.end!, 'all').total.base as { value: number }).value;
      const form = new Intl.PluralRules('pl').select(base);
      const expected = {
        one: 'uczeń',
        few: 'uczniów (few)',
        many: 'uczniów (many)',
        other: 'ucznia',
      }[form as 'one'];
      expect(root(el).querySelector('.card__detail')!.textContent!.trim()).to.equal(
        `${base.toLocaleString('pl')} ${expected}`,
      );
    });

    it('plural messages: points and pupils', () => {
      expect(translate('en-GB', 'resultsPoints', { sign: '+', count: 1 })).to.equal('+1 point');
      expect(translate('en-GB', 'resultsPoints', { sign: '\u2212', count: 3 })).to.equal(
        '\u22123 points',
      );
      expect(translate('en-GB', 'resultsCardBase', { count: 1 })).to.equal(
        'Based on 1 pupil’s answers',
      );
      expect(translate('en-GB', 'resultsCardBase', { count: 12 })).to.equal(
        'Based on 12 pupils’ answers',
      );
    });
  });

  describe('keyboard', () => {
    it('A2 the breakdown switch works with arrow keys and fires at-breakdown-change', async () => {
      const el = await make('breakdown', 'la', { dimension: 'sen' });
      const events: string[] = [];
      el.addEventListener('at-breakdown-change', (e) => events.push(e.detail.dimension));
      root(el).querySelector<HTMLInputElement>('input[value="sen"]')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.dimension).to.equal('fsm');
      expect(events).to.deep.equal(['fsm']);
      expect(tableRows(el).map((r) => r[0])).to.include('Free school meals');
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(el.dimension).to.equal('sen');
      expect(events).to.deep.equal(['fsm', 'sen']);
    });

    it('no event when code sets the dimension', async () => {
      const el = await make('breakdown');
      let fired = 0;
      el.addEventListener('at-breakdown-change', () => fired++);
      el.dimension = 'yearGroup';
      await el.updateComplete;
      expect(fired).to.equal(0);
      expect(
        root(el).querySelector<HTMLInputElement>('input[value="yearGroup"]')!.checked,
      ).to.equal(true);
    });

    it('A2 the table toggle opens and closes with Enter and Space, with aria-expanded', async () => {
      const el = await make('breakdown');
      const button = root(el).querySelector<HTMLButtonElement>('button.toggle')!;
      const wrap = root(el).getElementById(button.getAttribute('aria-controls')!)!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(wrap.hidden).to.equal(true);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(wrap.hidden).to.equal(false);
      const label = poolOf(data.school).indicators[IND]!.label['en-GB']!;
      expect(button.textContent!.trim()).to.equal(`Hide the data table: ${label}, by SEND`);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(wrap.hidden).to.equal(true);
    });

    it('tables have a caption and th scopes', async () => {
      const el = await make('change', 'trust');
      await openTables(el);
      const table = root(el).querySelector('table')!;
      const label = poolOf(data.trust).indicators[IND]!.label['en-GB']!;
      expect(table.querySelector('caption')!.textContent!.trim()).to.equal(`${label}, by SEND`);
      expect(table.querySelectorAll('thead th[scope="col"]').length).to.equal(9);
      expect(table.querySelectorAll('tbody th[scope="row"]').length).to.equal(
        table.querySelectorAll('tbody tr').length,
      );
    });
  });

  describe("the lead's screens", () => {
    it('D9 each hidden figure says which reason applies: one [c], several reasons, each its own note', async () => {
      const small = resultsFixture({ seed: 7, schools: 4, pupilsPerSchool: [34, 46] });
      const el = await make(
        'breakdown',
        'school',
        { dimension: 'sen', pool: 'pupil-ks2-secondary' },
        small,
      );
      await openTables(el);
      const cells = tableRows(el, -1, true).flatMap((r) => r.slice(1));
      const refs = new Set(cells.filter((c) => c.startsWith('[')));
      expect([...refs].filter((c) => c.startsWith('[c] (note ')).length).to.be.greaterThan(1);
      const notes = [...root(el).querySelectorAll('.notes li')].map((li) => li.textContent!.trim());
      for (const ref of refs) {
        const n = /\(note (\d+)\)$/.exec(ref)?.[1];
        expect(n, ref).to.not.equal(undefined);
        const note = notes.find((x) => x.startsWith(`Note ${n}: `))!;
        expect(note, ref).to.not.equal(undefined);
        expect(note.startsWith(`Note ${n}: ${ref.split(' ')[0]} `)).to.equal(true);
      }
    });

    it('a significant change is told apart from no significant change without colour: symbol, words, line style', async () => {
      const el = await fixture<AtResults>(
        html`<at-results
          view="headline"
          .results=${standoutFixture('better').school}
        ></at-results>`,
      );
      const changes = [...root(el).querySelectorAll<HTMLElement>('.card__change')];
      expect(changes.length).to.be.greaterThan(0);
      const look = (c: HTMLElement) => {
        const st = getComputedStyle(c);
        return `${c.textContent!.trim().slice(0, 1)}|${st.fontWeight}|${st.borderInlineStartStyle}`;
      };
      const byDirection = new Map<string, string>();
      for (const c of changes) {
        const direction = [...c.classList].find((x) => x.startsWith('card__change--'))!;
        byDirection.set(direction, look(c));
      }
      const looks = [...byDirection.values()];
      expect(new Set(looks).size).to.equal(looks.length);
      const same = byDirection.get('card__change--no-significant-change');
      if (same) expect(same).to.equal('≈|400|dashed');
      for (const [d, l] of byDirection)
        if (d !== 'card__change--no-significant-change') expect(l).to.match(/^[✓!▲▼]\|700\|solid$/);
    });

    it('"Types of bullying": every percentage says it is of pupils who said they were bullied', async () => {
      const el = await make('types', 'school');
      await openTables(el);
      const heads = [...root(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      expect(heads).to.include('Percentage of pupils who said they were bullied');
      expect(root(el).textContent).to.include(
        'Only pupils who said they had been bullied were asked about types',
      );
      expect(el.toCsv()).to.include('Percentage of pupils who said they were bullied');
    });
  });

  describe('CSV', () => {
    it('W1 guards against formula injection in labels', async () => {
      const hostile = edited(data.la, (copy) => {
        for (const p of copy.pools)
          for (const info of Object.values(p.indicators))
            if (info.source === 'feelings:feel-safe')
              info.label = { 'en-GB': '=HYPERLINK("http://x","y")' };
      });
      const el = await make('feelings', 'la', { results: hostile });
      const csv = el.toCsv();
      expect(csv).to.include(`"'=HYPERLINK(""http://x"",""y"")"`);
      expect(/(^|[\r\n,])=/.test(csv)).to.equal(false);
      expect(csvCell('+1')).to.equal('+1');
      expect(csvCell('-3')).to.equal('-3');
      expect(csvCell('-x')).to.equal("'-x");
      expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
      expect(csvCell('a,b')).to.equal('"a,b"');
    });

    it('the button downloads the CSV through a Blob URL', async () => {
      const el = await make('headline', 'trust');
      const created: Blob[] = [];
      const clicked: string[] = [];
      const original = URL.createObjectURL;
      const click = HTMLAnchorElement.prototype.click;
      URL.createObjectURL = (b: Blob | MediaSource) => {
        created.push(b as Blob);
        return 'blob:test';
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(`${this.href}|${this.download}`);
      };
      try {
        root(el).querySelector<HTMLButtonElement>('button.csv')!.click();
      } finally {
        URL.createObjectURL = original;
        HTMLAnchorElement.prototype.click = click;
      }
      expect(clicked).to.deep.equal(['blob:test|all-together-results-headline.csv']);
      const bytes = new Uint8Array(await created[0]!.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).to.equal(
        `\ufeff${el.toCsv()}`,
      );
    });
  });

  describe('states', () => {
    it('a view without data says so plainly', async () => {
      const el = await fixture<AtResults>(html`<at-results view="change"></at-results>`);
      expect(root(el).querySelector('.empty')!.textContent).to.equal(
        'There are no pupil results to show yet.',
      );
      el.results = edited(data.school, (copy) => {
        for (const p of copy.pools) p.baseline = null;
      });
      await el.updateComplete;
      expect(root(el).querySelector('.empty')!.textContent).to.include(
        'no start-of-programme results',
      );
      el.view = 'audit';
      await el.updateComplete;
      expect(root(el).querySelector('.empty')!.textContent).to.equal(
        'There are no audit scores to show yet.',
      );
      el.view = 'comparison';
      el.scope = 'la';
      await el.updateComplete;
      expect(root(el).querySelector('.empty')!.textContent).to.include(
        'not compared with another area',
      );
      await expect(el).to.be.accessible();
    });

    it('invalid results: a kind message on screen, the exact path on the console', async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      const bad = edited(data.school, (copy) => {
        Object.assign(copy.pools[0]!.end!.binary[0]!.total, { percent: { value: 140 } });
      });
      try {
        const el = await fixture<AtResults>(html`<at-results .results=${bad}></at-results>`);
        expect(root(el).querySelector('[role="alert"]')!.textContent).to.include(
          'could not be shown',
        );
        // Raw summaries are not accepted: results must be published.
        el.results = data.raw.school.end[0] as unknown as PublishedResults;
        await el.updateComplete;
        expect(root(el).querySelector('[role="alert"]')).to.not.equal(null);
        el.results = data.school;
        await el.updateComplete;
        expect(root(el).querySelector('[role="alert"]')).to.equal(null);
      } finally {
        console.error = original;
      }
      expect(errors[0]).to.include('results.pools.0.end.binary.0.total.percent');
      expect(errors[1]).to.match(/results(\.kind)?: /);
    });

    it('A8 forced colours: system colours in charts, still accessible', async () => {
      const el = await make('comparison', 'trust');
      await executeServerCommand('at-emulate-forced-colors', 'active');
      try {
        expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
        const bar = root(el).querySelector('svg rect.bar.s0')!;
        const probe = document.createElement('span');
        probe.style.color = 'CanvasText';
        document.body.append(probe);
        expect(getComputedStyle(bar).fill).to.equal(getComputedStyle(probe).color);
        probe.remove();
        await expect(el).to.be.accessible();
      } finally {
        await executeServerCommand('at-emulate-forced-colors', 'none');
      }
    });

    it('right to left: bars grow from the right, labels anchor at the end, accessible', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl" lang="ar">
          <at-results view="breakdown" scope="la" .results=${data.la}></at-results>
        </div>`,
      );
      const el = wrapper.querySelector('at-results')!;
      await el.updateComplete;
      const bar = root(el).querySelector<SVGRectElement>('svg rect.bar.s0')!;
      const x = Number(bar.getAttribute('x'));
      const w = Number(bar.getAttribute('width'));
      const width = Number(root(el).querySelector('svg')!.getAttribute('viewBox')!.split(' ')[2]);
      expect(x + w).to.be.closeTo(width - 12, 0.5);
      const label = root(el).querySelector<SVGTextElement>('svg text.label')!.getBBox();
      expect(label.x + label.width).to.be.closeTo(width - 12, 1);
      const value = root(el).querySelector<SVGTextElement>('svg text.value')!.getBBox();
      expect(value.x + value.width).to.be.at.most(x + 0.5);
      await expect(el).to.be.accessible();
    });

    it('print styles show tables, hide buttons and keep charts whole', () => {
      const sheet = (
        customElements.get('at-results') as unknown as { styles: { styleSheet: CSSStyleSheet } }
      ).styles.styleSheet;
      const print = [...sheet.cssRules].find(
        (r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === 'print',
      )!;
      const css = [...print.cssRules].map((r) => r.cssText).join('\n');
      expect(css).to.match(/\.table-wrap\[hidden\] \{ display: block; \}/);
      expect(css).to.match(/\.toggle, \.csv, \.switch \{ display: none; \}/);
      expect(css).to.include('break-inside: avoid');
    });

    it('the notes follow the control the results were published under', async () => {
      const small = resultsFixture({ seed: 7, schools: 4, pupilsPerSchool: [34, 46] });
      const el = await make(
        'breakdown',
        'school',
        { dimension: 'sen', pool: 'pupil-ks2-secondary' },
        small,
      );
      expect(root(el).querySelector('.notes')!.textContent).to.include('Fewer than 10 pupils');
      el.results = edited(small.school, (copy) => {
        copy.control = { ...copy.control, minCellSize: 100, minBaseForPercentage: 100 };
      });
      await el.updateComplete;
      expect(root(el).querySelector('.notes')!.textContent).to.include('Fewer than 100 pupils');
    });
  });
});
