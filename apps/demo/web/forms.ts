/**
 * A small GOV.UK form kit for the portal's forms: an error summary ("There is a problem") that takes
 * focus and links to each field, the same words inline above the field, plain field names (never
 * the API's `id:` or `opensOn:`), and the values kept when the form comes back with errors.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from './api.js';

export interface Field {
  /** The API's name for it (the first part of a problem's path). */
  name: string;
  /** The input's id: where the summary's link goes. */
  id: string;
}

export interface FormErrors {
  /** Messages per field name, in the form's field order. */
  fields: Map<string, string>;
  /** Messages that belong to no one field: shown in the summary, linked to the first field. */
  general: string[];
}

export const noErrors = (): FormErrors => ({ fields: new Map(), general: [] });
export const hasErrors = (e: FormErrors): boolean => e.fields.size > 0 || e.general.length > 0;

/**
 * Sorts an API refusal into field errors (by the first part of each problem's path) and general
 * ones (the message alone). Anything that is not an `ApiError` becomes a general, plain message.
 */
export function errorsFrom(e: unknown, fields: readonly Field[]): FormErrors {
  const out = noErrors();
  if (!(e instanceof ApiError)) {
    console.error(e);
    out.general.push('Something went wrong. Please try again.');
    return out;
  }
  const names = new Set(fields.map((f) => f.name));
  for (const p of e.problems) {
    const name = p.path.split('.')[0] ?? '';
    if (names.has(name) && !out.fields.has(name)) out.fields.set(name, p.message);
    else if (!names.has(name)) out.general.push(p.message);
  }
  if (e.problems.length === 0) out.general.push(e.message);
  return out;
}

/** The error summary: put it first in <main>, and focus it (`focusOn('.error-summary')`). */
export function errorSummary(
  errors: FormErrors,
  fields: readonly Field[],
): TemplateResult | typeof nothing {
  if (!hasErrors(errors)) return nothing;
  const first = fields[0];
  const items = [
    ...errors.general.map((message) => ({ id: first?.id, message })),
    ...fields
      .filter((f) => errors.fields.has(f.name))
      .map((f) => ({ id: f.id, message: errors.fields.get(f.name)! })),
  ];
  return html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <div role="alert">
      <h2 class="error-summary__title" id="error-summary-title">There is a problem</h2>
      <ul class="error-summary__list">
        ${items.map((i) =>
          i.id ? html`<li><a href="#${i.id}">${i.message}</a></li>` : html`<li>${i.message}</li>`,
        )}
      </ul>
    </div>
  </div>`;
}

/** The inline error above a field, prefixed "Error:" for screen readers. */
export function fieldError(errors: FormErrors, field: Field): TemplateResult | typeof nothing {
  const message = errors.fields.get(field.name);
  return message
    ? html`<p class="error-message" id="${field.id}-error">
        <span class="visually-hidden">Error:</span> ${message}
      </p>`
    : nothing;
}

/** `aria-describedby` for a field: its hint (when it has one) and its error (when there is one). */
export function describedBy(
  errors: FormErrors,
  field: Field,
  hint = false,
): string | typeof nothing {
  const ids = [
    hint ? `${field.id}-hint` : '',
    errors.fields.has(field.name) ? `${field.id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return ids || nothing;
}

/** The class of a field's group: red rule at its side when it has an error. */
export const groupClass = (errors: FormErrors, field: Field): string =>
  errors.fields.has(field.name) ? 'form-group form-group--error' : 'form-group';

/** A form's values as strings, by input name. */
export function valuesOf(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) out[k] = String(v);
  return out;
}
