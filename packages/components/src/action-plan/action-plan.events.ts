/**
 * The event of `<at-action-plan>`.
 *
 * @module
 */
import type { ActionPlan } from '@all-together/model';
import { AtEvent } from '../shared/events.js';

/** `detail` of `at-plan-change`. */
export interface AtPlanChangeDetail {
  /** The plan after the change, valid against `ActionPlan`, with a new `updatedAt`. */
  readonly plan: ActionPlan;
}

/** Fired when the user changes the plan; `detail.plan` is the whole plan, valid against `ActionPlan`. */
export class AtPlanChangeEvent extends AtEvent<AtPlanChangeDetail> {
  static readonly type = 'at-plan-change';
  constructor(plan: ActionPlan) {
    super(AtPlanChangeEvent.type, { plan });
  }
  /** @deprecated Read `detail.plan`. */
  get plan(): ActionPlan {
    return this.detail.plan;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-plan-change': AtPlanChangeEvent;
  }
}
