/**
 * Registers `<at-moderation>` (and the `<at-award-readiness>` and `<at-evidence>` it shows).
 * Import this file (`@all-together/components/at-moderation.js`) once; importing the class alone
 * registers nothing.
 *
 * @module
 */
import '../award/at-award-readiness.js';
import '../evidence/at-evidence.js';
import { defineElement } from '../shared/define.js';
import { AtModeration } from './moderation.js';
import { AtModerationDecisionEvent, type AtModerationDecisionDetail } from './moderation.events.js';

defineElement('at-moderation', AtModeration);

export { AtModeration, AtModerationDecisionEvent, type AtModerationDecisionDetail };

declare global {
  interface HTMLElementTagNameMap {
    'at-moderation': AtModeration;
  }
}
