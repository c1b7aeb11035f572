// Guides › Theme tokens: every colour token of the current theme as a swatch with its value, read
// from the page at run time (switch the Theme in the toolbar to compare).
import { html, LitElement, css } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DESIGN_TOKENS } from '@all-together/components';

/** The colour tokens of ADR 0005, in the order of the table there. */
const COLOUR_TOKENS = DESIGN_TOKENS.filter((token) => token.startsWith('--at-color-'));

/** A table of swatches. Each swatch's colour is set from code (CSSOM), never a style attribute. */
class AtStoryTokens extends LitElement {
  static override properties = { theme: {} };

  /** The toolbar's theme: a change re-reads the tokens. */
  declare theme: string;

  static override styles = css`
    table {
      border-collapse: collapse;
      font-size: var(--at-font-size-small, 1rem);
    }
    th,
    td {
      padding: var(--at-space-1, 0.25rem) var(--at-space-3, 1rem);
      border-block-end: 1px solid var(--at-color-border, #505a5f);
      text-align: start;
    }
    .swatch {
      display: inline-block;
      inline-size: 3rem;
      block-size: 1.5rem;
      border: 1px solid var(--at-color-text, #0b0c0c);
      background: var(--_swatch);
      forced-color-adjust: none;
    }
  `;

  override render() {
    const root = getComputedStyle(document.documentElement);
    return html`<table>
      <caption>
        Colour tokens of the current theme
      </caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Swatch</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        ${COLOUR_TOKENS.map(
          (token) =>
            html`<tr>
              <th scope="row"><code>${token}</code></th>
              <td><span class="swatch" data-token=${token} aria-hidden="true"></span></td>
              <td><code>${root.getPropertyValue(token).trim() || '(fallback)'}</code></td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  protected override updated() {
    for (const swatch of this.renderRoot.querySelectorAll<HTMLElement>('.swatch')) {
      swatch.style.setProperty('--_swatch', `var(${swatch.dataset['token']})`);
    }
  }
}
if (!customElements.get('at-story-tokens')) customElements.define('at-story-tokens', AtStoryTokens);

const meta = {
  title: 'Guides/Theme tokens',
  parameters: { layout: 'padded' },
} satisfies Meta;

export default meta;

/** Colour tokens as the current theme sets them. */
export const Colours: StoryObj = {
  render: (_args, { globals }) =>
    html`<at-story-tokens .theme=${String(globals['theme'])}></at-story-tokens>`,
};
