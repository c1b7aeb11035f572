import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { AtElement } from '../shared/at-element.js';
import { defineDefaultStrings } from '../shared/i18n.js';
import { ExitShortcutController } from './exit-controller.js';
import { AtExitEvent, DEFAULT_EXIT_URL } from './exit-this-page.events.js';
import { exitStrings } from './exit.strings.js';
import { styles } from './exit-this-page.styles.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...exitStrings });

export { DEFAULT_EXIT_URL };

/**
 * GOV.UK's "Exit this page" for pages about sensitive things: a red button that stays at the top
 * of the screen as the page scrolls (sticky), and the shortcut Shift pressed three times. Either
 * one fires `at-exit` (cancelable) and then, unless a listener cancelled it, replaces the page with
 * `exit-url` (`location.replace`: Back does not come back, nothing is put in the URL).
 *
 * Put it first in the page's main content, on every screen of a sensitive journey (the class-code
 * page too), so it is in the same place each time (A5). `<at-questionnaire>` shows one itself.
 *
 * @summary A sticky "Exit this page" button with GOV.UK's Shift-three-times shortcut.
 * @tagname at-exit-this-page
 *
 * @event {CustomEvent<{ url: string }>} at-exit - The person pressed Exit this page or Shift three times. Cancelable: `preventDefault()` stops the navigation.
 *
 * @csspart base - The bar around the button and the hint.
 * @csspart button - The button.
 * @csspart hint - The keyboard shortcut line.
 */
export class AtExitThisPage extends AtElement {
  static override styles = styles;

  /** Where the page goes (with `location.replace`). */
  @property({ attribute: 'exit-url' }) exitUrl: string = DEFAULT_EXIT_URL;

  /** Show the keyboard shortcut line under the button. `hide-hint` hides it (the shortcut still works). */
  @property({ type: Boolean, attribute: 'hide-hint' }) hideHint = false;

  /** Turns the Shift shortcut and the button off without removing the element (while a dialog is open, say). */
  @property({ type: Boolean }) disabled = false;

  constructor() {
    super();
    new ExitShortcutController(this, () => {
      if (!this.disabled) this.exit();
    });
  }

  /**
   * Leaves now: fires `at-exit`, then replaces the page unless a listener cancelled it. The same as
   * pressing the button.
   *
   * @returns `false` when a listener cancelled the navigation.
   */
  exit(): boolean {
    const url = this.exitUrl || DEFAULT_EXIT_URL;
    const event = this.emit(new AtExitEvent(url));
    if (event.defaultPrevented) return false;
    location.replace(url);
    return true;
  }

  protected override render() {
    return html`<div part="base" class="base">
      <button
        type="button"
        part="button"
        class="button"
        ?disabled=${this.disabled}
        @click=${() => this.exit()}
      >
        ${this.localize.term('exitButton', {})}
      </button>
      ${
        this.hideHint
          ? null
          : html`<span part="hint" class="hint">${this.localize.term('exitHint', {})}</span>`
      }
    </div>`;
  }
}
