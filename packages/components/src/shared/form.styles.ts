import { css } from 'lit';

/**
 * The GOV.UK-shaped form vocabulary `<at-audit>` and `<at-action-plan>` share: headings, hints,
 * radios, fields, buttons, tags, tables, details, the error summary. Every colour and size reads a
 * global token (ADR 0005) with its default; logical properties keep right-to-left text right.
 */
export const formStyles = css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    box-sizing: border-box;
    max-inline-size: var(--_at-max-width, 48rem);
    font-family: var(--at-font-family, system-ui, sans-serif);
    font-size: var(--at-font-size-body, 1.1875rem);
    line-height: 1.4;
    color: var(--at-color-text, #0b0c0c);
    background-color: var(--at-color-background, #ffffff);
  }

  .heading-l,
  .heading-m,
  .heading-s {
    margin-block: 0 var(--at-space-3, 1rem);
    font-weight: 700;
    line-height: 1.2;
  }
  .heading-l {
    font-size: var(--at-font-size-heading-l, 2rem);
  }
  .heading-m {
    font-size: var(--at-font-size-heading-m, 1.5rem);
  }
  .heading-s {
    font-size: var(--at-font-size-heading-s, 1.1875rem);
  }

  p {
    margin-block: 0 var(--at-space-3, 1rem);
  }

  .caption,
  .hint {
    color: var(--at-color-text-secondary, #484949);
  }
  .caption {
    margin-block-end: var(--at-space-1, 0.25rem);
  }
  .hint {
    font-size: var(--at-font-size-small, 1rem);
    margin-block-end: var(--at-space-2, 0.5rem);
  }

  .inset {
    padding: var(--at-space-3, 1rem);
    border-inline-start: 0.625rem solid var(--at-color-border, #505a5f);
    background-color: var(--at-color-surface, #f3f2f1);
  }

  .notice,
  .problem {
    padding: var(--at-space-3, 1rem);
    border: 0.3125rem solid var(--at-color-error, #d4351c);
  }

  .flag {
    display: block;
    font-weight: 700;
    color: var(--at-color-text, #0b0c0c);
    border-inline-start: 0.3125rem solid var(--at-color-warning, #f47738);
    padding-inline-start: var(--at-space-2, 0.5rem);
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  /* Fieldset and radios (GOV.UK radios: 40px circles on a 44px target, A3). */
  .fieldset {
    margin: 0 0 var(--at-space-4, 1.5rem);
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .legend {
    padding: 0;
  }
  .option {
    position: relative;
    display: grid;
    grid-template-columns: 2.75rem 1fr;
    column-gap: var(--at-space-2, 0.5rem);
    align-items: start;
    margin-block-end: var(--at-space-2, 0.5rem);
  }
  .option__input {
    grid-row: 1 / span 2;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    margin: 0;
    accent-color: var(--at-color-text, #0b0c0c);
    cursor: pointer;
  }
  .option__label {
    align-self: center;
    padding-block: var(--at-space-2, 0.5rem);
    cursor: pointer;
    font-weight: 700;
  }
  .option__hint {
    grid-column: 2;
  }
  .divider {
    margin-block: var(--at-space-2, 0.5rem);
    inline-size: 2.75rem;
    text-align: center;
  }

  /* Fields. */
  .field {
    margin-block-end: var(--at-space-4, 1.5rem);
  }
  .field--error {
    padding-inline-start: var(--at-space-3, 1rem);
    border-inline-start: 0.3125rem solid var(--at-color-error, #d4351c);
  }
  .label {
    display: block;
    font-weight: 700;
    margin-block-end: var(--at-space-1, 0.25rem);
  }
  .input,
  .textarea,
  .select {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: var(--at-space-1, 0.25rem);
    font: inherit;
    color: var(--at-color-text, #0b0c0c);
    background-color: var(--at-color-background, #ffffff);
    border: 2px solid var(--at-color-border, #505a5f);
    border-radius: var(--at-radius, 0);
  }
  .input--date {
    inline-size: auto;
  }
  .field--error .input,
  .field--error .textarea,
  .field--error .select {
    border-color: var(--at-color-error, #d4351c);
  }
  .error-message {
    font-weight: 700;
    color: var(--at-color-error, #d4351c);
    margin-block-end: var(--at-space-2, 0.5rem);
  }
  .checkbox {
    display: flex;
    gap: var(--at-space-2, 0.5rem);
    align-items: center;
    min-block-size: 2.75rem;
  }
  .checkbox input {
    inline-size: 1.75rem;
    block-size: 1.75rem;
    accent-color: var(--at-color-text, #0b0c0c);
  }

  /* Buttons: 44px tall at least (A3). */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--at-space-3, 1rem);
    align-items: center;
    margin-block: var(--at-space-4, 1.5rem);
  }
  .button {
    min-block-size: 2.75rem;
    padding: var(--at-space-2, 0.5rem) var(--at-space-3, 1rem);
    font: inherit;
    font-weight: 400;
    color: var(--at-color-primary-text, #ffffff);
    background-color: var(--at-color-primary, #1d70b8);
    border: 2px solid transparent;
    border-radius: var(--at-radius, 0);
    box-shadow: 0 2px 0 #002d18;
    cursor: pointer;
  }
  .button--secondary {
    color: var(--at-color-text, #0b0c0c);
    background-color: var(--at-color-secondary-button, #f3f2f1);
    box-shadow: 0 2px 0 #858686;
  }
  .button--small {
    font-size: var(--at-font-size-small, 1rem);
  }
  .link,
  .link-text {
    color: var(--at-color-link, #1d70b8);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .link {
    min-block-size: 2.75rem;
    padding: 0;
    font: inherit;
    text-align: start;
    background: none;
    border: 0;
    cursor: pointer;
  }
  .link-text:visited {
    color: var(--at-color-link-visited, #4c2c92);
  }

  /* Visible focus: yellow and black (GOV.UK). */
  .button:focus-visible,
  .link:focus-visible,
  .link-text:focus-visible,
  .details__summary:focus-visible,
  a:focus-visible {
    outline: var(--at-focus-width, 3px) solid transparent;
    color: var(--at-color-focus-text, #0b0c0c);
    background-color: var(--at-color-focus, #ffdd00);
    box-shadow:
      0 -2px var(--at-color-focus, #ffdd00),
      0 4px var(--at-color-focus-text, #0b0c0c);
    text-decoration: none;
  }
  .input:focus,
  .textarea:focus,
  .select:focus,
  .option__input:focus-visible,
  .checkbox input:focus-visible {
    outline: var(--at-focus-width, 3px) solid var(--at-color-focus, #ffdd00);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--at-color-focus-text, #0b0c0c);
  }
  .error-summary:focus,
  [tabindex='-1']:focus {
    outline: var(--at-focus-width, 3px) solid var(--at-color-focus, #ffdd00);
  }
  h2[tabindex='-1']:focus {
    outline: none;
  }

  /* Tags: text, never colour alone. */
  .tag {
    display: inline-block;
    padding: 0.125rem var(--at-space-2, 0.5rem);
    font-weight: 400;
    color: var(--at-color-text, #0b0c0c);
    background-color: var(--at-color-surface, #f3f2f1);
    border-inline-start: 0.3125rem solid var(--at-color-border, #505a5f);
  }
  .tag--met,
  .tag--auditStatusCompleted {
    border-inline-start-color: var(--at-color-success, #00703c);
  }
  .tag--auditStatusInProgress {
    border-inline-start-color: var(--at-color-primary, #1d70b8);
  }
  .tag--unmet,
  .tag--overdue {
    border-inline-start-color: var(--at-color-error, #d4351c);
  }

  /* Tables. */
  .table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block-end: var(--at-space-5, 2rem);
  }
  .table caption {
    text-align: start;
  }
  .table th,
  .table td {
    padding: var(--at-space-2, 0.5rem) var(--at-space-3, 1rem) var(--at-space-2, 0.5rem) 0;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid var(--at-color-border, #505a5f);
  }
  .table .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  /* Details. */
  .details {
    margin-block-end: var(--at-space-4, 1.5rem);
  }
  .details__summary {
    display: inline-block;
    min-block-size: 2.75rem;
    padding-block: var(--at-space-2, 0.5rem);
    color: var(--at-color-link, #1d70b8);
    text-decoration: underline;
    cursor: pointer;
  }
  .details__text {
    padding: var(--at-space-3, 1rem);
    border-inline-start: 0.3125rem solid var(--at-color-border, #505a5f);
  }

  /* Error summary. */
  .error-summary {
    padding: var(--at-space-3, 1rem);
    margin-block-end: var(--at-space-4, 1.5rem);
    border: 0.3125rem solid var(--at-color-error, #d4351c);
  }
  .error-summary__list {
    margin: 0;
    padding-inline-start: 0;
    list-style: none;
  }
  .error-summary__list a {
    font-weight: 700;
    color: var(--at-color-error, #d4351c);
  }

  .status:empty {
    display: none;
  }

  /* Forced colours last: system colours keep borders, tags and focus visible (A8). */
  @media (forced-colors: active) {
    .tag,
    .flag,
    .button {
      border: 2px solid CanvasText;
    }
    .button:focus-visible,
    .link:focus-visible,
    a:focus-visible,
    .details__summary:focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
