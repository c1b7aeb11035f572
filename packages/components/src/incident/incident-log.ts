// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as z from 'zod';
import {
  IncidentRecord,
  IncidentStatus,
  IncidentType,
  fromZodError,
  type Problem,
} from '@all-together/model';
import { AtElement } from '../shared/at-element.js';
import {
  field,
  heading,
  headingLevel,
  selectControl,
  type HeadingLevel,
} from '../shared/form-kit.js';
import { defineDefaultStrings, matchLang, type TranslationKey } from '../shared/i18n.js';
import { LOCATION_WORDS, TYPE_WORDS } from './incident-form.words.js';
import { AtIncidentSelectEvent } from './incident-log.events.js';
import {
  ALL,
  filterIncidents,
  termOf,
  termParts,
  trendsByTerm,
  type IncidentLogFilter,
  type Season,
  type TermTrend,
} from './incident-log.model.js';
import { incidentLogStrings } from './incident-log.strings.js';
import { styles } from './incident-log.styles.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...incidentLogStrings });

type Key = TranslationKey & `incidentLog${string}`;

const STATUS: Readonly<Record<IncidentStatus, Key>> = {
  allegation: 'incidentLogStatusAllegation',
  substantiated: 'incidentLogStatusSubstantiated',
  'not-substantiated': 'incidentLogStatusNotSubstantiated',
};
const SEASON: Readonly<Record<Season, Key>> = {
  autumn: 'incidentLogAutumn',
  spring: 'incidentLogSpring',
  summer: 'incidentLogSummer',
};

const Records = z.array(IncidentRecord);

/**
 * A school's incident log: a trend per term (how many records looking into them found to be
 * bullying, not bullying, or not yet decided; exact counts, for the school's own staff), and the
 * records, newest first, filtered by status, term and type with a live count. Choosing a record
 * emits `at-incident-select`. People appear by role and reference only: the records hold no names.
 *
 * @summary A school's incident log: filters (status, term, type), a live count, and the trend per term.
 * @tagname at-incident-log
 *
 * @event {CustomEvent<{ id: string; record: IncidentRecord; href: string | null }>} at-incident-select - A record was chosen: `detail.id`, `detail.record`, `detail.href` (null when records are buttons). Cancelable: `preventDefault()` stops the link.
 *
 * @csspart base - The wrapper.
 * @csspart trend - The trend table.
 * @csspart filters - The filters.
 * @csspart record - One record's row.
 *
 * @cssproperty --at-incident-log-max-width - The widest the content grows. Default: 60rem.
 */
export class AtIncidentLog extends AtElement {
  static override styles = styles;

  /** The school's records (`IncidentRecord[]` from `@all-together/model`), checked where they enter. */
  @property({ attribute: false }) incidents: IncidentRecord[] = [];

  /**
   * Where a record opens, with `{id}` for its id (`/incidents/{id}`). Without it (or without
   * `{id}`), a record's date is a button and the host shows the record on `at-incident-select`.
   */
  @property({ attribute: 'href-template' }) hrefTemplate = '';

  /** The level of the log's heading, 1 to 6 (default 2). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 2;

  @state() private filter: IncidentLogFilter = ALL;
  private records: IncidentRecord[] = [];
  private problems: Problem[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('incidents')) return;
    const r = Records.safeParse(this.incidents ?? []);
    this.records = r.success ? r.data : [];
    this.problems = r.success ? [] : fromZodError(r.error);
    if (!r.success) {
      const paths = this.problems.map((p) => `  ${p.at}: ${p.message}`);
      console.error(`<at-incident-log>: incidents are not valid:\n${paths.join('\n')}`);
    }
  }

  private t(key: TranslationKey, params: Record<string, string | number> = {}): string {
    return this.localize.term(key, params as never);
  }

  private termLabel(term: string): string {
    const { season, year } = termParts(term);
    return this.t('incidentLogTermLabel', { season: this.t(SEASON[season]), year: String(year) });
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(matchLang(this.localize.lang), {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  }

  private href(id: string): string | null {
    if (!this.hrefTemplate.includes('{id}')) return null;
    return this.hrefTemplate.replaceAll('{id}', encodeURIComponent(id));
  }

  private select(event: Event, record: IncidentRecord): void {
    const href = this.href(record.id);
    const e = this.emit(new AtIncidentSelectEvent({ id: record.id, record, href }));
    if (e.defaultPrevented) event.preventDefault();
  }

  protected override render(): TemplateResult {
    const level = headingLevel(this.headingLevel, 2);
    const sub = Math.min(6, level + 1) as HeadingLevel;
    return html`<section part="base" class="base" aria-labelledby="il-heading">
      ${heading({ level, className: 'heading-m', id: 'il-heading' }, this.t('incidentLogHeading'))}
      <p class="privacy">${this.t('incidentLogPrivacy')}</p>
      ${
        this.problems.length
          ? html`<div class="notice" role="alert">
              <p>${this.t('incidentLogInvalid')}</p>
              <ul>
                ${this.problems.map((p) => html`<li><code>${p.at}</code>: ${p.message}</li>`)}
              </ul>
            </div>`
          : html`${this.renderTrend(sub)} ${this.renderRecords(sub)}`
      }
    </section>`;
  }

  private renderTrend(level: HeadingLevel): TemplateResult {
    const trends = trendsByTerm(this.records);
    const num = (n: number) => html`<td class="num">${n}</td>`;
    return html`${heading({ level, className: 'heading-s' }, this.t('incidentLogTrendHeading'))}
    ${
      trends.length
        ? html`<div class="table-wrap">
            <table class="table" part="trend">
              <caption class="hint">
                ${this.t('incidentLogTrendCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${this.t('incidentLogColTerm')}</th>
                  ${IncidentStatus.options.map(
                    (s) => html`<th scope="col" class="num">${this.t(STATUS[s])}</th>`,
                  )}
                  <th scope="col" class="num">${this.t('incidentLogColTotal')}</th>
                  <th scope="col" class="num">${this.t('incidentLogColPrejudice')}</th>
                </tr>
              </thead>
              <tbody>
                ${trends.map(
                  (t: TermTrend) =>
                    html`<tr data-term=${t.term}>
                      <th scope="row">${this.termLabel(t.term)}</th>
                      ${num(t.allegation)} ${num(t.substantiated)} ${num(t.notSubstantiated)}
                      ${num(t.total)} ${num(t.prejudiceRelated)}
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${this.t('incidentLogTrendEmpty')}</p>`
    }`;
  }

  private renderRecords(level: HeadingLevel): TemplateResult {
    const f = this.filter;
    const list = filterIncidents(this.records, f);
    const set = (k: keyof IncidentLogFilter) => (value: string) => {
      this.filter = { ...this.filter, [k]: value };
    };
    const terms = [...new Set(this.records.map((r) => termOf(r.allegation.occurredOn)))].sort();
    const all = this.t('incidentLogAll');
    const prefix = '';
    return html`${heading({ level, className: 'heading-s' }, this.t('incidentLogRecordsHeading'))}
    ${
      this.records.length
        ? html`<fieldset class="filters" part="filters">
              <legend class="visually-hidden">${this.t('incidentLogFilters')}</legend>
              ${field(
                { id: 'il-status', label: this.t('incidentLogStatus'), errorPrefix: prefix },
                (p) =>
                  selectControl(
                    p,
                    f.status,
                    IncidentStatus.options.map((s): [string, string] => [s, this.t(STATUS[s])]),
                    set('status'),
                    all,
                  ),
              )}
              ${field(
                { id: 'il-term', label: this.t('incidentLogTerm'), errorPrefix: prefix },
                (p) =>
                  selectControl(
                    p,
                    f.term,
                    terms.map((t): [string, string] => [t, this.termLabel(t)]),
                    set('term'),
                    all,
                  ),
              )}
              ${field(
                { id: 'il-type', label: this.t('incidentLogType'), errorPrefix: prefix },
                (p) =>
                  selectControl(
                    p,
                    f.type,
                    IncidentType.options.map((s): [string, string] => [s, this.t(TYPE_WORDS[s])]),
                    set('type'),
                    all,
                  ),
              )}
            </fieldset>
            <p id="il-count" role="status">
              ${this.t('incidentLogShowing', { shown: list.length, total: this.records.length })}
            </p>
            ${list.length ? this.renderTable(list) : html`<p>${this.t('incidentLogNothingFound')}</p>`}`
        : html`<p>${this.t('incidentLogEmpty')}</p>`
    }`;
  }

  private renderTable(list: IncidentRecord[]): TemplateResult {
    return html`<div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">
          ${this.t('incidentLogCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('incidentLogColDate')}</th>
            <th scope="col">${this.t('incidentLogColWhere')}</th>
            <th scope="col">${this.t('incidentLogColStatus')}</th>
            <th scope="col">${this.t('incidentLogColType')}</th>
          </tr>
        </thead>
        <tbody>
          ${list.map((r) => {
            const date = this.date(r.allegation.occurredOn);
            const where = this.t(LOCATION_WORDS[r.allegation.location]);
            const label = this.t('incidentLogOpen', { date, where });
            const href = this.href(r.id);
            return html`<tr part="record" data-id=${r.id}>
              <td>
                ${
                  href
                    ? html`<a
                        class="link-text open"
                        href=${href}
                        aria-label=${label}
                        @click=${(e: Event) => this.select(e, r)}
                        >${date}</a
                      >`
                    : html`<button
                        type="button"
                        class="link open"
                        aria-label=${label}
                        @click=${(e: Event) => this.select(e, r)}
                      >
                        ${date}
                      </button>`
                }
              </td>
              <td>${where}</td>
              <td>${this.t(STATUS[r.status])}</td>
              <td>${r.details?.types.map((x) => this.t(TYPE_WORDS[x])).join(', ') ?? ''}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}
