/**
 * The package's one form kit: GOV.UK-shaped pieces of markup that `<at-questionnaire>`,
 * `<at-audit>` and `<at-action-plan>` share: an error summary that links to its fields, a field
 * (label, hint, inline error, control), the controls, and headings at a level the host chooses.
 * Plain functions returning Lit templates; the styles are `form.styles.ts` (and each element's own).
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

/** A problem with one field, in words for the person (GOV.UK: what to do, not what went wrong). */
export interface FieldProblem {
  /** The id of the field's control (the summary links to it). */
  readonly field: string;
  /** The message, shown in the summary and beside the field. */
  readonly message: string;
}

/** A heading level, 1 to 6. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** A heading level from an attribute value, clamped to 1…6 (a level below 1 is 1). */
export const headingLevel = (value: unknown, fallback: HeadingLevel = 1): HeadingLevel => {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) ? (Math.min(6, Math.max(1, n)) as HeadingLevel) : fallback;
};

/** What a heading needs: its level, class, id, and whether it can take focus (a page's heading). */
export interface HeadingOptions {
  readonly level: HeadingLevel;
  readonly className?: string;
  readonly id?: string;
  readonly focus?: boolean;
}

/**
 * A heading at a level chosen at run time (a host page keeps its one `h1`), with literal tags: a
 * dynamic tag name would need `unsafeStatic`, which is banned (W2).
 */
export function heading(o: HeadingOptions, content: unknown): TemplateResult {
  const c = o.className ?? nothing;
  const id = o.id ?? nothing;
  const t = o.focus ? '-1' : nothing;
  const f = o.focus ? '' : nothing;
  switch (o.level) {
    case 1:
      return html`<h1 class=${c} id=${id} tabindex=${t} data-focus=${f}>${content}</h1>`;
    case 2:
      return html`<h2 class=${c} id=${id} tabindex=${t} data-focus=${f}>${content}</h2>`;
    case 3:
      return html`<h3 class=${c} id=${id} tabindex=${t} data-focus=${f}>${content}</h3>`;
    case 4:
      return html`<h4 class=${c} id=${id} tabindex=${t} data-focus=${f}>${content}</h4>`;
    case 5:
      return html`<h5 class=${c} id=${id} tabindex=${t} data-focus=${f}>${content}</h5>`;
    default:
      return html`<h6 class=${c} id=${id} tabindex=${t} data-focus=${f}>${content}</h6>`;
  }
}

/** What an error summary needs. */
export interface ErrorSummaryOptions {
  /** Its id: focus moves to it after a failed submit (A2). */
  readonly id: string;
  /** "There is a problem", translated. */
  readonly title: string;
  /** Its heading level (one below the page's heading). */
  readonly level: HeadingLevel;
  readonly problems: readonly FieldProblem[];
  /** The shadow root the fields live in (the links focus them: IDREFs and #hash cannot cross it). */
  readonly root: ParentNode;
  /** Instead of focusing the field, do this (for a problem whose field is on another page). */
  readonly onLink?: (field: string) => boolean | void;
}

/**
 * GOV.UK's error summary: "There is a problem" and a link to each field, in the order of the
 * fields. Focusable (`tabindex=-1`) so focus can move to it; `role=alert` so it is announced.
 * Nothing when there is no problem.
 */
export function errorSummary(o: ErrorSummaryOptions): TemplateResult | typeof nothing {
  if (o.problems.length === 0) return nothing;
  const go = (event: Event, field: string) => {
    event.preventDefault();
    if (o.onLink?.(field) === true) return;
    o.root.querySelector<HTMLElement>(`#${CSS.escape(field)}`)?.focus();
  };
  return html`<div
    id=${o.id}
    part="error-summary"
    class="error-summary"
    tabindex="-1"
    role="alert"
    aria-labelledby="${o.id}-title"
  >
    ${heading({ level: o.level, className: 'error-summary__title', id: `${o.id}-title` }, o.title)}
    <ul class="error-summary__list">
      ${o.problems.map(
        (p) =>
          html`<li>
            <a href="#${p.field}" @click=${(e: Event) => go(e, p.field)}>${p.message}</a>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** The inline error of a field: the message, with "Error:" for screen readers. */
export function errorMessage(id: string, prefix: string, message: string): TemplateResult {
  return html`<p class="error-message" id=${id}>
    <span class="visually-hidden">${prefix}</span> ${message}
  </p>`;
}

/** What a field needs. */
export interface FieldOptions {
  /** The control's id. */
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** The message when the field has a problem. */
  readonly error?: string;
  /** "Error:", translated. */
  readonly errorPrefix: string;
}

/** What a control receives from its field. */
export interface ControlProps {
  readonly id: string;
  readonly describedBy: string | typeof nothing;
  readonly invalid: 'true' | 'false';
}

/** A labelled field with its hint and inline error; `control` renders the input itself. */
export function field(o: FieldOptions, control: (p: ControlProps) => TemplateResult) {
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="field ${o.error ? 'field--error' : ''}">
    <label class="label" for=${o.id}>${o.label}</label>
    ${o.hint ? html`<div class="hint" id="${o.id}-hint">${o.hint}</div>` : nothing}
    ${o.error ? errorMessage(`${o.id}-error`, o.errorPrefix, o.error) : nothing}
    ${control({ id: o.id, describedBy: describedBy || nothing, invalid: o.error ? 'true' : 'false' })}
  </div>`;
}

/** A text box (one line, or `rows` lines) for a field. */
export function textControl(
  p: ControlProps,
  value: string,
  onInput: (value: string) => void,
  rows = 0,
): TemplateResult {
  const input = (e: Event) => onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  return rows > 0
    ? html`<textarea
        id=${p.id}
        class="textarea"
        rows=${rows}
        aria-describedby=${p.describedBy}
        aria-invalid=${p.invalid}
        .value=${live(value)}
        @input=${input}
      ></textarea>`
    : html`<input
        id=${p.id}
        class="input"
        type="text"
        aria-describedby=${p.describedBy}
        aria-invalid=${p.invalid}
        .value=${live(value)}
        @input=${input}
      />`;
}

/** A date box for a field (`YYYY-MM-DD`). */
export function dateControl(
  p: ControlProps,
  value: string,
  onInput: (value: string) => void,
): TemplateResult {
  return html`<input
    id=${p.id}
    class="input input--date"
    type="date"
    aria-describedby=${p.describedBy}
    aria-invalid=${p.invalid}
    .value=${live(value)}
    @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
  />`;
}

/** A list to choose from for a field: `[value, label]` pairs, with an empty first choice. */
export function selectControl(
  p: ControlProps,
  value: string,
  options: readonly (readonly [string, string])[],
  onChange: (value: string) => void,
  emptyLabel = '',
): TemplateResult {
  return html`<select
    id=${p.id}
    class="select"
    aria-describedby=${p.describedBy}
    aria-invalid=${p.invalid}
    @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}
  >
    <option value="" ?selected=${value === ''}>${emptyLabel}</option>
    ${options.map(([v, text]) => html`<option value=${v} ?selected=${value === v}>${text}</option>`)}
  </select>`;
}
