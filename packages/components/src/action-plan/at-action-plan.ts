/**
 * Registers `<at-action-plan>`. Import this file (`@all-together/components/at-action-plan.js`)
 * once; importing the class alone registers nothing.
 *
 * @module
 */
import '../award/at-award-readiness.js';
import { defineElement } from '../shared/define.js';
import { AtActionPlan } from './action-plan.js';

defineElement('at-action-plan', AtActionPlan);

export { AtActionPlan };

declare global {
  interface HTMLElementTagNameMap {
    'at-action-plan': AtActionPlan;
  }
}
