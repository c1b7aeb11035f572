import { css } from 'lit';

/** Styles of `<at-exit-this-page>`: a red button that stays in view as the page scrolls. */
export const styles = css`
  :host {
    display: block;
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--at-space-1, 0.25rem) var(--at-space-3, 1rem);
    padding-block: var(--at-space-2, 0.5rem);
    background: var(--at-color-background, #ffffff);
    font-family: var(--at-font-family, system-ui, sans-serif);
  }

  .button {
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-block: var(--at-space-2, 0.5rem);
    padding-inline: var(--at-space-3, 1rem);
    border: 2px solid transparent;
    border-radius: var(--at-radius, 0);
    background: var(--at-color-error, #d4351c);
    color: #ffffff;
    box-shadow: 0 2px 0 #55150b;
    font: inherit;
    font-size: var(--at-font-size-body, 1.1875rem);
    font-weight: 700;
    cursor: pointer;
  }

  .button:focus-visible {
    outline: var(--at-focus-width, 3px) solid var(--at-color-focus, #ffdd00);
    outline-offset: 0;
    box-shadow: 0 4px 0 var(--at-color-focus-text, #0b0c0c);
    background-color: var(--at-color-focus, #ffdd00);
    color: var(--at-color-focus-text, #0b0c0c);
  }

  .hint {
    font-size: var(--at-font-size-small, 1rem);
    color: var(--at-color-text-secondary, #484949);
  }

  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
`;
