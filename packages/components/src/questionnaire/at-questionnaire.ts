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

declare global {
  interface HTMLElementTagNameMap {
    'at-questionnaire': AtQuestionnaire;
  }
}
