/**
 * The tracker's filters and table, as functions of what the element holds (`TrackerView`): the
 * element keeps the state and the events, these only draw.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  PROGRAMME_STAGES,
  ProgrammeStage,
  stageNumber,
  type ProgrammeTracker,
  type ResponseRate,
  type TrackerResponses,
} from '@all-together/model';
import type { TranslationKey } from '../shared/i18n.js';
import type { AtSchoolSelectDetail } from './programme-tracker.events.js';
import {
  FLAG_FILTERS,
  type FlagFilter,
  type SortDirection,
  type SortKey,
  type TrackerFilters,
  type TrackerRow,
} from './programme-tracker.rows.js';
import {
  AWARD_KEYS,
  FLAG_KEYS,
  STAGE_KEYS,
  type Translate,
  type TrackerWords,
} from './programme-tracker.words.js';

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
/** What the filters and the table draw from, and what they call back. */
export interface TrackerView {
  t: Translate;
  words: TrackerWords;
  rows: readonly TrackerRow[];
  filters: TrackerFilters;
  sortKey: SortKey;
  sortDirection: SortDirection;
  setFilter(patch: Partial<TrackerFilters>): void;
  sortBy(key: SortKey): void;
  download(): void;
  /** A school's link, or null when names are buttons. */
  href(urn: string): string | null;
  select(e: Event, detail: AtSchoolSelectDetail): void;
}

export function renderFilters(v: TrackerView): TemplateResult {
  const { t, words } = v;
  const f = v.filters;
  const las = [...new Set(v.rows.map((r) => r.school.localAuthority))]
    .map((code) => [code, words.laName(code)] as const)
    .sort((a, b) => a[1].localeCompare(b[1]));
  const trusts = [
    ...new Set(v.rows.flatMap((r) => (r.school.trust === null ? [] : [r.school.trust]))),
  ].sort((a, b) => a.localeCompare(b));
  const anyWithoutTrust = v.rows.some((r) => r.school.trust === null);
  const onSelect = (apply: (value: string) => void) => (e: Event) =>
    apply((e.target as HTMLSelectElement).value);
  return html`<fieldset class="filters" part="filters">
    <legend class="legend heading-s">${t('trackerFilters', {})}</legend>
    <div class="filters__row">
      <div class="field">
        <label class="label" for="tracker-stage">${t('trackerFilterStage', {})}</label>
        <select
          id="tracker-stage"
          class="select"
          @change=${onSelect((value) => {
            const parsed = ProgrammeStage.safeParse(value);
            v.setFilter({ stage: parsed.success ? parsed.data : '' });
          })}
        >
          <option value="" ?selected=${f.stage === ''}>${t('trackerFilterStageAll', {})}</option>
          ${PROGRAMME_STAGES.map(
            (s) =>
              html`<option value=${s} ?selected=${f.stage === s}>
                ${stageNumber(s)}. ${t(STAGE_KEYS[s], {})}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label class="label" for="tracker-flag">${t('trackerFilterFlag', {})}</label>
        <select
          id="tracker-flag"
          class="select"
          @change=${onSelect((value) =>
            v.setFilter({
              flag: (FLAG_FILTERS as readonly string[]).includes(value)
                ? (value as FlagFilter)
                : 'all',
            }),
          )}
        >
          ${FLAG_FILTERS.map(
            (k) =>
              html`<option value=${k} ?selected=${f.flag === k}>${t(FLAG_KEYS[k], {})}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label class="label" for="tracker-group">${t('trackerFilterGroup', {})}</label>
        <select
          id="tracker-group"
          class="select"
          @change=${onSelect((value) => v.setFilter({ group: value }))}
        >
          <option value="" ?selected=${f.group === ''}>${t('trackerGroupAll', {})}</option>
          <optgroup label=${t('trackerGroupLas', {})}>
            ${las.map(
              ([code, name]) =>
                html`<option value="la:${code}" ?selected=${f.group === `la:${code}`}>
                  ${name}
                </option>`,
            )}
          </optgroup>
          ${
            trusts.length > 0
              ? html`<optgroup label=${t('trackerGroupTrusts', {})}>
                  ${trusts.map(
                    (name) =>
                      html`<option value="trust:${name}" ?selected=${f.group === `trust:${name}`}>
                        ${name}
                      </option>`,
                  )}
                  ${
                    anyWithoutTrust
                      ? html`<option value="trust:" ?selected=${f.group === 'trust:'}>
                          ${t('trackerGroupNoTrust', {})}
                        </option>`
                      : nothing
                  }
                </optgroup>`
              : nothing
          }
        </select>
      </div>
      <div class="field field--search">
        <label class="label" for="tracker-search">${t('trackerSearch', {})}</label>
        <div class="hint" id="tracker-search-hint">${t('trackerSearchHint', {})}</div>
        <input
          id="tracker-search"
          class="input"
          type="search"
          autocomplete="off"
          aria-describedby="tracker-search-hint"
          .value=${f.search}
          @input=${(e: Event) => v.setFilter({ search: (e.target as HTMLInputElement).value })}
        />
      </div>
    </div>
    <div class="actions">
      <button
        type="button"
        class="button button--secondary"
        id="tracker-download"
        aria-describedby="tracker-download-hint"
        @click=${() => v.download()}
      >
        ${t('trackerDownload', {})}
      </button>
      <span class="hint" id="tracker-download-hint">${t('trackerDownloadHint', {})}</span>
    </div>
  </fieldset>`;
}

export function renderTable(
  v: TrackerView,
  tracker: ProgrammeTracker,
  rows: readonly TrackerRow[],
): TemplateResult {
  const { t } = v;
  return html`<div class="scroll" role="region" aria-labelledby="tracker-caption" tabindex="0">
    <table class="table" part="table">
      <caption class="visually-hidden" id="tracker-caption">
        ${t('trackerCaption', { year: tracker.programmeYear })}
      </caption>
      <thead>
        <tr>
          ${COLUMNS.map((c) => renderHeader(v, c.key, c.sort))}
          ${withReturns(rows) ? renderHeader(v, 'trackerColReturn', undefined) : nothing}
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => renderRow(v, row, withReturns(rows)))}
      </tbody>
    </table>
  </div>`;
}

function renderHeader(
  v: TrackerView,
  key: TranslationKey,
  sort: SortKey | undefined,
): TemplateResult {
  const { t } = v;
  const label = t(key, {});
  if (!sort) return html`<th scope="col">${label}</th>`;
  const sorted = v.sortKey === sort ? v.sortDirection : undefined;
  return html`<th scope="col" aria-sort=${sorted ?? nothing}>
    <button type="button" class="sort" data-sort=${sort} @click=${() => v.sortBy(sort)}>
      ${label}<span class="sort__icon" aria-hidden="true"
        >${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '⇅'}</span
      >
    </button>
  </th>`;
}

/** Whether any school shown has an incident return (the column is left out where none is collected). */
const withReturns = (rows: readonly TrackerRow[]) =>
  rows.some((r) => r.school.incidentReturn !== undefined && r.school.incidentReturn !== null);

function renderRow(v: TrackerView, row: TrackerRow, returns = false): TemplateResult {
  const { t, words } = v;
  const { school: s, flags } = row;
  const href = v.href(s.urn);
  const name = href
    ? html`<a
        class="link-text school"
        href=${href}
        @click=${(e: Event) => v.select(e, { urn: s.urn, href })}
        >${s.name}</a
      >`
    : html`<button
        type="button"
        class="link school"
        @click=${(e: Event) => v.select(e, { urn: s.urn, href: null })}
      >
        ${s.name}
      </button>`;
  const current = s.stages[s.stage];
  const enrolled = s.stages.enrolled?.completedOn ?? null;
  const dates = [
    current?.completedOn
      ? t('trackerStageDone', { date: words.date(current.completedOn) })
      : current?.dueOn
        ? t('trackerDue', { date: words.date(current.dueOn) })
        : null,
    enrolled ? t('trackerEnrolledOn', { date: words.date(enrolled) }) : null,
  ].filter((d): d is string => d !== null);
  const responses = (r: TrackerResponses | null, rate: ResponseRate) => {
    const rateText = words.rateText(rate);
    return html`<span class="count">${words.countText(r)}</span>
      ${rateText ? html`<span class="rate">${rateText}</span>` : nothing}`;
  };
  return html`<tr part="row" data-urn=${s.urn}>
    <th scope="row">
      ${name}
      <span class="hint">${t('trackerUrn', { urn: s.urn })}</span>
    </th>
    <td>
      ${words.laName(s.localAuthority)}
      <span class="hint">${s.trust ?? t('trackerNoTrust', {})}</span>
    </td>
    <td data-stage=${s.stage}>
      ${t(STAGE_KEYS[s.stage], {})}
      <span class="hint"
        >${t('trackerStageOf', {
          number: stageNumber(s.stage),
          total: PROGRAMME_STAGES.length,
        })}</span
      >
    </td>
    <td>
      ${
        dates.length === 0
          ? t('trackerNoDates', {})
          : dates.map((d) => html`<span class="line">${d}</span> `)
      }
    </td>
    <td data-wave="baseline">${responses(s.responses.baseline, flags.responseRate.baseline)}</td>
    <td data-wave="end">${responses(s.responses.end, flags.responseRate.end)}</td>
    <td>${words.activityText(row)}</td>
    <td class="flags">
      ${
        flags.overdue
          ? html`<strong part="tag" class="tag tag--overdue">${t('trackerTagOverdue', {})}</strong>`
          : nothing
      }
      ${
        flags.stalled
          ? html`<strong part="tag" class="tag tag--stalled">${t('trackerTagStalled', {})}</strong>`
          : nothing
      }
      ${!flags.overdue && !flags.stalled ? t('trackerNoFlags', {}) : nothing}
    </td>
    <td>${s.award === null ? t('trackerAwardNone', {}) : t(AWARD_KEYS[s.award], {})}</td>
    ${returns ? html`<td data-return>${words.returnText(s.incidentReturn)}</td>` : nothing}
  </tr>`;
}
