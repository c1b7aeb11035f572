/**
 * The events of `<at-incident-form>`.
 *
 * @module
 */
import type { IncidentUpdate } from '@all-together/model';
import { AtEvent } from '../shared/events.js';

/** `detail` of `at-incident-change`. */
export interface AtIncidentChangeDetail {
  /** The record's id (made by the element for a new allegation, so a retried save stores one). */
  readonly id: string;
  /** Whether the record is new (never saved by the host). */
  readonly isNew: boolean;
  /**
   * The record as the form now makes it, checked with the model's `IncidentUpdate`, or null while
   * a field still has a problem (the typing is kept in the element and its draft either way).
   */
  readonly update: IncidentUpdate | null;
}

/**
 * A field changed. The element has already kept the typing as a draft on this device; a host that
 * autosaves to its server saves `detail.update` when it is not null (debounce it: this fires on
 * every keystroke).
 */
export class AtIncidentChangeEvent extends AtEvent<AtIncidentChangeDetail> {
  static readonly type = 'at-incident-change';
  constructor(detail: AtIncidentChangeDetail) {
    super(AtIncidentChangeEvent.type, detail);
  }
}

/** `detail` of `at-incident-save`: the checked record to store. */
export interface AtIncidentSaveDetail {
  readonly id: string;
  readonly isNew: boolean;
  readonly update: IncidentUpdate;
}

/**
 * The person pressed Save and every field passed its checks. Store `detail.update` under
 * `detail.id`, then call `saved()` on the element (which forgets the draft); on a refusal, set
 * `problems` to the server's problems and they are shown beside their fields.
 */
export class AtIncidentSaveEvent extends AtEvent<AtIncidentSaveDetail> {
  static readonly type = 'at-incident-save';
  constructor(detail: AtIncidentSaveDetail) {
    super(AtIncidentSaveEvent.type, detail);
  }
}

/** `detail` of `at-incident-invalid`: the problems the error summary now lists. */
export interface AtIncidentInvalidDetail {
  readonly problems: readonly { readonly field: string; readonly message: string }[];
}

/**
 * Save was pressed and a field has a problem: the error summary is showing and has focus. A host
 * page can say so in its title (GOV.UK: "Error: " before it), which only the page can change.
 */
export class AtIncidentInvalidEvent extends AtEvent<AtIncidentInvalidDetail> {
  static readonly type = 'at-incident-invalid';
  constructor(detail: AtIncidentInvalidDetail) {
    super(AtIncidentInvalidEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-incident-change': AtIncidentChangeEvent;
    'at-incident-save': AtIncidentSaveEvent;
    'at-incident-invalid': AtIncidentInvalidEvent;
  }
}
