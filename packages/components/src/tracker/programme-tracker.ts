// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ProgrammeTracker,
  fromZodError,
  type Problem,
  type ProgrammeTrackerInput,
} from '@all-together/model';
import { AtElement } from '../shared/at-element.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/form-kit.js';
import {
  defineDefaultStrings,
  type TranslationKey,
  type TranslationParams,
} from '../shared/i18n.js';
import {
  AtSchoolSelectEvent,
  AtTrackerDownloadEvent,
  type AtSchoolSelectDetail,
} from './programme-tracker.events.js';
import {
  NO_FILTERS,
  filterRows,
  sortRows,
  trackerRows,
  type SortDirection,
  type SortKey,
  type TrackerFilters,
  type TrackerRow,
} from './programme-tracker.rows.js';
import { trackerStrings } from './programme-tracker.strings.js';
import { styles } from './programme-tracker.styles.js';
import { renderFilters, renderTable, type TrackerView } from './programme-tracker.view.js';
import { TrackerWords } from './programme-tracker.words.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...trackerStrings });

/** The most problems listed when the data is invalid; the rest are counted. */
const MAX_PROBLEMS = 20;

/**
 * The programme tracker: one row per school of a local authority's or trust's programme year, with
 * its stage ("3 of 8"), key dates, pupils' responses and response rate at Time 1 and Time 2 (as
 * precise as the counts given, never more), last activity, Overdue and Stalled flags (as words)
 * and award. Above the table: a summary, filters (stage, flag, local authority or trust, a name or
 * URN search), a live count of the schools shown, and Download CSV (the schools shown, in the
 * order shown). Column headers sort. The flags come from the model's `trackerFlags`; the element
 * computes no programme rule of its own.
 *
 * @summary A programme year's schools: stage, dates, responses, stalled and overdue flags, filters, sort and CSV.
 * @tagname at-programme-tracker
 *
 * @event {CustomEvent<{ urn: string; href: string | null }>} at-school-select - A school's name was activated; `detail.urn`, `detail.href` (null when names are buttons). Cancelable: `preventDefault()` stops the link.
 * @event {CustomEvent<{ filename: string; csv: string; rows: number }>} at-tracker-download - Download CSV was pressed; `detail.csv` holds the rows shown. Cancelable: `preventDefault()` to save the file yourself.
 *
 * @csspart base - The wrapper.
 * @csspart filters - The filters.
 * @csspart table - The schools table.
 * @csspart row - One school's row.
 * @csspart tag - An Overdue or Stalled tag.
 *
 * @cssproperty --at-programme-tracker-max-width - The widest the element grows. Default: none.
 */
export class AtProgrammeTracker extends AtElement {
  static override styles = styles;

  /**
   * The programme year to show (`ProgrammeTracker` from `@all-together/model`), checked with that
   * schema where it enters; invalid data shows every problem with its path, and is logged.
   */
  @property({ attribute: false }) data: ProgrammeTrackerInput | undefined;

  /**
   * Makes each school's name a link: `{urn}` is replaced by the school's URN, for example
   * `/schools/{urn}`. Relative, `http:` or `https:` only. Without it the name is a button and the
   * host listens for `at-school-select`.
   */
  @property({ attribute: 'href-template' }) hrefTemplate = '';

  /** The level of the element's heading, 1 to 6 (default 2). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 2;

  @state() private filters: TrackerFilters = NO_FILTERS;
  @state() private sortKey: SortKey = 'name';
  @state() private sortDirection: SortDirection = 'ascending';

  private tracker: ProgrammeTracker | undefined;
  private rows: TrackerRow[] = [];
  private problems: Problem[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hrefTemplate') && this.hrefTemplate && this.href('100000') === null)
      console.error(
        `<at-programme-tracker>: href-template "${this.hrefTemplate}" is not used: it needs {urn} ` +
          'and must make a relative, http: or https: address. School names are buttons instead.',
      );
    if (!changed.has('data')) return;
    this.tracker = undefined;
    this.rows = [];
    this.problems = [];
    if (this.data === undefined || this.data === null) return;
    const result = ProgrammeTracker.safeParse(this.data);
    if (result.success) {
      this.tracker = result.data;
      this.rows = trackerRows(result.data);
    } else {
      this.problems = fromZodError(result.error);
      const lines = this.problems.map((p) => `  ${p.at}: ${p.message}`);
      console.error(`<at-programme-tracker>: data is not valid:\n${lines.join('\n')}`);
    }
  }

  private t<K extends TranslationKey>(key: K, params: TranslationParams[K]): string {
    return this.localize.term(key, params);
  }

  /** The tracker's words in the element's current language. */
  private get words(): TrackerWords {
    return new TrackerWords((key, params) => this.t(key, params), this.localize.lang, this.tracker);
  }

  /** What the filters and the table draw from, and call back. */
  private get view(): TrackerView {
    return {
      t: (key, params) => this.t(key, params),
      words: this.words,
      rows: this.rows,
      filters: this.filters,
      sortKey: this.sortKey,
      sortDirection: this.sortDirection,
      setFilter: (patch) => this.setFilter(patch),
      sortBy: (key) => this.sortBy(key),
      download: () => this.download(),
      href: (urn) => this.href(urn),
      select: (e, detail) => this.select(e, detail),
    };
  }

  private areaText = (row: TrackerRow): string =>
    `${this.words.laName(row.school.localAuthority)} ${row.school.trust ?? ''}`;

  /** A school's link, or null when there is no usable template. */
  private href(urn: string): string | null {
    if (!this.hrefTemplate || !this.hrefTemplate.includes('{urn}')) return null;
    const href = this.hrefTemplate.replaceAll('{urn}', encodeURIComponent(urn));
    try {
      const url = new URL(href, document.baseURI);
      if (url.protocol === 'http:' || url.protocol === 'https:') return href;
    } catch {
      // falls through to the refusal below
    }
    return null;
  }

  private shownRows(): TrackerRow[] {
    return sortRows(
      filterRows(this.rows, this.filters),
      this.sortKey,
      this.sortDirection,
      this.areaText,
    );
  }

  private setFilter(patch: Partial<TrackerFilters>): void {
    this.filters = { ...this.filters, ...patch };
  }

  private sortBy(key: SortKey): void {
    if (this.sortKey === key)
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      this.sortDirection = 'ascending';
    }
  }

  private async clearFilters(): Promise<void> {
    this.filters = NO_FILTERS;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#tracker-search')?.focus();
  }

  private select(e: Event, detail: AtSchoolSelectDetail): void {
    const event = this.emit(new AtSchoolSelectEvent(detail));
    if (event.defaultPrevented) e.preventDefault();
  }

  // ---- words for counts and rates -------------------------------------------------------------

  private download(): void {
    if (!this.tracker) return;
    const rows = this.shownRows();
    const detail = {
      filename: `programme-tracker-${this.tracker.programmeYear}.csv`,
      csv: this.words.csvOf(rows),
      rows: rows.length,
    };
    if (this.emit(new AtTrackerDownloadEvent(detail)).defaultPrevented) return;
    // A byte-order mark, so spreadsheet programs read the names' accents as UTF-8.
    const url = URL.createObjectURL(
      new Blob(['\uFEFF', detail.csv], { type: 'text/csv;charset=utf-8' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = detail.filename;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  // ---- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const level = headingLevel(this.headingLevel, 2);
    const year = this.tracker?.programmeYear ?? '';
    return html`<section part="base" class="base" aria-labelledby="tracker-heading">
      ${heading(
        { level, className: 'heading-m', id: 'tracker-heading' },
        this.t('trackerHeading', {}),
      )}
      ${year ? html`<p class="caption" id="tracker-year">${this.t('trackerYear', { year })}</p>` : nothing}
      ${
        this.problems.length > 0
          ? this.renderProblems()
          : this.tracker === undefined
            ? html`<p class="hint" role="status">${this.t('trackerWaiting', {})}</p>`
            : this.renderTracker(this.tracker)
      }
    </section>`;
  }

  private renderProblems(): TemplateResult {
    const shown = this.problems.slice(0, MAX_PROBLEMS);
    const more = this.problems.length - shown.length;
    return html`<div class="error-summary" role="alert" id="tracker-problems">
      <p class="heading-s">${this.t('trackerInvalidTitle', {})}</p>
      <p class="hint">${this.t('trackerInvalidHint', {})}</p>
      <ul class="error-summary__list">
        ${shown.map((p) => html`<li><code>${p.at}</code>: ${p.message}</li>`)}
        ${more > 0 ? html`<li>${this.t('trackerInvalidMore', { count: more })}</li>` : nothing}
      </ul>
    </div>`;
  }

  private renderTracker(tracker: ProgrammeTracker): TemplateResult {
    const all = this.rows;
    const rows = this.shownRows();
    const stalled = all.filter((r) => r.flags.stalled).length;
    const overdue = all.filter((r) => r.flags.overdue).length;
    return html`<p class="summary" id="tracker-summary">
        ${this.t('trackerSummary', { count: all.length, stalled, overdue })}
      </p>
      ${
        all.length === 0
          ? html`<p class="inset" id="tracker-empty">${this.t('trackerEmpty', {})}</p>`
          : html`${renderFilters(this.view)}
              <p class="status" role="status" id="tracker-showing">
                ${this.t('trackerShowing', { shown: rows.length, count: all.length })}
              </p>
              ${
                rows.length === 0
                  ? html`<div class="inset" id="tracker-no-match">
                      <p>${this.t('trackerNoMatch', {})}</p>
                      <button
                        type="button"
                        class="button button--secondary"
                        @click=${() => void this.clearFilters()}
                      >
                        ${this.t('trackerClearFilters', {})}
                      </button>
                    </div>`
                  : renderTable(this.view, tracker, rows)
              }`
      }`;
  }
}
