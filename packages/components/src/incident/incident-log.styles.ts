import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';

/** Styles of `<at-incident-log>`: the shared form vocabulary plus the filters and tables. */
export const styles = [
  formStyles,
  css`
    .base {
      --_at-max-width: var(--at-incident-log-max-width, 60rem);
    }

    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--at-space-3, 1rem);
      border: 0;
      margin: 0;
      padding: 0;
    }

    .filters .field {
      margin-block-end: var(--at-space-2, 0.75rem);
    }

    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }

    .privacy {
      border-inline-start: 4px solid var(--at-color-primary, #1d70b8);
      padding-inline-start: var(--at-space-2, 0.75rem);
    }

    .open {
      min-block-size: 44px;
    }

    .table-wrap {
      overflow-x: auto;
    }
  `,
];
