/**
 * The design-token vocabulary (docs/decisions/0005-design-tokens.md): the global CSS custom
 * properties every element reads, each with a built-in fallback. A theme sets exactly these; the
 * package's theme files are tested against this list, and Storybook's token guide is drawn from it.
 *
 * @module
 */

/** Every global token name, in the order of ADR 0005's table. */
export const DESIGN_TOKENS: readonly string[] = [
  '--at-font-family',
  '--at-font-size-body',
  '--at-font-size-small',
  '--at-font-size-heading-l',
  '--at-font-size-heading-m',
  '--at-font-size-heading-s',
  ...[
    'text',
    'text-secondary',
    'background',
    'surface',
    'border',
    'primary',
    'primary-text',
    'secondary-button',
    'link',
    'link-visited',
    'focus',
    'focus-text',
    'error',
    'success',
    'warning',
    'track',
    'rag-green',
    'rag-amber',
    'rag-red',
    'chart-1',
    'chart-2',
    'chart-3',
    'chart-4',
  ].map((name) => `--at-color-${name}`),
  ...[1, 2, 3, 4, 5, 6].map((n) => `--at-space-${n}`),
  '--at-radius',
  '--at-focus-width',
];
