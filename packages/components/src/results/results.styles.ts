// Just over the 400-line aim (style.md): charts, cards, tables, print and forced-colours rules of
// eight views in one stylesheet.
import { css } from 'lit';

/**
 * Styles of `<at-results>`. Colours come from the design tokens (ADR 0005) with fallbacks that
 * pass contrast on white (text ≥ 4.5:1, graphics ≥ 3:1); series differ by pattern as well as
 * colour, and RAG badges always carry words. Print shows every table and hides buttons.
 */
export const styles = css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    font-family: var(--at-font-family, system-ui, sans-serif);
    font-size: var(--at-font-size-body, 1.1875rem);
    color: var(--at-color-text, #0b0c0c);
    background: var(--at-color-background, #ffffff);
    display: flex;
    flex-direction: column;
    gap: var(--at-space-3, 1rem);
  }

  h2,
  h3,
  p {
    margin: 0;
  }

  .title {
    font-size: var(--at-font-size-heading-l, 2rem);
  }

  h3 {
    font-size: var(--at-font-size-heading-s, 1.1875rem);
  }

  .scope,
  .card__detail,
  .notes,
  caption {
    color: var(--at-color-text-secondary, #484949);
    font-size: var(--at-font-size-small, 1rem);
  }

  .switch {
    border: 1px solid var(--at-color-border, #505a5f);
    padding: var(--at-space-2, 0.5rem) var(--at-space-3, 1rem);
    display: flex;
    flex-wrap: wrap;
    gap: var(--at-space-2, 0.5rem) var(--at-space-4, 1.5rem);
    margin: 0;
  }

  .switch legend {
    font-weight: 700;
    padding: 0 var(--at-space-1, 0.25rem);
  }

  .switch__option {
    display: inline-flex;
    align-items: center;
    gap: var(--at-space-2, 0.5rem);
    cursor: pointer;
  }

  .switch__option input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--at-color-text, #0b0c0c);
  }

  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
    gap: var(--at-space-3, 1rem);
  }

  .card {
    border: 1px solid var(--at-color-border, #505a5f);
    border-inline-start: 6px solid var(--at-results-series-1, var(--at-color-chart-1, #1d70b8));
    background: var(--at-color-surface, #f3f2f1);
    padding: var(--at-space-3, 1rem);
    display: flex;
    flex-direction: column;
    gap: var(--at-space-1, 0.25rem);
  }

  .card--hidden {
    border-inline-start-style: dashed;
  }

  /* A significant change and "no significant change" look different without colour: a
     symbol and words always, a solid bar and bold for a significant one, a dashed one otherwise. */
  .card__change {
    margin-block-start: var(--at-space-2, 0.5rem);
    padding-inline-start: var(--at-space-2, 0.5rem);
    border-inline-start: 5px dashed var(--at-color-border, #505a5f);
  }

  .card__change--improved,
  .card__change--worse {
    font-weight: 700;
    border-inline-start-style: solid;
  }

  .card__change--improved {
    border-inline-start-color: var(--at-color-success, #00703c);
  }

  .card__change--worse {
    border-inline-start-color: var(--at-color-error, #d4351c);
  }

  .card__value {
    font-size: var(--at-font-size-heading-l, 2rem);
    font-weight: 700;
  }

  .lines {
    margin: 0;
    padding-inline-start: var(--at-space-4, 1.5rem);
  }

  /* A hidden SEND or free school meals figure, said in words: an inset, as GOV.UK's. */
  .focus {
    margin: 0;
    padding: var(--at-space-3, 1rem);
    border-inline-start: 0.5rem solid var(--at-color-border, #b1b4b6);
  }

  .focus p {
    margin: 0;
  }

  .focus p + p {
    margin-block-start: var(--at-space-2, 0.5rem);
  }

  .pool-line {
    margin: 0;
  }

  .chart-block {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: var(--at-space-2, 0.5rem);
    break-inside: avoid;
  }

  .chart-block figcaption {
    display: flex;
    flex-direction: column;
    gap: var(--at-space-1, 0.25rem);
  }

  .chart {
    max-inline-size: 100%;
    block-size: auto;
    display: block;
  }

  .chart text {
    font-family: var(--at-font-family, system-ui, sans-serif);
    font-size: 14px;
    fill: var(--at-color-text, #0b0c0c);
  }

  .chart .label {
    font-weight: 700;
  }

  .chart .tick,
  .chart .axis-title {
    fill: var(--at-color-text-secondary, #484949);
  }

  .chart .grid {
    stroke: #b1b4b6;
    stroke-width: 1;
  }

  .chart .axis {
    stroke: var(--at-color-text, #0b0c0c);
    stroke-width: 2;
  }

  .chart .bar.s0 {
    fill: var(--at-results-series-1, var(--at-color-chart-1, #1d70b8));
  }

  .chart .bar.s1 {
    fill: var(--at-results-series-2, var(--at-color-chart-4, #801650));
  }

  .chart .bar.s2 {
    fill: var(--at-results-series-3, #0b0c0c);
  }

  .chart .stripe {
    stroke: #ffffff;
    stroke-width: 3;
  }

  .chart .dot {
    fill: #ffffff;
  }

  .chart .hidden-cell {
    fill: var(--at-color-background, #ffffff);
    stroke: var(--at-color-border, #505a5f);
    stroke-dasharray: 3 2;
  }

  .chart .hatch {
    stroke: var(--at-color-border, #505a5f);
    stroke-width: 1.5;
  }

  .chart .whisker line {
    stroke: var(--at-color-text, #0b0c0c);
    stroke-width: 2;
  }

  .chart .badge rect {
    fill: var(--at-color-background, #ffffff);
    stroke: var(--at-color-text, #0b0c0c);
  }

  .chart .badge.rag-green rect {
    fill: var(--at-color-rag-green, #00703c);
  }

  .chart .badge.rag-green text {
    fill: #ffffff;
  }

  .chart .badge.rag-amber rect {
    fill: var(--at-color-rag-amber, #f47738);
  }

  .chart .badge.rag-red rect {
    fill: var(--at-color-rag-red, #d4351c);
  }

  .chart .badge.rag-red text {
    fill: #ffffff;
  }

  .chart .badge text {
    font-weight: 700;
  }

  .toggle,
  .csv {
    align-self: flex-start;
    font: inherit;
    font-size: var(--at-font-size-small, 1rem);
    color: var(--at-color-text, #0b0c0c);
    background: var(--at-color-secondary-button, #f3f2f1);
    border: 2px solid var(--at-color-border, #505a5f);
    border-radius: var(--at-radius, 0);
    padding: var(--at-space-2, 0.5rem) var(--at-space-3, 1rem);
    cursor: pointer;
  }

  .csv {
    color: var(--at-color-primary-text, #ffffff);
    background: var(--at-color-primary, #1d70b8);
    border-color: var(--at-color-primary, #1d70b8);
  }

  button:focus-visible,
  input:focus-visible {
    outline: var(--at-focus-width, 3px) solid var(--at-color-focus, #ffdd00);
    outline-offset: 0;
    box-shadow: 0 0 0 calc(var(--at-focus-width, 3px) * 2) var(--at-color-focus-text, #0b0c0c);
  }

  .table-wrap {
    overflow-x: auto;
  }

  .table-wrap[hidden] {
    display: none;
  }

  table {
    border-collapse: collapse;
    font-size: var(--at-font-size-small, 1rem);
  }

  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: var(--at-space-1, 0.25rem);
  }

  th,
  td {
    border-block-end: 1px solid var(--at-color-border, #505a5f);
    padding: var(--at-space-1, 0.25rem) var(--at-space-2, 0.5rem);
    text-align: start;
    vertical-align: top;
  }

  td {
    font-variant-numeric: tabular-nums;
  }

  thead th {
    background: var(--at-color-surface, #f3f2f1);
  }

  .notes {
    border-inline-start: 4px solid var(--at-color-border, #505a5f);
    padding-inline-start: var(--at-space-3, 1rem);
  }

  .notes ul {
    margin: var(--at-space-1, 0.25rem) 0 0;
    padding-inline-start: var(--at-space-3, 1rem);
  }

  .invalid {
    border-inline-start: 6px solid var(--at-color-error, #d4351c);
    padding: var(--at-space-3, 1rem);
  }

  @media print {
    .toggle,
    .csv,
    .switch {
      display: none;
    }

    .table-wrap[hidden] {
      display: block;
    }

    .chart-block,
    .card,
    table,
    .notes {
      break-inside: avoid;
    }

    .base {
      background: #ffffff;
      color: #000000;
    }
  }

  /* Forced colours last: system colours, with patterns still telling the series apart. */
  @media (forced-colors: active) {
    .chart {
      forced-color-adjust: none;
    }

    .chart text {
      fill: CanvasText;
    }

    .chart .grid {
      stroke: GrayText;
    }

    .chart .axis,
    .chart .whisker line {
      stroke: CanvasText;
    }

    .chart .bar.s0,
    .chart .bar.s2 {
      fill: CanvasText;
    }

    .chart .bar.s1 {
      fill: Canvas;
      stroke: CanvasText;
    }

    .chart .stripe {
      stroke: CanvasText;
    }

    .chart .dot {
      fill: Canvas;
    }

    .chart .hidden-cell,
    .chart .badge rect,
    .chart .badge.rag-green rect,
    .chart .badge.rag-amber rect,
    .chart .badge.rag-red rect {
      fill: Canvas;
      stroke: CanvasText;
    }

    .chart .badge text,
    .chart .badge.rag-green text,
    .chart .badge.rag-red text {
      fill: CanvasText;
    }

    .chart .hatch {
      stroke: GrayText;
    }

    .card,
    .switch,
    .toggle,
    .csv {
      border-color: CanvasText;
    }
  }
`;
