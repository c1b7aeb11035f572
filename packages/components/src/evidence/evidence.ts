// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as z from 'zod';
import { EvidenceItem, EvidenceKind, fromZodError } from '@all-together/model';
import { AtElement } from '../shared/at-element.js';
import {
  dateControl,
  errorSummary,
  field,
  heading,
  headingLevel,
  selectControl,
  textControl,
  type FieldProblem,
  type HeadingLevel,
} from '../shared/form-kit.js';
import {
  defineDefaultStrings,
  matchLang,
  type TranslationKey,
  type TranslationParams,
} from '../shared/i18n.js';
import { AtEvidenceAddEvent, AtEvidenceRemoveEvent } from './evidence.events.js';
import { evidenceStrings } from './evidence.strings.js';
import { styles } from './evidence.styles.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...evidenceStrings });

const KIND_KEYS: Readonly<
  Record<
    EvidenceKind,
    | 'evidenceKindDocument'
    | 'evidenceKindObservation'
    | 'evidenceKindSurvey'
    | 'evidenceKindMinutes'
    | 'evidenceKindOther'
  >
> = {
  document: 'evidenceKindDocument',
  observation: 'evidenceKindObservation',
  survey: 'evidenceKindSurvey',
  minutes: 'evidenceKindMinutes',
  other: 'evidenceKindOther',
};

/** The file types accepted, by extension (the server checks the content itself). */
const EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'docx', 'xlsx', 'pptx'] as const;

/** An audit area an item can be for. */
export interface EvidenceArea {
  /** The area's number. */
  readonly number: number;
  /** Its title, in the page's language. */
  readonly title: string;
}

/** An action of the plan an item can be for. */
export interface EvidenceAction {
  readonly id: string;
  readonly title: string;
}

const Items = z.array(EvidenceItem);
const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/**
 * A school's evidence portfolio: its items (for an audit area or an action, with a kind, a
 * description, a date, and optionally a link and a file, offered only as a download), and a form
 * to add one that says first not to upload anything that identifies a pupil. The element checks
 * what it can (a choice of area or action, a kind, a description of at least `min-words` words, a
 * date, an `https:` link, a file's extension and size) and emits `at-evidence-add` with the file;
 * the host stores it, checks the file's content on its server, and calls `reset()`.
 *
 * @summary An evidence portfolio: the items per audit area or action, and a form to add one with a file.
 * @tagname at-evidence
 *
 * @event {CustomEvent<{ area: string | null; action: string | null; kind: EvidenceKind; description: string; date: string; url: string | null; file: File | null }>} at-evidence-add - An item passed the checks: `detail` has the fields and the chosen `File`. Store it, then call `reset()`.
 * @event {CustomEvent<{ id: string }>} at-evidence-remove - Remove was pressed on an item: `detail.id`.
 *
 * @csspart base - The wrapper.
 * @csspart item - One item's row.
 * @csspart error-summary - The error summary of the add form.
 *
 * @cssproperty --at-evidence-max-width - The widest the content grows. Default: 60rem.
 */
export class AtEvidence extends AtElement {
  static override styles = styles;

  /** The items (`EvidenceItem[]` from `@all-together/model`), checked where they enter. */
  @property({ attribute: false }) items: EvidenceItem[] = [];

  /** The audit areas an item can be for. */
  @property({ attribute: false }) areas: EvidenceArea[] = [];

  /** The actions of the plan an item can be for. */
  @property({ attribute: false }) actions: EvidenceAction[] = [];

  /** Only list the items: no form, no Remove (a moderator's view, or a submitted portfolio). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /**
   * Where an item's file downloads from, with `{id}` for the item's id
   * (`/api/schools/123456/evidence/{id}/file`). Without it, files are listed by name only.
   */
  @property({ attribute: 'file-href' }) fileHref = '';

  /** The largest file accepted, in bytes (default 5 MiB). */
  @property({ attribute: 'max-file-bytes', type: Number }) maxFileBytes: number = 5 * 1024 * 1024;

  /** Words a description needs (default 5: "x" is not evidence). */
  @property({ attribute: 'min-words', type: Number }) minWords = 5;

  /** A refusal from the host's server, shown above the form (for example the file's check). */
  @property() error = '';

  /** The level of the section's heading, 1 to 6 (default 2). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 2;

  @state() private problems: FieldProblem[] = [];
  @state() private values = { for: '', kind: '', description: '', date: '', url: '' };
  private shown: EvidenceItem[] = [];
  private invalid = false;

  /** Clears the add form (call it once the host has stored the item). */
  reset(): void {
    this.values = { for: '', kind: '', description: '', date: '', url: '' };
    this.problems = [];
    this.error = '';
    const file = this.renderRoot.querySelector<HTMLInputElement>('#ev-file');
    if (file) file.value = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('items')) return;
    const r = Items.safeParse(this.items ?? []);
    this.invalid = !r.success;
    this.shown = r.success ? r.data : [];
    if (!r.success) {
      const paths = fromZodError(r.error).map((p) => `  ${p.at}: ${p.message}`);
      console.error(`<at-evidence>: items are not valid:\n${paths.join('\n')}`);
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

  private size(n: number): string {
    const mb = n / (1024 * 1024);
    return mb >= 1
      ? `${new Intl.NumberFormat(matchLang(this.localize.lang), { maximumFractionDigits: 1 }).format(mb)} MB`
      : `${Math.max(1, Math.ceil(n / 1024))} KB`;
  }

  private forLabel(i: EvidenceItem): string {
    if (i.area !== null) {
      const a = this.areas.find((x) => String(x.number) === i.area);
      return this.t('evidenceArea', { number: i.area, title: a?.title ?? '' });
    }
    const a = this.actions.find((x) => x.id === i.action);
    return this.t('evidenceAction', { title: a?.title ?? i.action ?? '' });
  }

  private submit(event: Event): void {
    event.preventDefault();
    const v = this.values;
    const problems: FieldProblem[] = [];
    const input = this.renderRoot.querySelector<HTMLInputElement>('#ev-file');
    const file = input?.files?.[0] ?? null;
    if (!v.for) problems.push({ field: 'ev-for', message: this.t('evidenceErrorFor', {}) });
    if (!EvidenceKind.safeParse(v.kind).success)
      problems.push({ field: 'ev-kind', message: this.t('evidenceErrorKind', {}) });
    if (words(v.description) < this.minWords)
      problems.push({
        field: 'ev-description',
        message: this.t('evidenceErrorDescription', { min: this.minWords }),
      });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date))
      problems.push({ field: 'ev-date', message: this.t('evidenceErrorDate', {}) });
    if (v.url && !/^https:\/\/[^\s]+$/i.test(v.url.trim()))
      problems.push({ field: 'ev-url', message: this.t('evidenceErrorUrl', {}) });
    if (file) {
      const ext = file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase();
      if (!(EXTENSIONS as readonly string[]).includes(ext))
        problems.push({
          field: 'ev-file',
          message: this.t('evidenceErrorFileType', { name: file.name }),
        });
      else if (file.size > this.maxFileBytes)
        problems.push({
          field: 'ev-file',
          message: this.t('evidenceErrorFileSize', {
            name: file.name,
            max: this.size(this.maxFileBytes),
          }),
        });
    }
    this.problems = problems;
    if (problems.length) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('#ev-errors')?.focus(),
      );
      return;
    }
    const [kindOf, id] = [v.for.slice(0, v.for.indexOf(':')), v.for.slice(v.for.indexOf(':') + 1)];
    this.emit(
      new AtEvidenceAddEvent({
        area: kindOf === 'area' ? id : null,
        action: kindOf === 'action' ? id : null,
        kind: v.kind as EvidenceKind,
        description: v.description.trim(),
        date: v.date,
        url: v.url.trim() || null,
        file,
      }),
    );
  }

  private problem(id: string): string | undefined {
    return this.problems.find((p) => p.field === id)?.message;
  }

  protected override render(): TemplateResult {
    const level = headingLevel(this.headingLevel, 2);
    const sub = Math.min(6, level + 1) as HeadingLevel;
    return html`<section part="base" class="base" aria-labelledby="ev-heading">
      ${heading({ level, className: 'heading-m', id: 'ev-heading' }, this.t('evidenceHeading', {}))}
      ${
        this.invalid
          ? html`<p class="notice" role="alert">${this.t('evidenceInvalid', {})}</p>`
          : nothing
      }
      ${this.renderItems()} ${this.readonly ? nothing : this.renderForm(sub)}
    </section>`;
  }

  private renderItems(): TemplateResult {
    if (!this.shown.length) return html`<p>${this.t('evidenceEmpty', {})}</p>`;
    return html`<table class="table items">
      <caption class="visually-hidden">
        ${this.t('evidenceCaption', {})}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('evidenceColFor', {})}</th>
          <th scope="col">${this.t('evidenceColKind', {})}</th>
          <th scope="col">${this.t('evidenceColDescription', {})}</th>
          <th scope="col">${this.t('evidenceColDate', {})}</th>
          <th scope="col">${this.t('evidenceColFile', {})}</th>
          ${this.readonly ? nothing : html`<th scope="col">${this.t('evidenceColActions', {})}</th>`}
        </tr>
      </thead>
      <tbody>
        ${this.shown.map(
          (i) =>
            html`<tr part="item" data-id=${i.id}>
              <td>${this.forLabel(i)}</td>
              <td>${this.t(KIND_KEYS[i.kind], {})}</td>
              <td>${i.description}</td>
              <td>${this.date(i.date)}</td>
              <td>
                ${
                  i.file
                    ? this.fileHref
                      ? html`<a
                          href=${this.fileHref.replace('{id}', encodeURIComponent(i.id))}
                          download
                          >${this.t('evidenceFileSize', {
                            name: i.file.name,
                            size: this.size(i.file.size),
                          })}</a
                        >`
                      : this.t('evidenceFileSize', {
                          name: i.file.name,
                          size: this.size(i.file.size),
                        })
                    : nothing
                }
                ${
                  i.url
                    ? html`<a href=${i.url} rel="noopener noreferrer" target="_blank"
                        >${this.t('evidenceLink', {})}</a
                      >`
                    : nothing
                }
              </td>
              ${
                this.readonly
                  ? nothing
                  : html`<td>
                      <button
                        type="button"
                        class="button button--secondary button--small remove"
                        aria-label=${this.t('evidenceRemove', { description: i.description })}
                        @click=${() => this.emit(new AtEvidenceRemoveEvent({ id: i.id }))}
                      >
                        ${this.t('evidenceRemoveShort', {})}
                      </button>
                    </td>`
              }
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderForm(level: HeadingLevel): TemplateResult {
    const v = this.values;
    const set = (k: keyof typeof v) => (value: string) => {
      this.values = { ...this.values, [k]: value };
    };
    const prefix = this.t('evidenceErrorPrefix', {});
    const targets: [string, string][] = [
      ...this.areas.map((a): [string, string] => [
        `area:${a.number}`,
        this.t('evidenceArea', { number: String(a.number), title: a.title }),
      ]),
      ...this.actions.map((a): [string, string] => [
        `action:${a.id}`,
        this.t('evidenceAction', { title: a.title }),
      ]),
    ];
    return html`${heading({ level, className: 'heading-s' }, this.t('evidenceAddHeading', {}))}
      <p class="privacy" id="ev-privacy">${this.t('evidencePrivacy', {})}</p>
      ${this.error ? html`<p class="notice" role="alert">${this.error}</p>` : nothing}
      <form novalidate @submit=${this.submit} aria-describedby="ev-privacy">
        ${errorSummary({
          id: 'ev-errors',
          title: this.t('evidenceErrorTitle', {}),
          level: Math.min(6, level + 1) as HeadingLevel,
          problems: this.problems,
          root: this.renderRoot,
        })}
        ${field(
          {
            id: 'ev-for',
            label: this.t('evidenceFor', {}),
            error: this.problem('ev-for'),
            errorPrefix: prefix,
          },
          (p) => selectControl(p, v.for, targets, set('for'), this.t('evidenceChoose', {})),
        )}
        ${field(
          {
            id: 'ev-kind',
            label: this.t('evidenceKind', {}),
            error: this.problem('ev-kind'),
            errorPrefix: prefix,
          },
          (p) =>
            selectControl(
              p,
              v.kind,
              EvidenceKind.options.map((k): [string, string] => [k, this.t(KIND_KEYS[k], {})]),
              set('kind'),
              this.t('evidenceChoose', {}),
            ),
        )}
        ${field(
          {
            id: 'ev-description',
            label: this.t('evidenceDescription', {}),
            hint: this.t('evidenceDescriptionHint', { min: this.minWords }),
            error: this.problem('ev-description'),
            errorPrefix: prefix,
          },
          (p) => textControl(p, v.description, set('description'), 3),
        )}
        ${field(
          {
            id: 'ev-date',
            label: this.t('evidenceDate', {}),
            error: this.problem('ev-date'),
            errorPrefix: prefix,
          },
          (p) => dateControl(p, v.date, set('date')),
        )}
        ${field(
          {
            id: 'ev-url',
            label: this.t('evidenceUrl', {}),
            error: this.problem('ev-url'),
            errorPrefix: prefix,
          },
          (p) => textControl(p, v.url, set('url')),
        )}
        ${field(
          {
            id: 'ev-file',
            label: this.t('evidenceFile', {}),
            hint: this.t('evidenceFileHint', { max: this.size(this.maxFileBytes) }),
            error: this.problem('ev-file'),
            errorPrefix: prefix,
          },
          (p) =>
            html`<input
              id=${p.id}
              class="input"
              type="file"
              accept=${EXTENSIONS.map((e) => `.${e}`).join(',')}
              aria-describedby=${p.describedBy}
              aria-invalid=${p.invalid}
            />`,
        )}
        <button type="submit" class="button">${this.t('evidenceAdd', {})}</button>
      </form>`;
  }
}
