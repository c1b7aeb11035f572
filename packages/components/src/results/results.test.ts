import { html } from 'lit';
import { expect, fixture } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { DEFAULT_DISCLOSURE_CONTROL, type QuestionnaireDefinition } from '@all-together/model';
import {
  breakdown,
  publishBreakdown,
  publishChange,
  publishComparison,
  publishCpd,
  suppressionNote,
  type CpdSummary,
  type PupilSummary,
  type Shown,
} from '@all-together/scoring';
import { getQuestionnaire } from '@all-together/questionnaires';
import { registerTranslation, translate } from '../shared/i18n.js';
import './at-results.js';
import * as stories from './results.stories.js';
import { csvCell } from '../shared/csv.js';
import type { AtResults } from './results.js';
import { RESULTS_DIMENSIONS, RESULTS_VIEWS, type ResultsScope } from './results.model.js';
import {
  labelDefinitions,
  pupilDefinitions,
  resultsFixture,
  standoutFixture,
  syntheticCpd,
  type ResultsFixture,
} from './test-helpers/results-fixtures.js';

const data: ResultsFixture = resultsFixture();
const defs = labelDefinitions();

/** Summary and comparator for a scope: a school in its LA, a trust in its LA, the LA alone. */
function forScope(scope: ResultsScope, f: ResultsFixture = data) {
  if (scope === 'school') return { waves: f.school, comparator: f.la.end };
  if (scope === 'trust') return { waves: f.trust, comparator: f.la.end };
  return { waves: f.la, comparator: undefined };
}

async function make(
  view: string,
  scope: ResultsScope = 'school',
  extra: Partial<AtResults> = {},
  f: ResultsFixture = data,
): Promise<AtResults> {
  const { waves, comparator } = forScope(scope, f);
  const el = await fixture<AtResults>(
    html`<at-results
      view=${view}
      scope=${scope}
      .summary=${waves.end}
      .baseline=${waves.baseline}
      .comparator=${comparator}
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

/** Opens every data table through its toggle button. */
async function openTables(el: AtResults) {
  root(el)
    .querySelectorAll<HTMLButtonElement>('button.toggle[aria-expanded="false"]')
    .forEach((b) => b.click());
  await el.updateComplete;
}

/**
 * A cell or note without its note number: "[c] (note 2)" → "[c]", "Note 2: [c] …" → "[c] …". The
 * numbers are tested on their own ("each hidden figure says which reason applies").
 */
const bare = (text: string) => text.replace(/ \(note \d+\)$/, '').replace(/^Note \d+: /, '');

/** The rows of the table with this caption, as [header, ...cells] text (note numbers removed). */
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
    for (const [name, story] of Object.entries(stories)) {
      if (typeof story !== 'object' || !('render' in story)) continue;
      it(name, async () => {
        const host = await fixture<HTMLDivElement>(html`<div>${story.render()}</div>`);
        for (const el of host.querySelectorAll('at-results')) await el.updateComplete;
        await expect(host).to.be.accessible();
      });
    }
  });

  describe('figures come from scoring', () => {
    it('D8 breakdown table equals publishBreakdown for every dimension (school viewer)', async () => {
      const el = await make('breakdown');
      for (const dimension of RESULTS_DIMENSIONS) {
        el.dimension = dimension;
        await el.updateComplete;
        const p = publishBreakdown(data.school.end, 'victimisation.frequent', dimension, {
          viewer: 'school',
        });
        const rows = tableRows(el);
        const expected = [p.total, ...p.groups, ...p.derived].map((c) => [
          num(c.base),
          pct(c.percent),
        ]);
        const shown = rows.map((r) => r.slice(1));
        expect(shown.length, dimension).to.equal(expected.length);
        for (const e of expected) expect(shown.map((r) => r.join('|'))).to.include(e.join('|'));
        // The total row comes first, labelled "All pupils".
        expect(rows[0]![0]).to.equal('All pupils');
      }
    });

    it('D8 an LA viewer sees counts rounded to 5 and the number column, as scoring publishes', async () => {
      const el = await make('breakdown', 'la', { dimension: 'fsm' });
      const p = publishBreakdown(data.la.end, 'victimisation.frequent', 'fsm', {
        viewer: 'local-authority',
      });
      const rows = tableRows(el);
      expect(rows[0]!.slice(1)).to.deep.equal([
        num(p.total.base),
        num(p.total.count),
        pct(p.total.percent),
      ]);
      const head = [...root(el).querySelectorAll('thead th')].map((t) => t.textContent!.trim());
      expect(head).to.include('Number');
      expect(root(el).textContent).to.include('rounded to the nearest 5');
    });

    it('D7 change table equals publishChange: both waves, intervals, change and significance', async () => {
      const el = await make('change', 'la', { dimension: 'sen' });
      const c = publishChange(data.la.baseline, data.la.end, 'victimisation.frequent', 'sen', {
        viewer: 'local-authority',
      });
      const rows = tableRows(el);
      const all = c.groups[0]!;
      const iv = (s: Shown<{ lower: number; upper: number }>) =>
        'value' in s ? `${s.value.lower}% to ${s.value.upper}%` : s.symbol;
      expect(rows[0]!.slice(1, 7)).to.deep.equal([
        num(all.time1.base),
        pct(all.time1.percent),
        iv(all.intervals.time1),
        num(all.time2.base),
        pct(all.time2.percent),
        iv(all.intervals.time2),
      ]);
      for (const g of c.groups) {
        const row = rows.find((r) => r[1] === num(g.time1.base) && r[2] === pct(g.time1.percent));
        expect(row, g.key).to.not.equal(undefined);
        if (!('value' in g.change)) expect(row![7]).to.equal(g.change.symbol);
      }
    });

    it('D6 comparison table equals publishComparison against the rest of the area, RAG in words', async () => {
      const el = await make('comparison', 'trust', { dimension: 'all' });
      const c = publishComparison(data.trust.end, data.la.end, 'victimisation.frequent', 'all', {
        viewer: 'trust',
        comparatorViewer: 'trust',
      });
      const g = c.groups[0]!;
      const row = tableRows(el)[0]!;
      expect(row.slice(1, 5)).to.deep.equal([
        num(g.school.base),
        pct(g.school.percent),
        num(g.comparator.base),
        pct(g.comparator.percent),
      ]);
      const words: Record<string, string> = {
        green: '✓ Better (significant)',
        amber: '! Worse (significant)',
        red: '!! Worse (strongly significant)',
        null: '≈ Similar',
      };
      expect(row[6]).to.equal(words[String(g.rag)]);
      // A colour only where significant: the badge class follows scoring's rag.
      const badge = root(el).querySelector('.badge')!;
      expect(badge.getAttribute('class')).to.include(`rag-${g.rag ?? 'none'}`);
    });

    it('types of bullying: every row equals publishBreakdown(…, "all") of its indicator', async () => {
      const el = await make('types', 'la');
      const rows = tableRows(el);
      const keys = Object.keys(data.la.end.info).filter((k) => k.startsWith('types.'));
      expect(rows.length).to.equal(keys.length);
      for (const key of keys) {
        const t = publishBreakdown(data.la.end, key, 'all', { viewer: 'local-authority' }).total;
        expect(rows.map((r) => r.slice(1).join('|'))).to.include(
          [num(t.base), num(t.count), pct(t.percent)].join('|'),
        );
      }
      // Labels come from the definitions' option labels, not the keys.
      expect(rows.some((r) => r[0]!.startsWith('types.'))).to.equal(false);
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
        expect(rows[i]!.slice(1)).to.deep.equal(
          item.cells.map((c) => ('value' in c.percent ? `${c.percent.value}%` : c.percent.symbol)),
        );
      });
      expect(
        published.items.every((item) => item.cells.every((c) => 'value' in c.percent)),
      ).to.equal(true);
    });

    it('D1 D4 D9 a small course: 7 before ([c]), 14 after ([c], too few for a %), none later ([z])', async () => {
      const small = syntheticCpd(5, [7, 14, 0]);
      const el = await make('cpd', 'trust', { cpd: small });
      const rows = tableRows(el);
      for (const r of rows) expect(r.slice(1)).to.deep.equal(['[c]', '[c]', '[z]']);
      const text = corpus(el).join('\n') + el.toCsv();
      // No true percentage of a hidden cell appears anywhere (nor in the chart's labels).
      const hidden = small.administrations
        .slice(0, 2)
        .flatMap((a) =>
          a.items
            .filter((i) => i.base > 0)
            .map((i) => `${Math.round((100 * i.confident) / i.base)}%`),
        )
        .filter((p) => !['0%', '25%', '50%', '75%', '100%'].includes(p));
      expect(hidden.length).to.be.greaterThan(0);
      for (const p of hidden) expect(text.split(/\s+|,/).includes(p), p).to.equal(false);
      const notes = root(el).querySelector('.notes')!.textContent!;
      expect(notes).to.include(suppressionNote('base'));
      expect(notes).to.include(suppressionNote('small-base'));
      expect(notes).to.include(suppressionNote('no-pupils'));
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
    const summaries: [string, PupilSummary][] = [
      ['school', small.school.end],
      ['baseline', small.school.baseline],
    ];

    /** True percentages (and counts) of every hidden cell, that no shown figure happens to equal. */
    function hiddenFigures(): { hidden: string[]; checked: number } {
      // Strings legitimately on screen: axis ticks and every shown figure of any indicator.
      const shown = new Set<string>(['0%', '25%', '50%', '75%', '100%']);
      for (const [, s] of summaries)
        for (const key of Object.keys(s.info))
          if (s.info[key]!.kind === 'binary') {
            const t = publishBreakdown(s, key, 'all', { viewer: 'school' }).total;
            if ('value' in t.percent) shown.add(`${t.percent.value}%`);
          }
      const secret = new Set<string>();
      for (const [, s] of summaries)
        for (const dimension of RESULTS_DIMENSIONS) {
          const p = publishBreakdown(s, 'victimisation.frequent', dimension, { viewer: 'school' });
          const raw = breakdown(s, 'victimisation.frequent', dimension);
          const rawCells = [
            { key: 'all', value: raw.total },
            ...raw.groups,
            ...raw.derived.map((d) => ({ key: d.key, value: d.value })),
          ];
          for (const cell of [p.total, ...p.groups, ...p.derived]) {
            if ('value' in cell.percent) shown.add(`${cell.percent.value}%`);
            const r = rawCells.find((x) => x.key === cell.key)!.value;
            if ('symbol' in cell.percent && r.base > 0) {
              const exact = (r.count / r.base) * 100;
              secret.add(`${Math.round(exact)}%`);
              secret.add(exact.toFixed(1));
            }
          }
        }
      const hidden = [...secret].filter((s) => !shown.has(s) && !/^\d+\.0$/.test(s));
      return { hidden, checked: secret.size };
    }

    it('the constructed case hides groups whose true percentages are distinctive', () => {
      const { hidden } = hiddenFigures();
      expect(hidden.length).to.be.greaterThan(2);
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
        const { hidden } = hiddenFigures();
        const el = await make(view, 'school', {}, small);
        for (const dimension of RESULTS_DIMENSIONS) {
          el.dimension = dimension;
          await el.updateComplete;
          await openTables(el);
          const text = corpus(el).join('\n');
          const csv = el.toCsv();
          // Figures this view legitimately shows (intervals, the rest of the area) are not secrets.
          const legit = new Set<string>();
          const add = (x: Shown<number>) => 'value' in x && legit.add(`${x.value}%`);
          if (view === 'change')
            for (const g of publishChange(
              small.school.baseline,
              small.school.end,
              'victimisation.frequent',
              dimension,
              { viewer: 'school' },
            ).groups)
              for (const i of [g.intervals.time1, g.intervals.time2])
                if ('value' in i) legit.add(`${i.value.lower}%`).add(`${i.value.upper}%`);
          if (view === 'comparison')
            for (const g of publishComparison(
              small.school.end,
              small.la.end,
              'victimisation.frequent',
              dimension,
              { viewer: 'school' },
            ).groups)
              add(g.comparator.percent);
          const secrets = hidden.filter((x) => !legit.has(x));
          expect(secrets.length, `${view}/${dimension}: something to hunt`).to.be.greaterThan(0);
          for (const secret of secrets) {
            const inDom =
              text.includes(` ${secret}`) ||
              text.includes(`(${secret}`) ||
              text.includes(`\n${secret}`) ||
              text.split(/\s+/).includes(secret);
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

    it('D9 a hidden group is drawn as a hatched placeholder with its symbol, and explained', async () => {
      const el = await make('breakdown', 'school', { dimension: 'sen' }, small);
      const placeholders = root(el).querySelectorAll('svg .hidden-cell');
      expect(placeholders.length).to.be.greaterThan(0);
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
      expect(summary.textContent!.trim()).to.match(
        /^Frequently bullied, by SEND: \d+ groups? can be compared/,
      );
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

    it('plain-English lines state significance from publishChange', async () => {
      const el = await make('change', 'la', { dimension: 'all' });
      const g = publishChange(data.la.baseline, data.la.end, 'victimisation.frequent', 'all', {
        viewer: 'local-authority',
      }).groups[0]!;
      const t1 = (g.time1.percent as { value: number }).value;
      const t2 = (g.time2.percent as { value: number }).value;
      const word = t2 < t1 ? 'Fewer' : 'More';
      const sig = g.significant
        ? 'this change is statistically significant.'
        : 'this change is not statistically significant, so it may be chance.';
      const line = root(el).querySelector('.lines li')!.textContent!.trim();
      expect(line).to.equal(
        `${word} pupils said they were frequently bullied at the end (${t2}%) than at the start (${t1}%); ${sig}`,
      );
    });

    it('D9 the hidden-figure notes say what scoring says, thresholds from the control', () => {
      for (const control of [
        DEFAULT_DISCLOSURE_CONTROL,
        { ...DEFAULT_DISCLOSURE_CONTROL, minCellSize: 1, minBaseForPercentage: 12, roundTo: 10 },
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
        ];
        for (const [ours, theirs] of cases) expect(ours).to.equal(`[c] ${theirs}`);
      }
    });

    it('D7 a change hidden because a wave is hidden has its own note, not "worked out from the total"', async () => {
      const small = resultsFixture({ seed: 7, schools: 4, pupilsPerSchool: [34, 46] });
      const el = await make('change', 'school', { dimension: 'sen' }, small);
      const c = publishChange(
        small.school.baseline,
        small.school.end,
        'victimisation.frequent',
        'sen',
        {
          viewer: 'school',
        },
      );
      const hidden = c.groups.filter((g) => 'symbol' in g.change);
      expect(hidden.length).to.be.greaterThan(0);
      for (const g of hidden)
        expect('reason' in g.change && g.change.reason, g.key).to.equal('not-both-waves');
      const notes = [...root(el).querySelectorAll('.notes li')].map((li) =>
        bare(li.textContent!.trim()),
      );
      const symbol = (hidden[0]!.change as { symbol: string }).symbol;
      expect(notes).to.include(`${symbol} ${suppressionNote('not-both-waves')}`);
      // The change column shows the symbol for every hidden change.
      const changes = tableRows(el).map((r) => r[7]);
      expect(changes.filter((x) => x === '[c]' || x === '[z]').length).to.equal(hidden.length);
    });

    it('D6 colour only where significant, always with words: a school better and one worse than its LA', async () => {
      for (const kind of ['better', 'worse'] as const) {
        const f = standoutFixture(kind);
        const el = await fixture<AtResults>(
          html`<at-results
            view="comparison"
            dimension="all"
            .summary=${f.school.end}
            .comparator=${f.la.end}
          ></at-results>`,
        );
        const g = publishComparison(f.school.end, f.la.end, 'victimisation.frequent', 'all', {
          viewer: 'school',
          comparatorViewer: 'trust',
        }).groups[0]!;
        expect(g.significant, kind).to.equal(true);
        expect(g.rag === 'green', kind).to.equal(kind === 'better');
        const badge = root(el).querySelector('.badge')!;
        expect(badge.getAttribute('class')).to.include(`rag-${g.rag}`);
        expect(badge.textContent!.trim()).to.match(kind === 'better' ? /^✓ Better/ : /^!+ Worse/);
        const school = (g.school.percent as { value: number }).value;
        const area = (g.comparator.percent as { value: number }).value;
        expect(root(el).querySelector('.lines li')!.textContent!.trim()).to.equal(
          `${school}% of pupils here said they were frequently bullied, against ${area}% in the rest of the area: significantly ${kind}.`,
        );
        await expect(el).to.be.accessible();
      }
    });

    it('D7 a significant change is worded as significant, for every group both waves show', async () => {
      const f = standoutFixture('better');
      const el = await fixture<AtResults>(
        html`<at-results
          view="change"
          dimension="sen"
          .summary=${f.school.end}
          .baseline=${f.school.baseline}
        ></at-results>`,
      );
      const c = publishChange(f.school.baseline, f.school.end, 'victimisation.frequent', 'sen', {
        viewer: 'school',
      });
      const shown = c.groups.filter((g) => 'value' in g.change);
      const lines = [...root(el).querySelectorAll('.lines li')].map((li) => li.textContent!.trim());
      expect(lines.length).to.equal(shown.length);
      expect(c.groups.some((g) => g.significant)).to.equal(true);
      const people: Record<string, string> = {
        all: 'pupils',
        E: 'pupils with an EHC plan',
        K: 'pupils on SEN support',
        'any-sen': 'pupils with SEND',
        N: 'pupils with no SEND',
        unknown: 'pupils whose details are not recorded',
        'prefer-not-to-say': 'pupils who preferred not to say',
      };
      for (const g of shown) {
        const t1 = (g.time1.percent as { value: number }).value;
        const t2 = (g.time2.percent as { value: number }).value;
        const word = t2 < t1 ? 'Fewer' : 'More';
        const sig = g.significant
          ? 'this change is statistically significant.'
          : 'this change is not statistically significant, so it may be chance.';
        expect(lines, g.key).to.include(
          `${word} ${people[g.key]} said they were frequently bullied at the end (${t2}%) than at the start (${t1}%); ${sig}`,
        );
      }
      // The headline view words the same change the same way.
      el.view = 'headline';
      await el.updateComplete;
      const all = c.groups[0]!;
      const headline = [...root(el).querySelectorAll('.lines li')].map((li) =>
        li.textContent!.trim(),
      );
      expect(headline[0]).to.equal(
        lines.find((l) => l.startsWith(`Fewer pupils said`) || l.startsWith('More pupils said')),
      );
      expect(headline[0]).to.include(`(${(all.time2.percent as { value: number }).value}%)`);
      el.view = 'change';
      await el.updateComplete;
      const table = tableRows(el);
      for (const g of shown)
        expect(table.map((r) => r[8])).to.include(
          g.direction === 'improved'
            ? '✓ Significantly better'
            : g.direction === 'worse'
              ? '! Significantly worse'
              : '≈ No significant change',
        );
    });

    it('interpretation lines are translatable: placeholders reorder, numbers use the language', async () => {
      registerTranslation('pl', {
        resultsLineFewer: 'Mniej: {group} ({start}% → {end}%) {phrase}',
        resultsLineSignificant: ' — zmiana istotna.',
        resultsLineNotSignificant: ' — zmiana nieistotna.',
        resultsCardBase: {
          one: '{count} uczeń',
          few: '{count} uczniów (few)',
          many: '{count} uczniów (many)',
          other: '{count} ucznia',
        },
      });
      const f = standoutFixture('better');
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="pl">
          <at-results
            view="headline"
            .summary=${f.school.end}
            .baseline=${f.school.baseline}
          ></at-results>
        </div>`,
      );
      const el = wrapper.querySelector('at-results')!;
      await el.updateComplete;
      const c = publishChange(f.school.baseline, f.school.end, 'victimisation.frequent', 'all', {
        viewer: 'school',
      }).groups[0]!;
      const t1 = (c.time1.percent as { value: number }).value;
      const t2 = (c.time2.percent as { value: number }).value;
      expect(root(el).querySelector('.lines li')!.textContent!.trim()).to.equal(
        `Mniej: pupils (${t1}% → ${t2}%) were frequently bullied — zmiana istotna.`,
      );
      const base = (
        publishBreakdown(f.school.end, 'victimisation.frequent', 'all', { viewer: 'school' }).total
          .base as { value: number }
      ).value;
      const form = new Intl.PluralRules('pl').select(base);
      const expected = {
        one: 'uczeń',
        few: 'uczniów (few)',
        many: 'uczniów (many)',
        other: 'ucznia',
      }[form as 'one'];
      expect(root(el).querySelector('.card__detail')!.textContent!.trim()).to.equal(
        `${base} ${expected}`,
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
      el.addEventListener('at-breakdown-change', (e) => events.push(e.dimension));
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
      expect(button.textContent!.trim()).to.equal(
        'Hide the data table: Frequently bullied, by SEND',
      );
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(wrap.hidden).to.equal(true);
    });

    it('tables have a caption and th scopes', async () => {
      const el = await make('change', 'trust');
      await openTables(el);
      const table = root(el).querySelector('table')!;
      expect(table.querySelector('caption')!.textContent!.trim()).to.equal(
        'Frequently bullied, by SEND',
      );
      expect(table.querySelectorAll('thead th[scope="col"]').length).to.equal(9);
      expect(table.querySelectorAll('tbody th[scope="row"]').length).to.equal(
        table.querySelectorAll('tbody tr').length,
      );
    });
  });

  describe("the lead's screens (issue 16)", () => {
    it('D9 each hidden figure says which reason applies: one [c], several reasons, each its own note', async () => {
      const el = await make('breakdown', 'school', { dimension: 'sen' });
      await openTables(el);
      const cells = tableRows(el, -1, true).flatMap((r) => r.slice(1));
      const refs = new Set(cells.filter((c) => c.startsWith('[')).map((c) => c));
      // At least two different reasons behind the same symbol, told apart by their notes.
      const notesFor = (symbol: string) =>
        [...refs].filter((c) => c.startsWith(`${symbol} (note `));
      expect(notesFor('[c]').length).to.be.greaterThan(1);
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
      const el = await make('headline', 'school');
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
        if (d !== 'card__change--no-significant-change') expect(l).to.match(/^[✓!]\|700\|solid$/);
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
    it('holds exactly the table figures, with symbols for hidden ones', async () => {
      const el = await make('breakdown', 'school', { dimension: 'sen' });
      const csv = el.toCsv();
      for (const row of tableRows(el, -1, true)) expect(csv).to.include(row.map(csvCell).join(','));
      expect(csv).to.include('[c]');
      expect(csv.startsWith('Figures by group\r\n')).to.equal(true);
    });

    it('W1 guards against formula injection in labels from definitions', async () => {
      const hostile = JSON.parse(JSON.stringify(pupilDefinitions())) as QuestionnaireDefinition[];
      for (const def of hostile)
        for (const s of def.sections)
          for (const item of s.items)
            if (item.id === 'feel-safe') item.text = { 'en-GB': '=HYPERLINK("http://x","y")' };
      const el = await make('feelings', 'la', { definitions: hostile });
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
      el.summary = data.school.end;
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

    it('invalid input: a kind message on screen, the exact problem on the console', async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      try {
        const el = await fixture<AtResults>(
          html`<at-results .summary=${{ rows: [] } as unknown as PupilSummary}></at-results>`,
        );
        expect(root(el).querySelector('[role="alert"]')!.textContent).to.include(
          'could not be shown',
        );
        // A comparator that does not contain the school: scoring refuses, the element explains.
        el.summary = data.la.end;
        el.comparator = data.school.end;
        el.view = 'comparison';
        await el.updateComplete;
        expect(root(el).querySelector('[role="alert"]')).to.not.equal(null);
      } finally {
        console.error = original;
      }
      expect(errors[0]).to.include('summary: expected a PupilSummary');
      expect(errors[1]).to.include('comparison:');
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
          <at-results
            view="breakdown"
            scope="la"
            .summary=${data.la.end}
            .definitions=${defs}
          ></at-results>
        </div>`,
      );
      const el = wrapper.querySelector('at-results')!;
      await el.updateComplete;
      const bar = root(el).querySelector<SVGRectElement>('svg rect.bar.s0')!;
      const x = Number(bar.getAttribute('x'));
      const w = Number(bar.getAttribute('width'));
      const width = Number(root(el).querySelector('svg')!.getAttribute('viewBox')!.split(' ')[2]);
      expect(x + w).to.be.closeTo(width - 12, 0.5);
      // Labels end at the right-hand edge, where the bars start.
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
      const text = [...print.cssRules].map((r) => r.cssText).join('\n');
      expect(text).to.match(/\.table-wrap\[hidden\] \{ display: block; \}/);
      expect(text).to.match(/\.toggle, \.csv, \.switch \{ display: none; \}/);
      expect(text).to.include('break-inside: avoid');
    });

    it('the disclosure control defaults to the model and is honoured when raised', async () => {
      const el = await make('breakdown', 'la', { dimension: 'sen' });
      expect(el.disclosure).to.equal(DEFAULT_DISCLOSURE_CONTROL);
      const strict = { ...DEFAULT_DISCLOSURE_CONTROL, minCellSize: 100, minBaseForPercentage: 200 };
      el.disclosure = strict;
      await el.updateComplete;
      const p = publishBreakdown(data.la.end, 'victimisation.frequent', 'sen', {
        viewer: 'local-authority',
        control: strict,
      });
      const rows = tableRows(el);
      expect(rows.find((r) => r[0] === 'EHC plan')![3]).to.equal(
        pct(p.groups.find((g) => g.key === 'E')!.percent),
      );
      expect(root(el).querySelector('.notes')!.textContent).to.include('Fewer than 100 pupils');
    });
  });
});
