import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';

/** Styles of `<at-moderation>`: the shared form vocabulary plus the decisions list. */
export const styles = [
  formStyles,
  css`
    .base {
      --_at-max-width: var(--at-moderation-max-width, 60rem);
    }

    .decision {
      border-inline-start: 4px solid var(--at-color-primary, #1d70b8);
      padding-inline-start: var(--at-space-2, 0.75rem);
      margin-block-end: var(--at-space-3, 1rem);
    }

    .reasons {
      white-space: pre-line;
    }

    .radio {
      display: flex;
      align-items: center;
      gap: var(--at-space-2, 0.75rem);
      min-block-size: 44px;
    }

    .radio input {
      inline-size: 1.5rem;
      block-size: 1.5rem;
    }
  `,
];
