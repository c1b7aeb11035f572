/**
 * Registers `<at-award-readiness>`. Import this file
 * (`@all-together/components/at-award-readiness.js`) once; importing the class alone registers
 * nothing.
 *
 * @module
 */
import { defineElement } from '../shared/define.js';
import { AtAwardReadiness } from './award-readiness.js';

defineElement('at-award-readiness', AtAwardReadiness);

export { AtAwardReadiness };

declare global {
  interface HTMLElementTagNameMap {
    'at-award-readiness': AtAwardReadiness;
  }
}
