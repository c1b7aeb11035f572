import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';

/** Styles of `<at-programme-tracker>`: the shared form vocabulary, filters and a scrolling table. */
export const styles = [
  formStyles,
  css`
    .base {
      --_at-max-width: var(--at-programme-tracker-max-width, none);
    }

    .summary {
      font-weight: 700;
    }

    .filters {
      margin: 0 0 var(--at-space-3, 1rem);
      padding: 0;
      border: 0;
    }

    .filters__row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--at-space-4, 1.5rem);
      align-items: flex-end;
    }

    .filters__row .field {
      margin-block-end: var(--at-space-3, 1rem);
    }

    .field--search .input {
      inline-size: 18rem;
      max-inline-size: 100%;
    }

    .actions {
      margin-block: 0 var(--at-space-3, 1rem);
    }

    /* The table scrolls in its own labelled region, so a narrow screen never scrolls the page
       sideways (A8); the region takes focus so it scrolls by keyboard too. */
    .scroll {
      overflow-x: auto;
      margin-block-end: var(--at-space-4, 1.5rem);
    }

    .scroll:focus-visible {
      outline: var(--at-focus-width, 3px) solid var(--at-color-focus, #ffdd00);
      outline-offset: 2px;
    }

    .table {
      min-inline-size: 64rem;
      margin-block-end: 0;
      font-size: var(--at-font-size-small, 1rem);
    }

    .table thead th {
      vertical-align: bottom;
    }

    .table th[scope='row'] {
      font-weight: 400;
    }

    .hint,
    .line,
    .count,
    .rate {
      display: block;
    }

    .table .hint {
      margin: 0;
      font-size: inherit;
    }

    .rate {
      color: var(--at-color-secondary-text, #505a5f);
    }

    .school {
      font-weight: 700;
      min-block-size: 1.5rem;
    }

    .sort {
      display: inline-block;
      min-block-size: 2.75rem;
      padding: 0;
      font: inherit;
      font-weight: 700;
      color: var(--at-color-link, #1d70b8);
      text-align: start;
      background: none;
      border: 0;
      cursor: pointer;
    }

    .sort:focus-visible {
      outline: var(--at-focus-width, 3px) solid transparent;
      color: var(--at-color-focus-text, #0b0c0c);
      background-color: var(--at-color-focus, #ffdd00);
      box-shadow:
        0 -2px var(--at-color-focus, #ffdd00),
        0 4px var(--at-color-focus-text, #0b0c0c);
    }

    .sort__icon {
      margin-inline-start: var(--at-space-1, 0.25rem);
    }

    /* The school column stays in view while the rest of the table scrolls sideways. */
    .table th:first-child {
      position: sticky;
      inset-inline-start: 0;
      z-index: 1;
      background-color: var(--at-color-background, #ffffff);
      box-shadow: inset -1px 0 var(--at-color-border, #b1b4b6);
    }

    .flags .tag {
      display: block;
      inline-size: max-content;
      margin-block-end: var(--at-space-1, 0.25rem);
    }

    code {
      font-family: ui-monospace, monospace;
    }

    @media (forced-colors: active) {
      .sort:focus-visible,
      .scroll:focus-visible {
        outline: 3px solid Highlight;
      }
    }
  `,
];
