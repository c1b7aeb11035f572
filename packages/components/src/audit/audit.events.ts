/**
 * The events of `<at-audit>`: `CustomEvent`s whose `detail` carries the payload, validated with
 * the model's `AuditResponse` schema.
 *
 * @module
 */
import type { AuditResponse } from '@all-together/model';
import type { AuditComparison, AuditScores } from '@all-together/scoring';
import { AtEvent } from '../shared/events.js';

/** `detail` of `at-audit-change`. */
export interface AtAuditChangeDetail {
  /** The draft audit, valid against `AuditResponse` (no `completedAt`). */
  readonly response: AuditResponse;
}

/**
 * Fired when the user changes the audit: a rating chosen, an evidence note added or removed.
 * `detail.response` is the whole draft, validated with the model's `AuditResponse` schema.
 */
export class AtAuditChangeEvent extends AtEvent<AtAuditChangeDetail> {
  static readonly type = 'at-audit-change';
  constructor(response: AuditResponse) {
    super(AtAuditChangeEvent.type, { response });
  }
  /** @deprecated Read `detail.response`. */
  get response(): AuditResponse {
    return this.detail.response;
  }
}

/** `detail` of `at-audit-complete`. */
export interface AtAuditCompleteDetail {
  /** The complete audit, valid against `AuditResponse`, with `completedAt`. */
  readonly response: AuditResponse;
  /** `scoreAudit(definition, response)`. */
  readonly scores: AuditScores;
  /** `compareAudits(definition, baseline, response)` in the end audit with a baseline, else null. */
  readonly comparison: AuditComparison | null;
}

/**
 * Fired when the user completes the audit (every statement rated, Don't know allowed): `detail`
 * holds the response, its scores and the comparison with the baseline.
 */
export class AtAuditCompleteEvent extends AtEvent<AtAuditCompleteDetail> {
  static readonly type = 'at-audit-complete';
  constructor(response: AuditResponse, scores: AuditScores, comparison: AuditComparison | null) {
    super(AtAuditCompleteEvent.type, { response, scores, comparison });
  }
  /** @deprecated Read `detail.response`. */
  get response(): AuditResponse {
    return this.detail.response;
  }
  /** @deprecated Read `detail.scores`. */
  get scores(): AuditScores {
    return this.detail.scores;
  }
  /** @deprecated Read `detail.comparison`. */
  get comparison(): AuditComparison | null {
    return this.detail.comparison;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-audit-change': AtAuditChangeEvent;
    'at-audit-complete': AtAuditCompleteEvent;
  }
}
