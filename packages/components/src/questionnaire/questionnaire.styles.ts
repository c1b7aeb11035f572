import { css } from 'lit';

/** Styles of `<at-questionnaire>`: GOV.UK-like, logical properties only (right-to-left works). */
export const styles = css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    /* Check answers reads by the element's own width, not the window's (a narrow column). */
    container-type: inline-size;
    max-inline-size: var(--at-questionnaire-max-width, 40rem);
    font-family: var(--at-font-family, system-ui, sans-serif);
    font-size: var(--at-font-size-body, 1.1875rem);
    line-height: 1.4;
    color: var(--at-color-text, #0b0c0c);
    background: var(--at-color-background, #ffffff);
  }

  .base > * + *,
  .question > * + *,
  .panel > * + * {
    margin-block-start: var(--at-questionnaire-gap, var(--at-space-4, 1.5rem));
  }

  p,
  h1,
  h2,
  ul,
  dl {
    margin-block: 0;
  }

  .title {
    font-size: var(--at-font-size-heading-l, 2rem);
    line-height: 1.2;
    margin: 0;
  }

  .subtitle,
  h2 {
    font-size: var(--at-font-size-heading-m, 1.5rem);
    line-height: 1.25;
    margin: 0;
  }

  .title:focus {
    outline: none;
  }

  .caption,
  .hint,
  .count,
  .progress-note,
  .help-line {
    color: var(--at-color-text-secondary, #484949);
  }

  /* The sticky Exit this page bar must never cover the control that has focus (A3). */
  :is(button, a, input, textarea, [tabindex]) {
    scroll-margin-block: 6rem 1rem;
  }

  .progress-note,
  .help-line {
    font-size: var(--at-font-size-small, 1rem);
  }

  .progress > * + * {
    margin-block-start: var(--at-space-1, 0.25rem);
  }

  .read-aloud {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--at-space-2, 0.5rem) var(--at-space-3, 1rem);
  }

  .read-note:empty {
    display: none;
  }

  .read-note {
    font-weight: 700;
  }

  .caption {
    margin-block-end: calc(-1 * var(--at-space-3, 1rem));
  }

  button {
    font: inherit;
    cursor: pointer;
  }

  .button,
  .read,
  .back {
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-block: var(--at-space-2, 0.5rem);
    padding-inline: var(--at-space-3, 1rem);
    border: 2px solid transparent;
    border-radius: var(--at-radius, 0);
    box-shadow: 0 2px 0 var(--at-color-text, #0b0c0c);
    background: var(--at-color-primary, #1d70b8);
    color: var(--at-color-primary-text, #ffffff);
  }

  .secondary,
  .read,
  .back {
    background: var(--at-color-secondary-button, #f3f2f1);
    color: var(--at-color-text, #0b0c0c);
    box-shadow: 0 2px 0 #929191;
  }

  .back {
    box-shadow: none;
    background: transparent;
    text-decoration: underline;
    padding-inline: 0;
  }

  .read {
    display: inline-flex;
    align-items: center;
    gap: var(--at-space-2, 0.5rem);
  }

  .read svg {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--at-space-3, 1rem);
  }

  /* Continue and Skip, Start and "I don't want to take part": the same size (P5). */
  .buttons .button {
    flex: 1 1 12rem;
    max-inline-size: 16rem;
    font-weight: 700;
  }

  .link {
    border: 0;
    padding: 0;
    background: none;
    color: var(--at-color-link, #1d70b8);
    text-decoration: underline;
    min-block-size: 24px;
    text-align: start;
  }

  /* Change on check answers: a full-size target (A3), not a 32 px line of text. */
  .link.change {
    min-block-size: 44px;
    min-inline-size: 44px;
  }

  a {
    color: var(--at-color-link, #1d70b8);
  }

  a:visited {
    color: var(--at-color-link-visited, #4c2c92);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  legend {
    padding: 0;
    margin-block-end: var(--at-space-3, 1rem);
  }

  .question.has-error {
    border-inline-start: 5px solid var(--at-color-error, #d4351c);
    padding-inline-start: var(--at-space-3, 1rem);
  }

  .options {
    display: flex;
    flex-direction: column;
    gap: var(--at-space-2, 0.5rem);
    margin-block-start: var(--at-space-3, 1rem);
  }

  .option {
    display: flex;
    align-items: center;
    gap: var(--at-space-3, 1rem);
    min-block-size: 44px;
    padding-block: var(--at-space-1, 0.25rem);
    cursor: pointer;
  }

  .option input {
    flex: none;
    inline-size: 2rem;
    block-size: 2rem;
    margin: 0;
    accent-color: var(--at-color-text, #0b0c0c);
    cursor: pointer;
  }

  .faces {
    flex-direction: row;
    flex-wrap: wrap;
  }

  .faces .option {
    flex: 1 1 8rem;
    flex-direction: column;
    justify-content: center;
    text-align: center;
    gap: var(--at-space-2, 0.5rem);
    min-block-size: 44px;
    padding: var(--at-space-3, 1rem);
    border: 2px solid var(--at-color-border, #505a5f);
    border-radius: var(--at-radius, 0);
  }

  .faces .option:has(input:checked) {
    border-width: 5px;
    border-color: var(--at-color-text, #0b0c0c);
    background: var(--at-color-surface, #f3f2f1);
    padding: calc(var(--at-space-3, 1rem) - 3px);
  }

  .face {
    inline-size: 4rem;
    block-size: 4rem;
  }

  textarea {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    padding: var(--at-space-2, 0.5rem);
    font: inherit;
    border: 2px solid var(--at-color-border, #505a5f);
    border-radius: var(--at-radius, 0);
  }

  .has-error textarea,
  .count.over {
    border-color: var(--at-color-error, #d4351c);
  }

  .count.over {
    color: var(--at-color-error, #d4351c);
    font-weight: 700;
  }

  .inset {
    padding: var(--at-space-3, 1rem);
    border-inline-start: 10px solid var(--at-color-border, #b1b4b6);
  }

  .warning {
    font-weight: 700;
  }

  .warning span {
    display: inline-grid;
    place-items: center;
    inline-size: 2rem;
    block-size: 2rem;
    border-radius: 50%;
    background: var(--at-color-text, #0b0c0c);
    color: var(--at-color-background, #ffffff);
    margin-inline-end: var(--at-space-2, 0.5rem);
  }

  .error-summary {
    padding: var(--at-space-3, 1rem);
    border: 5px solid var(--at-color-error, #d4351c);
  }

  .error-summary ul {
    margin-block-start: var(--at-space-3, 1rem);
    padding-inline-start: 0;
    list-style: none;
  }

  .error-summary a,
  .error-message {
    color: var(--at-color-error, #d4351c);
    font-weight: 700;
  }

  .summary .row {
    display: grid;
    grid-template-columns: 1fr 1fr auto;
    gap: var(--at-space-3, 1rem);
    padding-block: var(--at-space-2, 0.5rem);
    border-block-end: 1px solid var(--at-color-border, #b1b4b6);
  }

  .summary dt {
    font-weight: 700;
  }

  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  /* Narrow (a phone at 320–375 px): question, answer and Change one under another, full width. */
  @container (max-width: 30rem) {
    .summary .row {
      grid-template-columns: 1fr;
      gap: var(--at-space-1, 0.25rem);
    }
  }

  .panel {
    padding: var(--at-space-5, 2rem);
    background: var(--at-color-success, #00703c);
    color: #ffffff;
    text-align: center;
  }

  .panel.plain {
    background: var(--at-color-surface, #f3f2f1);
    color: var(--at-color-text, #0b0c0c);
  }

  .links {
    padding-inline-start: var(--at-space-4, 1.5rem);
  }

  .help > * + * {
    margin-block-start: var(--at-space-3, 1rem);
  }

  .vh {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Visible focus: yellow with a black bar (GOV.UK). */
  .error-summary:focus {
    outline: var(--at-focus-width, 3px) solid var(--at-color-focus, #ffdd00);
  }

  :is(button, a, textarea, input):focus-visible {
    outline: var(--at-focus-width, 3px) solid var(--at-color-focus, #ffdd00);
    outline-offset: 0;
    box-shadow: 0 4px 0 var(--at-color-focus-text, #0b0c0c);
    background-color: var(--at-color-focus, #ffdd00);
    color: var(--at-color-focus-text, #0b0c0c);
  }

  .option:has(input:focus-visible) {
    outline: var(--at-focus-width, 3px) solid var(--at-color-focus, #ffdd00);
    box-shadow: 0 0 0 calc(var(--at-focus-width, 3px) * 2) var(--at-color-focus-text, #0b0c0c);
  }

  @media (prefers-reduced-motion: no-preference) {
    .button,
    .option {
      transition: background-color 100ms ease-out;
    }
  }

  /* Forced colours last: the chosen face and errors stay visible (A8). */
  @media (forced-colors: active) {
    .faces .option:has(input:checked) {
      border-color: Highlight;
    }

    .error-summary,
    .question.has-error {
      border-color: CanvasText;
    }

    .panel {
      border: 3px solid CanvasText;
    }
  }
`;
