/**
 * The events of `<at-moderation>`.
 *
 * @module
 */
import type { AwardLevel, ModerationOutcome } from '@all-together/model';
import { AtEvent } from '../shared/events.js';

/** `detail` of `at-moderation-decision`. */
export interface AtModerationDecisionDetail {
  readonly outcome: ModerationOutcome;
  /** The level awarded when the outcome is `change-level`; otherwise null. */
  readonly level: Exclude<AwardLevel, 'participation'> | null;
  /** The moderator's written reasons (at least 20 characters and 5 words). */
  readonly reasons: string;
  /** A second moderator signs the decision off before it stands. */
  readonly secondSignOff: boolean;
}

/**
 * The moderator recorded a decision and it passed the element's checks. Send it to your server,
 * then set the element's `decisions` (and `can-decide`) again.
 */
export class AtModerationDecisionEvent extends AtEvent<AtModerationDecisionDetail> {
  static readonly type = 'at-moderation-decision';
  constructor(detail: AtModerationDecisionDetail) {
    super(AtModerationDecisionEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-moderation-decision': AtModerationDecisionEvent;
  }
}
