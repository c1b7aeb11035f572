/**
 * Registers `<at-results>`. Import this file (`@all-together/components/at-results.js`) once;
 * importing the class alone registers nothing.
 *
 * @module
 */
import { defineElement } from '../shared/define.js';
import { AtResults } from './results.js';

defineElement('at-results', AtResults);

export { AtResults };

declare global {
  interface HTMLElementTagNameMap {
    'at-results': AtResults;
  }
}
