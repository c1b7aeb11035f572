/**
 * Registers `<at-exit-this-page>`. Import this file
 * (`@all-together/components/at-exit-this-page.js`) once; importing the class alone registers
 * nothing.
 *
 * @module
 */
import { defineElement } from '../shared/define.js';
import { AtExitThisPage, DEFAULT_EXIT_URL } from './exit-this-page.js';
import { AtExitEvent, type AtExitDetail } from './exit-this-page.events.js';

defineElement('at-exit-this-page', AtExitThisPage);

export { AtExitThisPage, AtExitEvent, DEFAULT_EXIT_URL, type AtExitDetail };

declare global {
  interface HTMLElementTagNameMap {
    'at-exit-this-page': AtExitThisPage;
  }
}
