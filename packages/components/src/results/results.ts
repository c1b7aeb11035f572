// Over the 400-line aim (style.md): about 170 lines are the documented public API and the checks
// of what enters; the views are built in results.views.ts, the charts in results.chart.ts.
// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  PublishedResults,
  fromZodError,
  type AuditDefinition,
  type PublishedPool,
  type QuestionnaireDefinition,
} from '@all-together/model';
import type { AuditComparison, CpdSummary } from '@all-together/scoring';
import { AtElement } from '../shared/at-element.js';
import { AtEvent } from '../shared/events.js';
import { csvCell } from '../shared/csv.js';
import { barChart } from './results.chart.js';
import {
  RESULTS_DIMENSIONS,
  RESULTS_ROLES,
  RESULTS_SCOPES,
  RESULTS_VIEWS,
  dimensionName,
  groupLabel,
  type ChartModel,
  type ResultsDimension,
  type ResultsRole,
  type ResultsScope,
  type ResultsView,
  type TableModel,
  type Term,
  type ViewModel,
} from './results.model.js';
import { buildView, wavesOf } from './results.views.js';
import { styles } from './results.styles.js';
import { defineDefaultStrings } from '../shared/i18n.js';
import { resultsStrings } from './results.strings.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...resultsStrings });

export {
  RESULTS_DIMENSIONS,
  RESULTS_ROLES,
  RESULTS_SCOPES,
  RESULTS_VIEWS,
  type ResultsDimension,
  type ResultsRole,
  type ResultsScope,
  type ResultsView,
};

/** `detail` of `at-breakdown-change`. */
export interface AtBreakdownChangeDetail {
  /** The breakdown now shown. */
  readonly dimension: ResultsDimension;
}

/** Fired when the user picks another breakdown with the switch (never when code sets `dimension`). */
export class AtBreakdownChangeEvent extends AtEvent<AtBreakdownChangeDetail> {
  static readonly type = 'at-breakdown-change';
  constructor(dimension: ResultsDimension) {
    super(AtBreakdownChangeEvent.type, { dimension });
  }
  /** @deprecated Read `detail.dimension`. */
  get dimension(): ResultsDimension {
    return this.detail.dimension;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-breakdown-change': AtBreakdownChangeEvent;
  }
}

/** `detail` of `at-pool-change`. */
export interface AtPoolChangeDetail {
  /** The `comparableAs` of the pool now shown (`pupil-ks1`, `pupil-ks2-secondary`). */
  readonly pool: string;
}

/** Fired when the user picks the other year groups with the pool switch (never when code sets `pool`). */
export class AtPoolChangeEvent extends AtEvent<AtPoolChangeDetail> {
  static readonly type = 'at-pool-change';
  constructor(pool: string) {
    super(AtPoolChangeEvent.type, { pool });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-pool-change': AtPoolChangeEvent;
  }
}

const isCpdSummary = (v: unknown): v is CpdSummary =>
  typeof v === 'object' &&
  v !== null &&
  (v as { kind?: unknown }).kind === 'cpd-summary' &&
  (v as { format?: unknown }).format === 1 &&
  Array.isArray((v as { administrations?: unknown }).administrations);

/**
 * Pupil results for a school, a trust or a local authority, from **published** results
 * (`PublishedResults`: what scoring's `publishResults` makes on your server): headline cards,
 * figures by sex, SEND, free school meals, year group and English as an additional language,
 * start against end with intervals, comparison with the rest of the trust or LA, types of
 * bullying, feelings about school, the audit before and after, and staff training confidence.
 *
 * The element never computes a pupil figure: every number is a published cell, every hidden one
 * its GSS symbol (`[c]`, `[low]`, `[x]`, `[z]`) with a numbered note saying why, never 0 or an
 * empty bar. Results of year groups that were asked different questions (Reception to Year 2;
 * Years 3 to 13) are separate pools, shown one at a time with a switch, never added together.
 * Words for a change come from its published direction (better or worse only where the indicator
 * declares which is better), each percentage says of whom it is, and where the figure for pupils
 * with SEND or on free school meals is hidden a sentence says so. Charts are SVG whose accessible
 * name is the one-sentence summary shown above them; each has a data table on demand and the CSV
 * export holds exactly what the tables show.
 *
 * @summary Results charts and tables for schools, trusts and LAs, from published figures.
 * @tagname at-results
 *
 * @event {CustomEvent<{ dimension: ResultsDimension }>} at-breakdown-change - The user picked another breakdown; `detail.dimension` says which.
 * @event {CustomEvent<{ pool: string }>} at-pool-change - The user picked the other year groups; `detail.pool` is its `comparableAs`.
 *
 * @csspart base - The wrapper of the whole view.
 * @csspart title - The view's heading.
 * @csspart switch - The breakdown switch and the year-groups switch (radio groups).
 * @csspart card - A headline card.
 * @csspart focus - Sentences about a hidden figure for pupils with SEND or on free school meals.
 * @csspart chart - An SVG chart.
 * @csspart table - A data table.
 * @csspart notes - The notes about hidden figures.
 * @csspart csv - The CSV download button.
 *
 * @cssproperty --at-results-series-1 - First series (start, this school, before). Default `--at-color-chart-1`, else #1d70b8.
 * @cssproperty --at-results-series-2 - Second series, also striped. Default `--at-color-chart-4`, else #801650.
 * @cssproperty --at-results-series-3 - Third series, also dotted. Default #0b0c0c.
 */
export class AtResults extends AtElement {
  static override styles = styles;

  /**
   * The published pupil results to show: `PublishedResults` from `@all-together/model`, made by
   * scoring's `publishResults` (or `publishArea`) for this viewer. Checked with that schema where
   * it enters; an invalid value shows a kind message and logs every problem with its path.
   */
  @property({ attribute: false }) results: PublishedResults | undefined;

  /**
   * Which pool of the results to show, by its `comparableAs` (`pupil-ks1` for Reception to
   * Year 2, `pupil-ks2-secondary` for Years 3 to 13). Default: the first pool. With two pools a
   * switch lets the user choose.
   */
  @property({ reflect: true }) pool: string | undefined;

  /**
   * Who this school or trust is compared with, as it reads inside a sentence: "the rest of the
   * trust", "the rest of the local authority". Default "the rest of the area".
   */
  @property({ attribute: 'comparator-name' }) comparatorName: string | undefined;

  /** Audit before and after: the result of scoring's `compareAudits(definition, baseline, end)`. */
  @property({ attribute: false }) audit: AuditComparison | undefined;

  /**
   * Training confidence: scoring's `summariseCpd(definition, responses)` (or `mergeCpdSummaries`),
   * "quite or very confident" per statement at each administration (before, straight after, months
   * later). Published with scoring's `publishCpd` at the results' viewer level (adults' answers
   * only); labels come from the CPD definition in `definitions`.
   */
  @property({ attribute: false }) cpd: CpdSummary | undefined;

  /** Definitions for audit area titles and CPD labels, in the element's language. */
  @property({ attribute: false }) definitions: (QuestionnaireDefinition | AuditDefinition)[] = [];

  /** What the results cover: `school`, `trust` or `la`. */
  @property({ reflect: true }) scope: ResultsScope = 'school';

  /** Which view to show: `headline`, `breakdown`, `change`, `comparison`, `types`, `feelings`, `audit`, `cpd`. */
  @property({ reflect: true }) view: ResultsView = 'headline';

  /**
   * Who is looking: `school`, `trust`, `la` or `analyst` (default: from `scope`). For `la` and
   * `analyst`, tables and CSV add the numbers who said yes and who preferred not to say (as
   * published). Named `viewerRole` because `role` is the element's ARIA role.
   */
  @property({ attribute: 'viewer-role' }) viewerRole: ResultsRole | undefined;

  /** The breakdown shown by the breakdown, change and comparison views: `all`, `sex`, `sen`, `fsm`, `yearGroup`, `eal`. */
  @property({ reflect: true }) dimension: ResultsDimension = 'sen';

  /** The yes/no indicator of the breakdown, change and comparison views. */
  @property() indicator = 'victimisation.frequent';

  @state() private openTables = new Set<string>();

  /** The width charts are drawn at, from the element's own width (40px steps). */
  @state() private chartWidth = 720;

  private resizeObserver: ResizeObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = Math.max(
        300,
        Math.min(720, Math.floor((entry?.contentRect.width ?? 720) / 40) * 40),
      );
      // Next frame, outside the observer's callback: a re-render that changes the page's size
      // (a scrollbar appearing) must not loop inside one ResizeObserver delivery.
      if (width !== this.chartWidth)
        requestAnimationFrame(() => {
          if (this.isConnected) this.chartWidth = width;
        });
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  private model: ViewModel | undefined;
  private invalid = false;
  /** The results as parsed where they entered (undefined when absent or invalid). */
  private parsed: PublishedResults | undefined;
  private resultsProblems: string[] = [];

  /** The UI string function, bound to this element's language. */
  private readonly term: Term = (key, params) => this.localize.term(key, params);

  private get role_(): ResultsRole {
    if (this.viewerRole && (RESULTS_ROLES as readonly string[]).includes(this.viewerRole))
      return this.viewerRole;
    return this.scope === 'la' ? 'la' : this.scope === 'trust' ? 'trust' : 'school';
  }

  /** The pool shown: the one named by `pool`, else the first. */
  private get shownPool(): PublishedPool | undefined {
    const pools = this.parsed?.pools ?? [];
    return pools.find((p) => p.comparableAs === this.pool) ?? pools[0];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('results')) this.parseResults();
    if ([...changed.keys()].some((k) => k !== 'openTables' && k !== 'chartWidth') || !this.model)
      this.model = this.build(this.localize.lang);
  }

  /** Parses `results` once, where it enters (style.md "Parse at the boundary, once"). */
  private parseResults(): void {
    this.parsed = undefined;
    this.resultsProblems = [];
    if (this.results === undefined || this.results === null) return;
    const result = PublishedResults.safeParse(this.results);
    if (result.success) this.parsed = result.data;
    else
      this.resultsProblems = fromZodError(result.error).map(
        (p) => `${p.path.length ? `results.${p.at}` : 'results'}: ${p.message}`,
      );
  }

  private build(lang: string): ViewModel | undefined {
    this.invalid = false;
    const problems = [...this.resultsProblems];
    if (this.cpd !== undefined && this.cpd !== null && !isCpdSummary(this.cpd))
      problems.push(
        'cpd: expected a CpdSummary from @all-together/scoring (kind "cpd-summary", format 1; summariseCpd)',
      );
    if (!(RESULTS_VIEWS as readonly string[]).includes(this.view))
      problems.push(
        `view: expected one of ${RESULTS_VIEWS.join(', ')}, got "${String(this.view)}"`,
      );
    if (!(RESULTS_SCOPES as readonly string[]).includes(this.scope))
      problems.push(
        `scope: expected one of ${RESULTS_SCOPES.join(', ')}, got "${String(this.scope)}"`,
      );
    const dimension = (RESULTS_DIMENSIONS as readonly string[]).includes(this.dimension)
      ? this.dimension
      : 'sen';
    if (problems.length === 0) {
      try {
        const pool = this.shownPool;
        return buildView({
          view: this.view,
          scope: this.scope,
          role: this.role_,
          dimension,
          indicator: this.indicator,
          ...(this.parsed ? { results: this.parsed } : {}),
          ...(pool ? { pool } : {}),
          ...(this.audit ? { audit: this.audit } : {}),
          ...(this.cpd ? { cpd: this.cpd } : {}),
          comparatorName: this.comparatorName || this.term('resultsComparatorDefault', {}),
          definitions: this.definitions ?? [],
          lang,
          t: this.term,
        });
      } catch (error) {
        problems.push(`${this.view}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.invalid = true;
    console.error(`<at-results> could not show its data:\n${problems.join('\n')}`);
    return undefined;
  }

  /** A pool's name in words: "Reception to Year 2", "Years 3 to 13", else its year groups. */
  private poolName(pool: PublishedPool): string {
    if (pool.comparableAs === 'pupil-ks1') return this.term('resultsPoolKs1', {});
    if (pool.comparableAs === 'pupil-ks2-secondary') return this.term('resultsPoolOlder', {});
    const years = wavesOf(pool).now?.binary.find((b) => b.dimension === 'yearGroup')?.groups ?? [];
    const shown = years.map((g) => g.key).filter((k) => k === 'R' || /^Y\d+$/.test(k));
    return shown.length > 1
      ? this.term('resultsPoolYears', {
          from: groupLabel(this.term, 'yearGroup', shown[0]!),
          to: groupLabel(this.term, 'yearGroup', shown.at(-1)!),
        })
      : pool.comparableAs;
  }

  /**
   * The figures of the current view as CSV (the tables as shown, then the notes): hidden figures as
   * their symbols, rounding as for `viewerRole`, every cell guarded against formula injection.
   */
  toCsv(): string {
    const model = this.model ?? this.build(this.localize.lang);
    if (!model) return '';
    const rows: string[][] = [[model.title]];
    const tables = [...model.tables, ...model.charts.map((c) => c.table)];
    for (const table of tables) {
      rows.push([], [table.caption], [...table.head]);
      for (const r of table.rows) rows.push([r.header, ...r.cells]);
    }
    if (model.empty) rows.push([], [model.empty]);
    if (model.focus.length) rows.push([], ...model.focus.map((f) => [f]));
    if (model.notes.length)
      rows.push([], [this.term('resultsNotesHeading', {})], ...model.notes.map((n) => [n]));
    return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  /** Downloads {@link AtResults.toCsv} as a file through a Blob URL. */
  downloadCsv(): void {
    const blob = new Blob([`\ufeff${this.toCsv()}`], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = this.term('resultsCsvFileName', { view: this.view });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private onDimension(event: Event): void {
    const value = (event.target as HTMLInputElement).value as ResultsDimension;
    if (value === this.dimension) return;
    this.dimension = value;
    this.emit(new AtBreakdownChangeEvent(value));
  }

  private onPool(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value === this.shownPool?.comparableAs) return;
    this.pool = value;
    this.emit(new AtPoolChangeEvent(value));
  }

  private toggleTable(id: string): void {
    const open = new Set(this.openTables);
    if (open.has(id)) open.delete(id);
    else open.add(id);
    this.openTables = open;
  }

  private renderTable(id: string, table: TableModel): TemplateResult {
    const open = this.openTables.has(id);
    const wrapId = `${id}-table`;
    return html`<button
        type="button"
        class="toggle"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${wrapId}
        @click=${() => this.toggleTable(id)}
      >
        ${this.term(open ? 'resultsHideTable' : 'resultsShowTable', { title: table.caption })}
      </button>
      <div
        class="table-wrap"
        id=${wrapId}
        ?hidden=${!open}
        role="group"
        aria-label=${table.caption}
        tabindex="0"
      >
        <table part="table">
          <caption>
            ${table.caption}
          </caption>
          <thead>
            <tr>
              ${table.head.map((h) => html`<th scope="col">${h}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${table.rows.map(
              (r) =>
                html`<tr>
                  <th scope="row">${r.header}</th>
                  ${r.cells.map((c) => html`<td>${c}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private renderChart(chart: ChartModel): TemplateResult {
    const summaryId = `${chart.id}-summary`;
    return html`<figure class="chart-block">
      <figcaption>
        <h3 class="chart-title">${chart.title}</h3>
        <p class="summary" id=${summaryId}>${chart.summary}</p>
      </figcaption>
      ${barChart({
        id: chart.id,
        series: chart.series,
        rows: chart.rows,
        axisTitle: chart.axisTitle,
        summaryId,
        rtl: this.matches(':dir(rtl)'),
        width: this.chartWidth,
      })}
      ${
        chart.lines.length
          ? html`<ul class="lines">
              ${chart.lines.map((l) => html`<li>${l}</li>`)}
            </ul>`
          : nothing
      }
      ${this.renderTable(chart.id, chart.table)}
    </figure>`;
  }

  private renderSwitch(dimensions: readonly ResultsDimension[]): TemplateResult {
    return html`<fieldset part="switch" class="switch">
      <legend>${this.term('resultsBreakdownLegend', {})}</legend>
      ${dimensions.map(
        (d) =>
          html`<label class="switch__option"
            ><input
              type="radio"
              name="dimension"
              value=${d}
              .checked=${this.dimension === d}
              @change=${this.onDimension}
            />${dimensionName(this.term, d)}</label
          >`,
      )}
    </fieldset>`;
  }

  /** The year-groups switch, when the results hold two pools (never added together). */
  private renderPools(): TemplateResult | typeof nothing {
    const pools = this.parsed?.pools ?? [];
    const shown = this.shownPool;
    if (
      !shown ||
      !['headline', 'breakdown', 'change', 'comparison', 'types', 'feelings'].includes(this.view)
    )
      return nothing;
    const line = html`<p class="pool-line">
      ${this.term('resultsPoolLine', { pool: this.poolName(shown) })}
    </p>`;
    if (pools.length < 2) return line;
    return html`<fieldset part="switch" class="switch switch--pools">
        <legend>${this.term('resultsPoolLegend', {})}</legend>
        ${pools.map(
          (p) =>
            html`<label class="switch__option"
              ><input
                type="radio"
                name="pool"
                value=${p.comparableAs}
                .checked=${p === shown}
                @change=${this.onPool}
              />${this.poolName(p)}</label
            >`,
        )}
      </fieldset>
      ${line}`;
  }

  protected override render() {
    const model = this.model;
    if (!model || this.invalid) {
      return html`<div part="base" class="base">
        <p class="invalid" role="alert">${this.term('resultsInvalid', {})}</p>
      </div>`;
    }
    const scope = this.term(
      this.scope === 'la'
        ? 'resultsScopeLa'
        : this.scope === 'trust'
          ? 'resultsScopeTrust'
          : 'resultsScopeSchool',
      {},
    );
    return html`<div part="base" class="base">
      <h2 part="title" id="view-title" class="title">${model.title}</h2>
      <p class="scope">${this.term('resultsScopeLine', { scope })}</p>
      ${this.renderPools()}
      ${model.dimensions.length > 1 ? this.renderSwitch(model.dimensions) : nothing}
      ${model.empty ? html`<p class="empty">${model.empty}</p>` : nothing}
      ${
        model.focus.length
          ? html`<div part="focus" class="focus">${model.focus.map((f) => html`<p>${f}</p>`)}</div>`
          : nothing
      }
      ${
        model.cards.length
          ? html`<ul class="cards">
              ${model.cards.map(
                (c) =>
                  html`<li part="card" class="card ${c.hidden ? 'card--hidden' : ''}">
                    <h3 class="card__title">${c.title}</h3>
                    <p class="card__value">${c.value}</p>
                    ${c.details.map((d) => html`<p class="card__detail">${d}</p>`)}
                    ${
                      c.change
                        ? html`<p class="card__change card__change--${c.change.direction}">
                            ${c.change.text}
                          </p>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        model.cards.length && model.lines.length
          ? html`<ul class="lines">
              ${model.lines.map((l) => html`<li>${l}</li>`)}
            </ul>`
          : nothing
      }
      ${model.tables.map((t, i) => this.renderTable(`table-${i}`, t))}
      ${model.charts.map((c) => this.renderChart(c))}
      ${
        model.notes.length
          ? html`<div part="notes" class="notes">
              <h3 id="notes-title">${this.term('resultsNotesHeading', {})}</h3>
              <ul>
                ${model.notes.map((n) => html`<li>${n}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${
        model.empty
          ? nothing
          : html`<button type="button" part="csv" class="csv" @click=${() => this.downloadCsv()}>
              ${this.term('resultsDownloadCsv', {})}
            </button>`
      }
    </div>`;
  }
}
