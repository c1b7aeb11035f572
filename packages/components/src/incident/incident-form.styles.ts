import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';

/** Styles of `<at-incident-form>`: the shared form vocabulary plus the notices and action rows. */
export const styles = [
  formStyles,
  css`
    .base {
      --_at-max-width: var(--at-incident-form-max-width, 48rem);
    }

    .no-names,
    .warning {
      border-inline-start: 4px solid var(--at-color-primary, #1d70b8);
      padding-inline-start: var(--at-space-2, 0.75rem);
      font-weight: 700;
    }

    .warning {
      border-color: var(--at-color-error, #d4351c);
    }

    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--at-space-3, 1rem);
      align-items: end;
    }

    .row .input {
      max-inline-size: 20rem;
    }

    .input--short {
      max-inline-size: 10rem;
    }

    .locked {
      border: 0;
      margin: 0;
      padding: 0;
      min-inline-size: 0;
    }
  `,
];
