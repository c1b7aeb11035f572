// Every story gets three globals in the toolbar: theme, text direction and a forced-colours aid.
// Docs tables (properties, attributes, events, parts, CSS properties, slots) come from the
// components' custom-elements.json, generated from their JSDoc by `cem analyze`.
import { html } from 'lit';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import manifest from '@all-together/components/custom-elements.json' with { type: 'json' };
import defaultTheme from '@all-together/components/themes/default.css?inline';
import govukTheme from '@all-together/components/themes/govuk.css?inline';
import { forcedColoursAid, storyPage } from './preview-styles.js';

setCustomElementsManifest(publicApi(manifest));

/**
 * The manifest without private and protected members, which are not part of an element's API
 * (the analyzer records them, marked with `privacy`).
 */
function publicApi<T>(value: T): T {
  if (Array.isArray(value)) {
    return value
      .filter(
        (member: { privacy?: string }) =>
          member?.privacy !== 'private' && member?.privacy !== 'protected',
      )
      .map((member) => publicApi(member)) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, publicApi(child)]),
  ) as T;
}

/** The theme stylesheets, as a consumer would load them (`@all-together/components/themes/*.css`). */
const themes: Record<string, string> = { default: defaultTheme, govuk: govukTheme };

/** One <style> element per concern, created once and rewritten when a global changes. */
function styleElement(id: string): HTMLStyleElement {
  let element = document.getElementById(id);
  if (!(element instanceof HTMLStyleElement)) {
    element = document.createElement('style');
    element.id = id;
    document.head.append(element);
  }
  return element as HTMLStyleElement;
}

const preview: Preview = {
  // Every element gets a Docs page: its stories, and the API tables from custom-elements.json.
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Theme stylesheet (design tokens of ADR 0005)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Theme: default' },
          { value: 'govuk', title: 'Theme: GOV.UK look' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction of the story root',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    forcedColours: {
      description:
        'A page cannot switch forced colours on. "Aid" maps the tokens to system colours and says how to emulate the real thing; the test run emulates it for every story.',
      toolbar: {
        title: 'Forced colours',
        icon: 'contrast',
        items: [
          { value: 'off', title: 'Forced colours: off' },
          { value: 'aid', title: 'Forced colours: approximation + how to emulate' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'default', dir: 'ltr', forcedColours: 'off' },
  decorators: [
    // Events listed in a story's `parameters.actions.handles` appear in the Actions panel.
    withActions,
    (story, { globals }) => {
      const theme = typeof globals['theme'] === 'string' ? globals['theme'] : 'default';
      styleElement('at-story-page').textContent = storyPage;
      styleElement('at-story-theme').textContent = themes[theme] ?? defaultTheme;
      const aid = globals['forcedColours'] === 'aid';
      styleElement('at-story-forced-colours').textContent = aid ? forcedColoursAid : '';
      const dir = globals['dir'] === 'rtl' ? 'rtl' : 'ltr';
      // The story root carries `dir`, so elements resolve direction as they would on a real page.
      return html`<div class="at-story-root" dir=${dir}>
        ${
          aid
            ? html`<p class="at-story-note">
                Approximation: the design tokens are mapped to system colours. Real forced colours
                cannot be switched on from a page: in Chrome DevTools open Rendering and set
                “Emulate CSS media feature forced-colors” to “active”. <code>pnpm test</code> runs
                axe over every story with forced colours emulated.
              </p>`
            : ''
        }
        ${story()}
      </div>`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    // The a11y panel in the UI; `pnpm test` runs the same axe rules over every story.
    a11y: { test: 'error' },
    options: {
      storySort: {
        order: [
          'Guides',
          ['Getting started', 'Theming', 'Privacy and suppression', 'Accessibility statement'],
          'Journeys',
          'Elements',
        ],
      },
    },
  },
};

export default preview;
