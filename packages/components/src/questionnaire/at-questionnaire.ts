/**
 * Registers `<at-questionnaire>` (and the `<at-progress>` and `<at-exit-this-page>` it shows). Import this file
 * (`@all-together/components/at-questionnaire.js`) once; importing the class alone registers
 * nothing.
 *
 * @module
 */
import '../exit/at-exit-this-page.js';
import '../progress/at-progress.js';
import { defineElement } from '../shared/define.js';
import { AtQuestionnaire } from './questionnaire.js';

defineElement('at-questionnaire', AtQuestionnaire);

export { AtQuestionnaire };
// The event classes and their GlobalEventHandlersEventMap entries live in their own module; this
// re-export makes the entry's types declare them, so importing this file alone types `at-submit`.
export type * from './questionnaire.events.js';

declare global {
  interface HTMLElementTagNameMap {
    'at-questionnaire': AtQuestionnaire;
  }
}
