/**
 * Registers `<at-progress>`. Import this file (`@all-together/components/at-progress.js`) once;
 * importing the class alone registers nothing.
 *
 * @module
 */
import { defineElement } from '../shared/define.js';
import { AtProgress } from './progress.js';

defineElement('at-progress', AtProgress);

export { AtProgress };

declare global {
  interface HTMLElementTagNameMap {
    'at-progress': AtProgress;
  }
}
