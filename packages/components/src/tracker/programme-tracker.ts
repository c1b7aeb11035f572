// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  PROGRAMME_STAGES,
  ProgrammeStage,
  ProgrammeTracker,
  fromZodError,
  stageNumber,
  type AwardLevel,
  type Problem,
  type ProgrammeTrackerInput,
  type ResponseRate,
  type SchoolPhase,
  type TrackerResponses,
} from '@all-together/model';
import { AtElement } from '../shared/at-element.js';
import { csvCell } from '../shared/csv.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/form-kit.js';
import {
  defineDefaultStrings,
  matchLang,
  type TranslationKey,
  type TranslationParams,
} from '../shared/i18n.js';
import {
  AtSchoolSelectEvent,
  AtTrackerDownloadEvent,
  type AtSchoolSelectDetail,
} from './programme-tracker.events.js';
import {
  FLAG_FILTERS,
  NO_FILTERS,
  filterRows,
  sortRows,
  trackerRows,
  type FlagFilter,
  type SortDirection,
  type SortKey,
  type TrackerFilters,
  type TrackerRow,
} from './programme-tracker.rows.js';
import { trackerStrings } from './programme-tracker.strings.js';
import { styles } from './programme-tracker.styles.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...trackerStrings });

const STAGE_KEYS: { readonly [K in ProgrammeStage]: TranslationKey } = {
  enrolled: 'trackerStageEnrolled',
  'baseline-audit': 'trackerStageBaselineAudit',
  'time-1-survey': 'trackerStageTime1Survey',
  'action-plan': 'trackerStageActionPlan',
  'termly-reviews': 'trackerStageTermlyReviews',
  'time-2-survey': 'trackerStageTime2Survey',
  'end-audit': 'trackerStageEndAudit',
  award: 'trackerStageAward',
};
const PHASE_KEYS: { readonly [K in SchoolPhase]: TranslationKey } = {
  primary: 'trackerPhasePrimary',
  secondary: 'trackerPhaseSecondary',
  special: 'trackerPhaseSpecial',
  'alternative-provision': 'trackerPhaseAlternativeProvision',
  'all-through': 'trackerPhaseAllThrough',
};
const AWARD_KEYS: { readonly [K in AwardLevel]: TranslationKey } = {
  participation: 'trackerAwardParticipation',
  bronze: 'trackerAwardBronze',
  silver: 'trackerAwardSilver',
  gold: 'trackerAwardGold',
};
const FLAG_KEYS: { readonly [K in FlagFilter]: TranslationKey } = {
  all: 'trackerFlagAll',
  stalled: 'trackerFlagStalled',
  overdue: 'trackerFlagOverdue',
  either: 'trackerFlagEither',
};
const COLUMNS: readonly { key: TranslationKey; sort?: SortKey }[] = [
  { key: 'trackerColSchool', sort: 'name' },
  { key: 'trackerColArea', sort: 'area' },
  { key: 'trackerColStage', sort: 'stage' },
  { key: 'trackerColDates' },
  { key: 'trackerColBaseline', sort: 'baseline' },
  { key: 'trackerColEnd', sort: 'end' },
  { key: 'trackerColActivity', sort: 'activity' },
  { key: 'trackerColFlags' },
  { key: 'trackerColAward' },
];
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

  private date(iso: string): string {
    // The strings' language, not the raw `lang`: a page in `en` reads en-GB words and dates.
    return new Intl.DateTimeFormat(matchLang(this.localize.lang), {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  }

  private laName(code: string): string {
    const found = this.tracker?.localAuthorities.find((la) => la.code === code);
    return found ? found.name : this.t('trackerLaCode', { code });
  }

  private areaText = (row: TrackerRow): string =>
    `${this.laName(row.school.localAuthority)} ${row.school.trust ?? ''}`;

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

  private countText(r: TrackerResponses | null): string {
    if (r === null) return this.t('trackerNoSurvey', {});
    switch (r.kind) {
      case 'exact':
        return this.t('trackerCountExact', { count: r.value });
      case 'rounded':
        return this.t('trackerCountRounded', { count: r.value });
      case 'at-least':
        return this.t('trackerCountAtLeast', { count: r.value });
      case 'fewer-than':
        return this.t('trackerCountFewer', { count: r.value });
    }
  }

  private rateText(r: ResponseRate): string {
    if (r.percent === null)
      return r.reason === 'fewer-than'
        ? this.t('trackerRateFewer', {})
        : r.reason === 'no-roll'
          ? this.t('trackerRateNoRoll', {})
          : '';
    if (r.kind === 'at-least') return this.t('trackerRateAtLeast', { percent: r.percent });
    if (r.kind === 'about') return this.t('trackerRateAbout', { percent: r.percent });
    return this.t('trackerRateExact', { percent: r.percent });
  }

  private activityText(row: TrackerRow): string {
    const { lastActivityOn, stages } = row.school;
    const days = row.flags.daysSinceActivity;
    if (lastActivityOn !== null) {
      const date = this.date(lastActivityOn);
      const count = days ?? 0;
      if (count === 0) return this.t('trackerActivityToday', { date });
      return count < 7
        ? this.t('trackerActivityDaysAgo', { date, count })
        : this.t('trackerActivityAgo', { date, count: Math.floor(count / 7) });
    }
    const enrolled = stages.enrolled?.completedOn ?? null;
    return enrolled
      ? this.t('trackerNoActivity', { date: this.date(enrolled) })
      : this.t('trackerNoActivityDate', {});
  }

  // ---- CSV ----------------------------------------------------------------------------------

  /** The CSV of the given rows: the header row, then one line per row (CRLF, RFC 4180). */
  private csvOf(rows: readonly TrackerRow[]): string {
    const yesNo = (b: boolean) => this.t(b ? 'trackerYes' : 'trackerNo', {});
    const header: TranslationKey[] = [
      'trackerCsvUrn',
      'trackerCsvSchool',
      'trackerCsvPhase',
      'trackerCsvLa',
      'trackerCsvTrust',
      'trackerCsvRoll',
      'trackerCsvStage',
      'trackerCsvStageNumber',
      'trackerCsvDue',
      'trackerCsvActivity',
      'trackerCsvBaseline',
      'trackerCsvBaselineRate',
      'trackerCsvEnd',
      'trackerCsvEndRate',
      'trackerCsvOverdue',
      'trackerCsvStalled',
      'trackerCsvAward',
    ];
    const lines = [header.map((k) => this.t(k, {}))];
    for (const { school: s, flags } of rows) {
      lines.push([
        s.urn,
        s.name,
        this.t(PHASE_KEYS[s.phase], {}),
        this.laName(s.localAuthority),
        s.trust ?? '',
        s.numberOnRoll === null ? '' : String(s.numberOnRoll),
        this.t(STAGE_KEYS[s.stage], {}),
        String(stageNumber(s.stage)),
        s.stages[s.stage]?.dueOn ?? '',
        s.lastActivityOn ?? '',
        this.countText(s.responses.baseline),
        this.rateText(flags.responseRate.baseline),
        this.countText(s.responses.end),
        this.rateText(flags.responseRate.end),
        yesNo(flags.overdue),
        yesNo(flags.stalled),
        s.award === null ? '' : this.t(AWARD_KEYS[s.award], {}),
      ]);
    }
    return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  private download(): void {
    if (!this.tracker) return;
    const rows = this.shownRows();
    const detail = {
      filename: `programme-tracker-${this.tracker.programmeYear}.csv`,
      csv: this.csvOf(rows),
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
          : html`${this.renderFilters()}
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
                  : this.renderTable(tracker, rows)
              }`
      }`;
  }

  private renderFilters(): TemplateResult {
    const f = this.filters;
    const las = [...new Set(this.rows.map((r) => r.school.localAuthority))]
      .map((code) => [code, this.laName(code)] as const)
      .sort((a, b) => a[1].localeCompare(b[1]));
    const trusts = [
      ...new Set(this.rows.flatMap((r) => (r.school.trust === null ? [] : [r.school.trust]))),
    ].sort((a, b) => a.localeCompare(b));
    const anyWithoutTrust = this.rows.some((r) => r.school.trust === null);
    const onSelect = (apply: (v: string) => void) => (e: Event) =>
      apply((e.target as HTMLSelectElement).value);
    return html`<fieldset class="filters" part="filters">
      <legend class="legend heading-s">${this.t('trackerFilters', {})}</legend>
      <div class="filters__row">
        <div class="field">
          <label class="label" for="tracker-stage">${this.t('trackerFilterStage', {})}</label>
          <select
            id="tracker-stage"
            class="select"
            @change=${onSelect((v) => {
              const parsed = ProgrammeStage.safeParse(v);
              this.setFilter({ stage: parsed.success ? parsed.data : '' });
            })}
          >
            <option value="" ?selected=${f.stage === ''}>
              ${this.t('trackerFilterStageAll', {})}
            </option>
            ${PROGRAMME_STAGES.map(
              (s) =>
                html`<option value=${s} ?selected=${f.stage === s}>
                  ${stageNumber(s)}. ${this.t(STAGE_KEYS[s], {})}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label class="label" for="tracker-flag">${this.t('trackerFilterFlag', {})}</label>
          <select
            id="tracker-flag"
            class="select"
            @change=${onSelect((v) =>
              this.setFilter({
                flag: (FLAG_FILTERS as readonly string[]).includes(v) ? (v as FlagFilter) : 'all',
              }),
            )}
          >
            ${FLAG_FILTERS.map(
              (k) =>
                html`<option value=${k} ?selected=${f.flag === k}>
                  ${this.t(FLAG_KEYS[k], {})}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label class="label" for="tracker-group">${this.t('trackerFilterGroup', {})}</label>
          <select
            id="tracker-group"
            class="select"
            @change=${onSelect((v) => this.setFilter({ group: v }))}
          >
            <option value="" ?selected=${f.group === ''}>${this.t('trackerGroupAll', {})}</option>
            <optgroup label=${this.t('trackerGroupLas', {})}>
              ${las.map(
                ([code, name]) =>
                  html`<option value="la:${code}" ?selected=${f.group === `la:${code}`}>
                    ${name}
                  </option>`,
              )}
            </optgroup>
            ${
              trusts.length > 0
                ? html`<optgroup label=${this.t('trackerGroupTrusts', {})}>
                    ${trusts.map(
                      (name) =>
                        html`<option value="trust:${name}" ?selected=${f.group === `trust:${name}`}>
                          ${name}
                        </option>`,
                    )}
                    ${
                      anyWithoutTrust
                        ? html`<option value="trust:" ?selected=${f.group === 'trust:'}>
                            ${this.t('trackerGroupNoTrust', {})}
                          </option>`
                        : nothing
                    }
                  </optgroup>`
                : nothing
            }
          </select>
        </div>
        <div class="field field--search">
          <label class="label" for="tracker-search">${this.t('trackerSearch', {})}</label>
          <div class="hint" id="tracker-search-hint">${this.t('trackerSearchHint', {})}</div>
          <input
            id="tracker-search"
            class="input"
            type="search"
            autocomplete="off"
            aria-describedby="tracker-search-hint"
            .value=${f.search}
            @input=${(e: Event) => this.setFilter({ search: (e.target as HTMLInputElement).value })}
          />
        </div>
      </div>
      <div class="actions">
        <button
          type="button"
          class="button button--secondary"
          id="tracker-download"
          aria-describedby="tracker-download-hint"
          @click=${() => this.download()}
        >
          ${this.t('trackerDownload', {})}
        </button>
        <span class="hint" id="tracker-download-hint">${this.t('trackerDownloadHint', {})}</span>
      </div>
    </fieldset>`;
  }

  private renderTable(tracker: ProgrammeTracker, rows: readonly TrackerRow[]): TemplateResult {
    return html`<div class="scroll" role="region" aria-labelledby="tracker-caption" tabindex="0">
      <table class="table" part="table">
        <caption class="visually-hidden" id="tracker-caption">
          ${this.t('trackerCaption', { year: tracker.programmeYear })}
        </caption>
        <thead>
          <tr>
            ${COLUMNS.map((c) => this.renderHeader(c.key, c.sort))}
          </tr>
        </thead>
        <tbody>
          ${rows.map((row) => this.renderRow(row))}
        </tbody>
      </table>
    </div>`;
  }

  private renderHeader(key: TranslationKey, sort: SortKey | undefined): TemplateResult {
    const label = this.t(key, {});
    if (!sort) return html`<th scope="col">${label}</th>`;
    const sorted = this.sortKey === sort ? this.sortDirection : undefined;
    return html`<th scope="col" aria-sort=${sorted ?? nothing}>
      <button type="button" class="sort" data-sort=${sort} @click=${() => this.sortBy(sort)}>
        ${label}<span class="sort__icon" aria-hidden="true"
          >${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '⇅'}</span
        >
      </button>
    </th>`;
  }

  private renderRow(row: TrackerRow): TemplateResult {
    const { school: s, flags } = row;
    const href = this.href(s.urn);
    const name = href
      ? html`<a
          class="link-text school"
          href=${href}
          @click=${(e: Event) => this.select(e, { urn: s.urn, href })}
          >${s.name}</a
        >`
      : html`<button
          type="button"
          class="link school"
          @click=${(e: Event) => this.select(e, { urn: s.urn, href: null })}
        >
          ${s.name}
        </button>`;
    const current = s.stages[s.stage];
    const enrolled = s.stages.enrolled?.completedOn ?? null;
    const dates = [
      current?.completedOn
        ? this.t('trackerStageDone', { date: this.date(current.completedOn) })
        : current?.dueOn
          ? this.t('trackerDue', { date: this.date(current.dueOn) })
          : null,
      enrolled ? this.t('trackerEnrolledOn', { date: this.date(enrolled) }) : null,
    ].filter((d): d is string => d !== null);
    const responses = (r: TrackerResponses | null, rate: ResponseRate) => {
      const rateText = this.rateText(rate);
      return html`<span class="count">${this.countText(r)}</span>
        ${rateText ? html`<span class="rate">${rateText}</span>` : nothing}`;
    };
    return html`<tr part="row" data-urn=${s.urn}>
      <th scope="row">
        ${name}
        <span class="hint">${this.t('trackerUrn', { urn: s.urn })}</span>
      </th>
      <td>
        ${this.laName(s.localAuthority)}
        <span class="hint">${s.trust ?? this.t('trackerNoTrust', {})}</span>
      </td>
      <td data-stage=${s.stage}>
        ${this.t(STAGE_KEYS[s.stage], {})}
        <span class="hint"
          >${this.t('trackerStageOf', {
            number: stageNumber(s.stage),
            total: PROGRAMME_STAGES.length,
          })}</span
        >
      </td>
      <td>
        ${
          dates.length === 0
            ? this.t('trackerNoDates', {})
            : dates.map((d) => html`<span class="line">${d}</span> `)
        }
      </td>
      <td data-wave="baseline">${responses(s.responses.baseline, flags.responseRate.baseline)}</td>
      <td data-wave="end">${responses(s.responses.end, flags.responseRate.end)}</td>
      <td>${this.activityText(row)}</td>
      <td class="flags">
        ${
          flags.overdue
            ? html`<strong part="tag" class="tag tag--overdue"
                >${this.t('trackerTagOverdue', {})}</strong
              >`
            : nothing
        }
        ${
          flags.stalled
            ? html`<strong part="tag" class="tag tag--stalled"
                >${this.t('trackerTagStalled', {})}</strong
              >`
            : nothing
        }
        ${!flags.overdue && !flags.stalled ? this.t('trackerNoFlags', {}) : nothing}
      </td>
      <td>
        ${s.award === null ? this.t('trackerAwardNone', {}) : this.t(AWARD_KEYS[s.award], {})}
      </td>
    </tr>`;
  }
}
