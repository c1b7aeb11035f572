/**
 * The events of `<at-evidence>`.
 *
 * @module
 */
import type { EvidenceKind } from '@all-together/model';
import { AtEvent } from '../shared/events.js';

/** `detail` of `at-evidence-add`: the item as entered, checked, and the file chosen. */
export interface AtEvidenceAddDetail {
  /** The audit area's number (`"3"`), or null for an item of an action. */
  readonly area: string | null;
  /** The action's id, or null for an item of an area. */
  readonly action: string | null;
  readonly kind: EvidenceKind;
  readonly description: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly url: string | null;
  /** The file chosen (its type and size checked against the element's limits), or null. */
  readonly file: File | null;
}

/**
 * The person added an item and it passed the element's checks. Store it (upload the file) and call
 * `reset()` on the element when it is stored; on a refusal, set `error` to the message.
 */
export class AtEvidenceAddEvent extends AtEvent<AtEvidenceAddDetail> {
  static readonly type = 'at-evidence-add';
  constructor(detail: AtEvidenceAddDetail) {
    super(AtEvidenceAddEvent.type, detail);
  }
}

/** `detail` of `at-evidence-remove`. */
export interface AtEvidenceRemoveDetail {
  /** The item's id. */
  readonly id: string;
}

/** The person pressed Remove on an item. Remove it, then set the element's `items` again. */
export class AtEvidenceRemoveEvent extends AtEvent<AtEvidenceRemoveDetail> {
  static readonly type = 'at-evidence-remove';
  constructor(detail: AtEvidenceRemoveDetail) {
    super(AtEvidenceRemoveEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-evidence-add': AtEvidenceAddEvent;
    'at-evidence-remove': AtEvidenceRemoveEvent;
  }
}
