import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';

/** Styles of `<at-evidence>`: the shared form vocabulary plus the portfolio's table. */
export const styles = [
  formStyles,
  css`
    .base {
      --_at-max-width: var(--at-evidence-max-width, 60rem);
    }

    .items {
      margin-block-end: var(--at-space-4, 1.5rem);
    }

    .privacy {
      border-inline-start: 4px solid var(--at-color-primary, #1d70b8);
      padding-inline-start: var(--at-space-2, 0.75rem);
    }

    .remove {
      min-block-size: 44px;
    }
  `,
];
