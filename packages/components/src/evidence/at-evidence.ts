/**
 * Registers `<at-evidence>`. Import this file (`@all-together/components/at-evidence.js`) once;
 * importing the class alone registers nothing.
 *
 * @module
 */
import { defineElement } from '../shared/define.js';
import { AtEvidence } from './evidence.js';
import {
  AtEvidenceAddEvent,
  AtEvidenceRemoveEvent,
  type AtEvidenceAddDetail,
  type AtEvidenceRemoveDetail,
} from './evidence.events.js';

defineElement('at-evidence', AtEvidence);

export {
  AtEvidence,
  AtEvidenceAddEvent,
  AtEvidenceRemoveEvent,
  type AtEvidenceAddDetail,
  type AtEvidenceRemoveDetail,
};

declare global {
  interface HTMLElementTagNameMap {
    'at-evidence': AtEvidence;
  }
}
