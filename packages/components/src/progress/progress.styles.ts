import { css } from 'lit';

/** Styles of `<at-progress>`. The fill's width comes from `--_at-progress-fill`, set by the element. */
export const styles = css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--at-space-1, 0.25rem);
  }

  .label {
    margin: 0;
  }

  .bar {
    box-sizing: border-box;
    block-size: 0.625rem;
    overflow: hidden;
    border: 1px solid var(--at-color-border, #505a5f);
    background-color: var(--at-progress-track-color, var(--at-color-track, #f3f2f1));
  }

  .bar__fill {
    /* Logical size, so the bar fills from the right in right-to-left text. */
    inline-size: var(--_at-progress-fill, 0%);
    block-size: 100%;
    background-color: var(--at-progress-bar-color, var(--at-color-primary, #1d70b8));
  }

  /* Motion only for people who have not asked for less (A8). */
  @media (prefers-reduced-motion: no-preference) {
    .bar__fill {
      transition: inline-size 200ms ease-out;
    }
  }

  /* Forced colours last: system colours keep the fill visible against the track (A8). */
  @media (forced-colors: active) {
    .bar {
      border-color: CanvasText;
      background-color: Canvas;
    }

    .bar__fill {
      forced-color-adjust: none;
      background-color: CanvasText;
    }
  }
`;
