// Over the 400-line aim (style.md), left for the lead's change to published input (issue 16 keeps
// moving <at-results> to published figures out of this pass): the view models are in
// results.model.ts and the charts in results.chart.ts; what remains is the public API, the
// build cache across breakdowns and the table/chart markup.
// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DEFAULT_DISCLOSURE_CONTROL,
  type AuditDefinition,
  type DisclosureControl,
  type QuestionnaireDefinition,
} from '@all-together/model';
import {
  subtractSummary,
  type AuditComparison,
  type CpdSummary,
  type PupilSummary,
} from '@all-together/scoring';
import { AtElement } from '../shared/at-element.js';
import { AtEvent } from '../shared/events.js';
import { csvCell } from '../shared/csv.js';
import { barChart } from './results.chart.js';
import {
  RESULTS_DIMENSIONS,
  RESULTS_ROLES,
  RESULTS_SCOPES,
  RESULTS_VIEWS,
  buildView,
  dimensionName,
  type ChartModel,
  type ResultsDimension,
  type ResultsRole,
  type ResultsScope,
  type ResultsView,
  type TableModel,
  type Term,
  type ViewModel,
} from './results.model.js';
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

const isSummary = (v: unknown): v is PupilSummary =>
  typeof v === 'object' &&
  v !== null &&
  (v as { kind?: unknown }).kind === 'pupil-summary' &&
  (v as { format?: unknown }).format === 1;

const isCpdSummary = (v: unknown): v is CpdSummary =>
  typeof v === 'object' &&
  v !== null &&
  (v as { kind?: unknown }).kind === 'cpd-summary' &&
  (v as { format?: unknown }).format === 1 &&
  Array.isArray((v as { administrations?: unknown }).administrations);

/**
 * Pupil results for a school, a trust or a local authority, from the scoring package's
 * **summaries** (never pupil rows): headline cards, breakdowns by gender, SEND, free school meals
 * and year group, start against end with intervals, comparison with the rest of the LA or MAT,
 * types of bullying, feelings about school, the audit before and after, and staff training
 * confidence.
 *
 * Every figure, hidden-figure symbol and significance judgement comes from scoring's publish
 * functions (`publishBreakdown`, `publishScore`, `publishChange`, `publishComparison`,
 * `publishProportion`) under `disclosure`; the element never computes a percentage itself. Hidden
 * figures show as GSS symbols (`[c]`, `[low]`, `[x]`, `[z]`) with a plain note, never as 0 or an
 * empty bar. Charts are SVG whose accessible name is the one-sentence summary shown above them;
 * each has a data table on demand and the CSV export holds exactly what the tables show.
 *
 * @summary Results charts and tables for schools, trusts and LAs, with disclosure control.
 * @tagname at-results
 *
 * @event {CustomEvent<{ dimension: ResultsDimension }>} at-breakdown-change - The user picked another breakdown; `detail.dimension` says which.
 *
 * @csspart base - The wrapper of the whole view.
 * @csspart title - The view's heading.
 * @csspart switch - The breakdown switch (a radio group).
 * @csspart card - A headline card.
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

  /** The pupil summary to show (`summarise` / `mergeSummaries` output). Time 2 when `baseline` is set. */
  @property({ attribute: false }) summary: PupilSummary | undefined;

  /** The Time 1 (start) summary of the same scope, for the change view and the cards' "at the start". */
  @property({ attribute: false }) baseline: PupilSummary | undefined;

  /** The LA or MAT summary **including** this school or trust, same wave: compared as the rest of the area. */
  @property({ attribute: false }) comparator: PupilSummary | undefined;

  /** Audit before and after: the result of scoring's `compareAudits(definition, baseline, end)`. */
  @property({ attribute: false }) audit: AuditComparison | undefined;

  /**
   * Training confidence: scoring's `summariseCpd(definition, responses)` (or `mergeCpdSummaries`),
   * "quite or very confident" per statement at each administration (before, straight after, months
   * later). Published with `publishCpd`; labels come from the CPD definition in `definitions`.
   */
  @property({ attribute: false }) cpd: CpdSummary | undefined;

  /** Definitions used for labels (option labels, item text, audit area titles), in the element's language. */
  @property({ attribute: false }) definitions: (QuestionnaireDefinition | AuditDefinition)[] = [];

  /** Disclosure control thresholds; default the model's `DEFAULT_DISCLOSURE_CONTROL` (k = 10). */
  @property({ attribute: false }) disclosure: DisclosureControl = DEFAULT_DISCLOSURE_CONTROL;

  /** What the summary covers: `school`, `trust` or `la`. */
  @property({ reflect: true }) scope: ResultsScope = 'school';

  /** Which view to show: `headline`, `breakdown`, `change`, `comparison`, `types`, `feelings`, `audit`, `cpd`. */
  @property({ reflect: true }) view: ResultsView = 'headline';

  /**
   * Who is looking: `school`, `trust`, `la` or `analyst` (default: from `scope`). Sets scoring's
   * viewer level (`school` sees its own exact counts; others see counts rounded to 5) and, for `la`
   * and `analyst`, adds the numbers of pupils and "preferred not to say" to tables and CSV.
   * Named `viewerRole` because `role` is the element's ARIA role.
   */
  @property({ attribute: 'viewer-role' }) viewerRole: ResultsRole | undefined;

  /** The breakdown shown by the breakdown, change and comparison views: `all`, `sex`, `sen`, `fsm`, `yearGroup`. */
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
  private builtFor = '';
  /** Built views by breakdown, for the current inputs; cleared whenever any other input changes. */
  private readonly cache = new Map<string, ViewModel>();
  private generation = 0;
  /**
   * The comparator without this school or trust, computed once per pair of summaries (by identity)
   * for every breakdown and indicator of the comparison view.
   */
  private rest: { for: [PupilSummary, PupilSummary]; value: PupilSummary } | undefined;

  /** `subtractSummary(comparator, summary)` for the comparison view, once per pair of inputs. */
  private restOfArea(): PupilSummary | undefined {
    const { summary, comparator } = this;
    if (this.view !== 'comparison' || !isSummary(summary) || !isSummary(comparator))
      return undefined;
    if (this.rest?.for[0] === comparator && this.rest.for[1] === summary) return this.rest.value;
    // Scoring refuses mismatched inputs with a clear message; let publishComparison say it.
    if (
      summary.wave !== comparator.wave ||
      summary.schools.some((u) => !comparator.schools.includes(u))
    )
      return undefined;
    this.rest = { for: [comparator, summary], value: subtractSummary(comparator, summary) };
    return this.rest.value;
  }

  /** The UI string function, bound to this element's language. */
  private readonly term: Term = (key, params) => this.localize.term(key, params);

  private get role_(): ResultsRole {
    if (this.viewerRole && (RESULTS_ROLES as readonly string[]).includes(this.viewerRole))
      return this.viewerRole;
    return this.scope === 'la' ? 'la' : this.scope === 'trust' ? 'trust' : 'school';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const lang = this.localize.lang;
    const keys = [...changed.keys()].map(String);
    const inputsChanged =
      keys.some((k) => k !== 'openTables' && k !== 'dimension' && k !== 'chartWidth') ||
      this.builtFor !== lang;
    if (inputsChanged) {
      this.cache.clear();
      this.generation++;
      this.builtFor = lang;
    } else if (!keys.includes('dimension') && this.model) return;
    const cached = this.cache.get(this.dimension);
    if (cached) {
      this.model = cached;
      this.invalid = false;
      return;
    }
    this.model = this.build(lang, this.dimension, true);
    if (this.model) this.cache.set(this.dimension, this.model);
  }

  protected override updated(): void {
    // Prepare the other breakdowns while the browser is idle, so a switch is one render.
    if (!this.model?.dimensionSwitch || this.cache.size >= RESULTS_DIMENSIONS.length) return;
    const generation = this.generation;
    const lang = this.builtFor;
    const idle = (fn: () => void) =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(fn, { timeout: 500 })
        : setTimeout(fn, 50);
    const next = () => {
      if (generation !== this.generation) return;
      const d = RESULTS_DIMENSIONS.find((x) => !this.cache.has(x));
      if (!d) return;
      const model = this.build(lang, d, false);
      if (!model) return;
      this.cache.set(d, model);
      idle(next);
    };
    idle(next);
  }

  private build(
    lang: string,
    wanted: ResultsDimension = this.dimension,
    report = true,
  ): ViewModel | undefined {
    if (report) this.invalid = false;
    const problems: string[] = [];
    if (this.cpd !== undefined && this.cpd !== null && !isCpdSummary(this.cpd))
      problems.push(
        'cpd: expected a CpdSummary from @all-together/scoring (kind "cpd-summary", format 1; summariseCpd)',
      );
    for (const name of ['summary', 'baseline', 'comparator'] as const) {
      const v = this[name];
      if (v !== undefined && v !== null && !isSummary(v))
        problems.push(
          `${name}: expected a PupilSummary from @all-together/scoring (kind "pupil-summary", format 1)`,
        );
    }
    if (!(RESULTS_VIEWS as readonly string[]).includes(this.view))
      problems.push(
        `view: expected one of ${RESULTS_VIEWS.join(', ')}, got "${String(this.view)}"`,
      );
    if (!(RESULTS_SCOPES as readonly string[]).includes(this.scope))
      problems.push(
        `scope: expected one of ${RESULTS_SCOPES.join(', ')}, got "${String(this.scope)}"`,
      );
    const dimension = (RESULTS_DIMENSIONS as readonly string[]).includes(wanted) ? wanted : 'sen';
    if (problems.length === 0) {
      try {
        return buildView({
          view: this.view,
          scope: this.scope,
          role: this.role_,
          dimension,
          indicator: this.indicator,
          summary: this.summary ?? undefined,
          baseline: this.baseline ?? undefined,
          comparator: this.comparator ?? undefined,
          audit: this.audit ?? undefined,
          cpd: this.cpd ?? undefined,
          rest: this.restOfArea(),
          control: this.disclosure ?? DEFAULT_DISCLOSURE_CONTROL,
          definitions: this.definitions ?? [],
          lang,
          t: this.term,
        });
      } catch (error) {
        problems.push(`${this.view}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!report) return undefined;
    this.invalid = true;
    console.error(`<at-results> could not show its data:\n${problems.join('\n')}`);
    return undefined;
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

  private renderSwitch(): TemplateResult {
    return html`<fieldset part="switch" class="switch">
      <legend>${this.term('resultsBreakdownLegend', {})}</legend>
      ${RESULTS_DIMENSIONS.map(
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
      ${model.dimensionSwitch ? this.renderSwitch() : nothing}
      ${model.empty ? html`<p class="empty">${model.empty}</p>` : nothing}
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
