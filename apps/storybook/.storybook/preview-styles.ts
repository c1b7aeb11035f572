/** The page a story sits on: the theme's background, text colour and font. */
export const storyPage = `
  body {
    margin: 0;
    background: var(--at-color-background, #ffffff);
    color: var(--at-color-text, #0b0c0c);
    font-family: var(--at-font-family, system-ui, sans-serif);
    font-size: var(--at-font-size-body, 1.1875rem);
  }
  .at-story-root {
    padding: var(--at-space-3, 1rem);
  }
  .at-story-note {
    margin: 0 0 var(--at-space-3, 1rem);
    padding: var(--at-space-2, 0.5rem);
    border: 2px solid currentcolor;
    font-size: var(--at-font-size-small, 1rem);
  }
`;

/**
 * An approximation of forced colours for the UI only: every token becomes a CSS system colour, as
 * a forced-colours palette would. Elements' own `@media (forced-colors: active)` rules do not run;
 * only CDP emulation (DevTools, or the test run) triggers them.
 */
export const forcedColoursAid = `
  :root {
    --at-color-text: CanvasText;
    --at-color-text-secondary: CanvasText;
    --at-color-background: Canvas;
    --at-color-surface: Canvas;
    --at-color-border: CanvasText;
    --at-color-primary: Highlight;
    --at-color-primary-text: HighlightText;
    --at-color-secondary-button: ButtonFace;
    --at-color-link: LinkText;
    --at-color-link-visited: VisitedText;
    --at-color-focus: Highlight;
    --at-color-focus-text: HighlightText;
    --at-color-error: CanvasText;
    --at-color-success: CanvasText;
    --at-color-warning: CanvasText;
    --at-color-track: Canvas;
    --at-color-rag-green: CanvasText;
    --at-color-rag-amber: CanvasText;
    --at-color-rag-red: CanvasText;
    --at-color-chart-1: CanvasText;
    --at-color-chart-2: CanvasText;
    --at-color-chart-3: CanvasText;
    --at-color-chart-4: CanvasText;
  }
`;
