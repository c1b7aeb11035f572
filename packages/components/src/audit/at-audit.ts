/**
 * Registers `<at-audit>`. Import this file (`@all-together/components/at-audit.js`) once;
 * importing the class alone registers nothing.
 *
 * @module
 */
import { defineElement } from '../shared/define.js';
import { AtAudit } from './audit.js';

defineElement('at-audit', AtAudit);

export { AtAudit };

declare global {
  interface HTMLElementTagNameMap {
    'at-audit': AtAudit;
  }
}
