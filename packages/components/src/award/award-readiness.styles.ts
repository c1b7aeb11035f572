import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';

/** Styles of `<at-award-readiness>`: the shared form vocabulary plus the criteria tables. */
export const styles = [
  formStyles,
  css`
    .base {
      --_at-max-width: var(--at-award-readiness-max-width, 60rem);
    }

    .criteria {
      margin-block-end: var(--at-space-4, 1.5rem);
    }

    /* Three states, told apart by their words first; the border only repeats them. */
    .tag--not-met {
      border-inline-start-color: var(--at-color-error, #d4351c);
    }

    .tag--needs-judgement {
      border-inline-start-style: dashed;
      border-inline-start-color: var(--at-color-primary, #1d70b8);
    }

    .criteria th:first-child {
      inline-size: 30%;
    }

    .criteria th:nth-child(2) {
      inline-size: 7rem;
    }

    @media (forced-colors: active) {
      .tag--needs-judgement {
        border-style: dashed;
      }
    }

    /* Narrow screens: each criterion is a block (name, result, why) instead of a squeezed row. */
    @media (max-width: 40rem) {
      .criteria thead {
        display: none;
      }

      .criteria tr,
      .criteria th,
      .criteria th:first-child,
      .criteria th:nth-child(2),
      .criteria td {
        display: block;
        inline-size: auto;
      }

      .criteria tr {
        padding-block: var(--at-space-2, 0.5rem);
        border-block-end: 1px solid var(--at-color-border, #b1b4b6);
      }

      .criteria th,
      .criteria td {
        border: 0;
        padding-block: var(--at-space-1, 0.25rem);
      }
    }
  `,
];
