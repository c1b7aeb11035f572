import { css } from 'lit';
import { formStyles } from '../shared/form.styles.js';

/** Styles of `<at-audit>`: the shared form vocabulary plus the task list and the 360° panel. */
export const styles = [
  formStyles,
  css`
    .base {
      --_at-max-width: var(--at-audit-max-width, 48rem);
    }

    .task-list {
      margin: 0 0 var(--at-space-5, 2rem);
      padding: 0;
      list-style: none;
      border-block-start: 1px solid var(--at-color-border, #505a5f);
    }
    .task {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: var(--at-space-2, 0.5rem);
      padding-block: var(--at-space-3, 1rem);
      border-block-end: 1px solid var(--at-color-border, #505a5f);
    }
    .task__name .hint {
      margin: 0;
    }

    .statement__id {
      color: var(--at-color-text-secondary, #484949);
    }

    .perception {
      margin-block-end: var(--at-space-4, 1.5rem);
      padding: var(--at-space-3, 1rem);
      background-color: var(--at-color-surface, #f3f2f1);
    }
    .perception__list {
      margin: 0;
      padding-inline-start: var(--at-space-4, 1.5rem);
    }
    .perception__list li + li {
      margin-block-start: var(--at-space-2, 0.5rem);
    }

    .evidence__list {
      padding-inline-start: var(--at-space-4, 1.5rem);
    }
    .evidence__item {
      margin-block-end: var(--at-space-3, 1rem);
    }
    .evidence__note,
    .evidence__url {
      display: block;
      overflow-wrap: anywhere;
    }
    .evidence__url {
      color: var(--at-color-text-secondary, #484949);
    }
  `,
];
