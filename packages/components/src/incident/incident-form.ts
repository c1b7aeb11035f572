// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { IncidentRecord, fromZodError, type Problem } from '@all-together/model';
import { AtElement } from '../shared/at-element.js';
import { DraftController } from '../shared/controllers/draft-controller.js';
import {
  errorSummary,
  heading,
  headingLevel,
  type FieldProblem,
  type HeadingLevel,
} from '../shared/form-kit.js';
import { defineDefaultStrings, type TranslationKey } from '../shared/i18n.js';
import { uuid } from '../shared/ids.js';
import { sessionDraftStorage, type DraftStorage } from '../shared/storage.js';
import {
  AtIncidentChangeEvent,
  AtIncidentInvalidEvent,
  AtIncidentSaveEvent,
} from './incident-form.events.js';
import {
  checkValues,
  fieldOf,
  recordOf,
  StoredIncidentDraft,
  valuesOf,
  type FormProblem,
  type IncidentFormValues,
} from './incident-form.model.js';
import {
  allegationSection,
  decisionSection,
  detailsSection,
  type FormView,
} from './incident-form.render.js';
import { incidentFormStrings } from './incident-form.strings.js';
import { styles } from './incident-form.styles.js';
import { incidentLogStrings } from './incident-log.strings.js';

// This element's English strings (and the log's, whose words for statuses, types and places it
// shares), the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...incidentLogStrings, ...incidentFormStrings });

/** Today in the person's own time zone, `YYYY-MM-DD`. */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The record of one allegation and, once looked into, the bullying incident: when and where, who
 * reported it, what was alleged, the people involved by role and the school's reference (never a
 * name: the form says so first, and refuses anything that is not a reference), whether it was
 * bullying, and then the details the Anti-Bullying Alliance recommends (types, online or offline,
 * prejudice-related and the characteristic, safeguarding with the route to the designated
 * safeguarding lead, impact, the target's wishes, actions and who took them, outcome, follow-up
 * and review dates).
 *
 * Every change is kept at once as a draft on the device (`storage`), so a closed tab or a refused
 * save loses nothing; `at-incident-change` lets the host autosave to its server. Save checks every
 * field, lists the problems in a GOV.UK error summary that takes focus and links to each field,
 * or emits `at-incident-save` with the record checked by the model's `IncidentUpdate`.
 *
 * @summary The record form of an allegation and bullying incident: error summary, autosaved draft, names refused.
 * @tagname at-incident-form
 *
 * @event {CustomEvent<{ id: string; isNew: boolean; update: IncidentUpdate | null }>} at-incident-change - A field changed: `detail.update` is the checked record, or null while a field has a problem.
 * @event {CustomEvent<{ id: string; isNew: boolean; update: IncidentUpdate }>} at-incident-save - Save was pressed and every field passed: store `detail.update`, then call `saved()`.
 * @event {CustomEvent<{ problems: { field: string; message: string }[] }>} at-incident-invalid - Save was pressed and a field has a problem: the error summary shows them (a page may put "Error: " in its title).
 *
 * @csspart base - The wrapper.
 * @csspart error-summary - The error summary.
 * @csspart safeguarding - The safeguarding warning, shown when there is a concern.
 *
 * @cssproperty --at-incident-form-max-width - The widest the content grows. Default: 48rem.
 */
export class AtIncidentForm extends AtElement {
  static override styles = styles;

  /**
   * The stored record to edit (`IncidentRecord` from `@all-together/model`), or null for a new
   * allegation. Setting the same record again (after an autosave) keeps what is being typed.
   */
  @property({ attribute: false }) record: IncidentRecord | null = null;

  /** The school's URN: the draft is kept per school and record. */
  @property() school = '';

  /** Where the draft is kept. Default `sessionDraftStorage()`. */
  @property({ attribute: false }) storage: DraftStorage = sessionDraftStorage();

  /**
   * The server's refusal of the last save, as the model's problems (`path` like
   * `allegation.occurredOn`): each is shown in the summary and beside its field.
   */
  @property({ attribute: false }) problems: Problem[] = [];

  /** What the host says about saving ("Saved at 10:42"), announced politely. */
  @property() status = '';

  /** The record can no longer change (its term's return is submitted): shown, not editable. */
  @property({ type: Boolean, reflect: true }) locked = false;

  /** A link to how to reach the school's designated safeguarding lead, shown with a concern. */
  @property({ attribute: 'dsl-href' }) dslHref = '';

  /** The latest day something can have happened on (`YYYY-MM-DD`). Default: today, here. */
  @property() today = '';

  /** The level of the form's heading, 1 to 6 (default 1: the form is usually the page). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 1;

  @state() private values: IncidentFormValues = valuesOf(null);
  @state() private checked: readonly FormProblem[] = [];
  @state() private restored = false;
  private rid = uuid();
  private isNew = true;
  private invalid: Problem[] = [];
  private readonly draft = new DraftController<StoredIncidentDraft>(this, {
    storage: () => this.storage,
    key: () =>
      this.school ? `at-incident-form:${this.school}:${this.isNew ? 'new' : this.rid}` : '',
    parse: (d) => {
      const r = StoredIncidentDraft.safeParse(d);
      return r.success ? r.data : undefined;
    },
  });

  /** The record's id: the stored record's, or one made here for a new allegation. */
  get recordId(): string {
    return this.rid;
  }

  /** Call when the host has stored the record: the draft is forgotten and the record is not new. */
  saved(): void {
    this.draft.clear();
    this.isNew = false;
    this.restored = false;
    this.problems = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('record') || changed.has('school')) this.setUp(changed.has('school'));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('problems') && this.problems.length) this.focusSummary();
  }

  private setUp(schoolChanged: boolean): void {
    const given = this.record ? IncidentRecord.safeParse(this.record) : undefined;
    this.invalid = given && !given.success ? fromZodError(given.error) : [];
    if (this.invalid.length)
      console.error(
        `<at-incident-form>: record is not valid:\n${this.invalid.map((p) => `  ${p.at}: ${p.message}`).join('\n')}`,
      );
    const record = given?.success ? given.data : null;
    // The same record back from an autosave: keep the typing in progress.
    if (!schoolChanged && record && !this.isNew && record.id === this.rid) return;
    if (record) {
      this.rid = record.id;
      this.isNew = false;
    } else if (!this.isNew || schoolChanged) {
      this.rid = uuid();
      this.isNew = true;
    }
    this.values = valuesOf(record);
    this.checked = [];
    this.restored = false;
    void this.draft.load().then((d) => {
      if (!d || d === 'stale') return;
      // A new allegation's draft keeps its id, so a retried first save stores one record.
      if (this.isNew) this.rid = d.id;
      else if (d.id !== this.rid) return;
      this.values = d.values as IncidentFormValues;
      this.restored = true;
    });
  }

  private t(key: TranslationKey, params: Record<string, string | number> = {}): string {
    return this.localize.term(key, params as never);
  }

  private set(patch: Partial<IncidentFormValues>): void {
    this.values = { ...this.values, ...patch };
    // Once the summary is showing, it follows the typing (GOV.UK: problems go when fixed).
    if (this.checked.length) this.checked = checkValues(this.values, this.today || localToday());
    this.draft.save({ id: this.rid, values: this.values as StoredIncidentDraft['values'] });
    const ok = checkValues(this.values, this.today || localToday()).length === 0;
    const r = ok ? recordOf(this.values) : undefined;
    this.emit(
      new AtIncidentChangeEvent({
        id: this.rid,
        isNew: this.isNew,
        update: r?.ok ? r.update : null,
      }),
    );
  }

  private submit(event: Event): void {
    event.preventDefault();
    if (this.locked) return;
    this.problems = [];
    const found = checkValues(this.values, this.today || localToday());
    const r = found.length ? undefined : recordOf(this.values);
    this.checked =
      r && !r.ok
        ? r.paths.map((p) => ({ field: fieldOf(p, this.values), key: 'incidentFormErrorCheck' }))
        : found;
    if (!r?.ok) {
      this.focusSummary();
      this.emit(new AtIncidentInvalidEvent({ problems: this.shown() }));
      return;
    }
    this.emit(new AtIncidentSaveEvent({ id: this.rid, isNew: this.isNew, update: r.update }));
  }

  private focusSummary(): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('#if-errors')?.focus(),
    );
  }

  /** Every problem shown: the form's own checks, then the server's refusal. */
  private shown(): FieldProblem[] {
    return [
      ...this.checked.map((p) => ({ field: p.field, message: this.t(p.key, p.params ?? {}) })),
      ...this.problems.map((p) => ({ field: fieldOf(p.at, this.values), message: p.message })),
    ];
  }

  protected override render(): TemplateResult {
    const level = headingLevel(this.headingLevel, 1);
    const sub = Math.min(6, level + 1) as HeadingLevel;
    if (this.invalid.length)
      return html`<section part="base" class="base">
        <div class="notice" role="alert">
          <p>${this.t('incidentFormInvalid')}</p>
          <ul>
            ${this.invalid.map((p) => html`<li><code>${p.at}</code>: ${p.message}</li>`)}
          </ul>
        </div>
      </section>`;
    const problems = this.shown();
    const view: FormView = {
      values: this.values,
      t: (k, p) => this.t(k, p),
      problem: (f) => problems.find((p) => p.field === f)?.message,
      set: (patch) => this.set(patch),
      level: sub,
      dslHref: this.dslHref,
    };
    return html`<section part="base" class="base" aria-labelledby="if-heading">
      ${errorSummary({
        id: 'if-errors',
        title: this.t('incidentFormErrorTitle'),
        // It comes before the form's heading, so at that heading's level (GOV.UK: an h2 above the
        // page's h1); one below would skip a level after the host's own heading.
        level: level === 1 ? 2 : level,
        problems,
        root: this.renderRoot,
      })}
      ${heading(
        { level, className: 'heading-l', id: 'if-heading' },
        this.t(this.isNew ? 'incidentFormHeading' : 'incidentFormHeadingRecord'),
      )}
      <p class="no-names" id="if-no-names">${this.t('incidentFormNoNames')}</p>
      ${this.locked ? html`<p class="notice">${this.t('incidentFormLocked')}</p>` : nothing}
      ${this.restored ? html`<p class="notice">${this.t('incidentFormRestored')}</p>` : nothing}
      <p class="hint" role="status" id="if-status">${this.status}</p>
      <form novalidate aria-describedby="if-no-names" @submit=${this.submit}>
        <fieldset class="locked" ?disabled=${this.locked}>
          ${allegationSection(view)} ${decisionSection(view)}
          ${this.values.status === 'substantiated' ? detailsSection(view) : nothing}
        </fieldset>
        ${
          this.locked
            ? nothing
            : html`<div class="actions">
                <button class="button" type="submit">${this.t('incidentFormSave')}</button>
              </div>`
        }
      </form>
    </section>`;
  }
}
