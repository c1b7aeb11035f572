import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';

/** Styles of `<at-action-plan>`: the shared form vocabulary plus sections, lists and tables. */
export const styles = [
  formStyles,
  css`
    .base {
      --_at-max-width: var(--at-action-plan-max-width, 60rem);
    }

    .section {
      margin-block-end: var(--at-space-6, 3rem);
    }

    .block {
      display: block;
    }

    .inline-list {
      display: flex;
      flex-wrap: wrap;
      gap: var(--at-space-1, 0.25rem) var(--at-space-4, 1.5rem);
      margin: 0 0 var(--at-space-3, 1rem);
      padding: 0;
      list-style: none;
    }

    .overdue {
      padding: 0;
      list-style: none;
    }
    .overdue li {
      margin-block-end: var(--at-space-2, 0.5rem);
    }
    .days {
      display: block;
      font-weight: 700;
    }

    .groups {
      display: block;
      font-weight: 400;
      font-size: var(--at-font-size-small, 1rem);
      color: var(--at-color-text-secondary, #484949);
    }

    .objective {
      padding-block-start: var(--at-space-3, 1rem);
      margin-block-end: var(--at-space-5, 2rem);
      border-block-start: 2px solid var(--at-color-border, #505a5f);
    }

    .summary-list {
      margin: 0 0 var(--at-space-3, 1rem);
    }
    .summary-list > div {
      display: grid;
      grid-template-columns: minmax(8rem, 1fr) 3fr;
      gap: var(--at-space-3, 1rem);
      padding-block: var(--at-space-2, 0.5rem);
      border-block-end: 1px solid var(--at-color-border, #505a5f);
    }
    .summary-list dt {
      font-weight: 700;
    }
    .summary-list dd {
      margin: 0;
    }

    .table-wrap {
      overflow-x: auto;
    }
    .actions-table .select {
      min-inline-size: 9rem;
    }
    .action-details td {
      padding-block-start: 0;
    }

    #priorities tbody th {
      font-weight: 400;
    }

    .criteria {
      table-layout: fixed;
    }
    .criteria th:first-child {
      inline-size: 30%;
    }
    .criteria th:nth-child(2) {
      inline-size: 8rem;
    }
    .tag {
      white-space: nowrap;
    }

    .action-details .details {
      margin-block-end: 0;
    }

    .checkbox input {
      flex: none;
    }

    .reviews {
      padding-inline-start: var(--at-space-4, 1.5rem);
    }
    .reviews li {
      margin-block-end: var(--at-space-3, 1rem);
    }

    /* Change and Delete beside a record; in-page Change forms and delete questions. */
    .record-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--at-space-3, 1rem);
    }
    .edit {
      margin-block: var(--at-space-3, 1rem);
      padding-inline-start: var(--at-space-3, 1rem);
      border-inline-start: 0.3125rem solid var(--at-color-border, #b1b4b6);
      white-space: normal;
    }
    .confirm {
      margin-block: var(--at-space-3, 1rem);
      padding: var(--at-space-3, 1rem);
      border: 0.3125rem solid var(--at-color-error, #d4351c);
      white-space: normal;
    }
    .button--warning {
      color: var(--at-color-primary-text, #ffffff);
      background-color: var(--at-color-error, #d4351c);
      box-shadow: 0 2px 0 #55150b;
    }

    @media (max-width: 40rem) {
      .summary-list > div {
        grid-template-columns: 1fr;
        gap: 0;
      }
    }
  `,
];
